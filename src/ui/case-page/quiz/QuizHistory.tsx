import { revisionChanges } from '../../../case/quiz-attempt';
import type { QuizRecord, QuizRevision } from '../../../case/progress';
import type { ParsedCase } from '../../../case/schema';
import { messages } from '../../i18n/messages';
import './quiz-flow.css';

const m = messages.quizFlow;

/** "a, b and c" in the page's language. */
const listed = (items: readonly string[]): string => new Intl.ListFormat(document.documentElement.lang || 'en', { type: 'conjunction' }).format(items);

/** A step's number as the case numbers it now (an author may have moved it), else as it was when the answer was made. */
export function stepNumber(lesson: ParsedCase, step: QuizRevision['step']): number {
  const i = lesson.steps.findIndex((s) => s.id === step.id);
  return i >= 0 ? i + 1 : step.number;
}

/**
 * After the reveal: where the answer was first committed and what each revision changed at which step ("At step 6
 * you added “lymphoma”"), and whether it was committed after the answers were shown.
 */
export function QuizHistory({ lesson, quiz }: { lesson: ParsedCase; quiz: QuizRecord }) {
  const revisions = quiz.revisions ?? [];
  const first = revisions[0];
  if (!first && !quiz.seen) return null;
  const changes = revisionChanges(revisions);
  return (
    <section className="quiz quiz-history" aria-label={m.history.region}>
      <h3>{m.history.heading}</h3>
      {quiz.seen && <p className="quiz-seen-mark">{m.seenMark}</p>}
      {first && <p>{m.history.first(stepNumber(lesson, first.step))}</p>}
      {first && changes.length === 0 && <p className="muted">{m.history.unchanged}</p>}
      {changes.length > 0 && (
        <ul className="quiz-changes">
          {changes.map((c, i) => {
            const parts = [
              ...(c.added.length ? [m.history.added(listed(c.added.map(m.history.quoted)))] : []),
              ...(c.removed.length ? [m.history.removed(listed(c.removed.map(m.history.quoted)))] : []),
              ...(c.reordered ? [m.history.reordered] : []),
              ...(c.findingsChanged ? [m.history.findings] : []),
            ];
            return <li key={i}>{m.history.at(stepNumber(lesson, c.step), listed(parts))}</li>;
          })}
        </ul>
      )}
    </section>
  );
}
