import { whyNotNamed, type WhyNotHit } from '../../../case/review';
import type { QuizRecord } from '../../../case/progress';
import { useLesson } from '../lesson-context';
import { stepNumber } from '../quiz/QuizHistory';
import { messages } from '../../i18n/messages';

const m = messages.caseReview.whyNot;

/**
 * After the reveal: the common wrong answers the learner named, each with the line that argues against it; those
 * the committed answer still holds first, then those an earlier revision named and a later one dropped (the
 * reason still teaches why it went).
 */
export function WhyNotList({ quiz }: { quiz: Pick<QuizRecord, 'answers' | 'revisions'> | undefined }) {
  const lesson = useLesson((s) => s.lesson);
  const hits: Array<{ hit: WhyNotHit; droppedAt?: number }> = whyNotNamed(lesson, quiz?.answers ?? []).map((hit) => ({ hit }));
  for (const revision of quiz?.revisions?.slice(0, -1) ?? []) {
    for (const hit of whyNotNamed(lesson, revision.answers)) {
      if (!hits.some((h) => h.hit.item === hit.item)) hits.push({ hit, droppedAt: stepNumber(lesson, revision.step) });
    }
  }
  if (hits.length === 0) return null;
  return (
    <section className="why-not" aria-label={m.region}>
      <h3>{m.heading}</h3>
      <p className="muted">{m.intro}</p>
      <ul>
        {hits.map(({ hit, droppedAt }) => (
          <li key={hit.item.diagnosis}>
            <strong>{droppedAt === undefined ? m.yours(hit.item.diagnosis, hit.rank) : messages.quizWalk.dropped(hit.item.diagnosis, droppedAt)}</strong> —{' '}
            {hit.item.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}
