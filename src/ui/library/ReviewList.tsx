import type { LibraryEntry } from '../../case/library';
import type { ProgressMap } from '../../case/progress';
import { dueList } from '../../case/spaced-repetition';
import { caseAddress } from '../route';
import { messages } from '../i18n/messages';

const m = messages.library;

interface Props {
  entries: readonly LibraryEntry[];
  progress: ProgressMap;
  unknown: boolean;
}

function when(due: boolean, overdueDays: number, dueAt: string): string {
  if (due) return overdueDays > 0 ? m.review.overdue(overdueDays) : m.review.dueToday;
  return m.review.dueOn(new Date(dueAt).toLocaleDateString(undefined, { dateStyle: 'medium' }));
}

/**
 * Cases the learner quizzed on, soonest due first: SM-2 (src/case/spaced-repetition.ts) schedules each from its
 * quiz score. A review starts the case from step 1, with the answers hidden again.
 */
export function ReviewList({ entries, progress, unknown }: Props) {
  const items = dueList(Object.values(progress), new Date()).filter((i) => entries.some((e) => e.id === i.caseId));
  if (items.length === 0) return null;
  return (
    <section className="review-list" aria-label={m.review.heading}>
      <h2>{m.review.heading}</h2>
      <p className="muted">{m.review.explanation}</p>
      <ol>
        {items.map((i) => {
          const index = entries.findIndex((e) => e.id === i.caseId);
          const entry = entries[index];
          const quiz = progress[i.caseId]?.quiz;
          return (
            <li key={i.caseId} className={i.due ? 'due' : undefined}>
              <a href={caseAddress(i.caseId, 1)}>{unknown ? m.unknownCase(index + 1) : entry && 'title' in entry ? entry.title : i.caseId}</a>{' '}
              <span className="muted">
                {when(i.due, i.overdueDays, i.dueAt)}
                {quiz ? m.review.lastScore(quiz.score, quiz.maxScore) : ''}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
