import type { LibraryEntry } from '../../case/library';
import type { ProgressMap } from '../../case/progress';
import { dueList } from '../../case/spaced-repetition';
import { caseHref } from '../route';

interface Props {
  entries: readonly LibraryEntry[];
  progress: ProgressMap;
  unknown: boolean;
}

function when(due: boolean, overdueDays: number, dueAt: string): string {
  if (due) return overdueDays > 0 ? `due, ${overdueDays} day${overdueDays > 1 ? 's' : ''} overdue` : 'due today';
  return `due ${new Date(dueAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}`;
}

/**
 * Cases the learner quizzed on, soonest due first: SM-2 (src/case/spaced-repetition.ts) schedules each from its
 * quiz score. A review starts the case from step 1, with the answers hidden again.
 */
export function ReviewList({ entries, progress, unknown }: Props) {
  const items = dueList(Object.values(progress), new Date()).filter((i) => entries.some((e) => e.id === i.caseId));
  if (items.length === 0) return null;
  return (
    <section className="review-list" aria-label="Review again">
      <h2>Review again</h2>
      <p className="muted">Soonest due first, scheduled from your quiz scores (SM-2).</p>
      <ol>
        {items.map((i) => {
          const index = entries.findIndex((e) => e.id === i.caseId);
          const entry = entries[index];
          const quiz = progress[i.caseId]?.quiz;
          return (
            <li key={i.caseId} className={i.due ? 'due' : undefined}>
              <a href={caseHref(i.caseId, 1)}>{unknown ? `Unknown case ${index + 1}` : entry && 'title' in entry ? entry.title : i.caseId}</a>{' '}
              <span className="muted">
                {when(i.due, i.overdueDays, i.dueAt)}
                {quiz ? ` · last score ${quiz.score} of ${quiz.maxScore}` : ''}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
