import { whyNotNamed } from '../../../case/review';
import { useLesson } from '../lesson-context';
import { messages } from '../../i18n/messages';

const m = messages.caseReview.whyNot;

/** After the reveal: the common wrong answers the learner named, each with the line that argues against it. */
export function WhyNotList({ answers }: { answers: readonly string[] }) {
  const lesson = useLesson((s) => s.lesson);
  const hits = whyNotNamed(lesson, answers);
  if (hits.length === 0) return null;
  return (
    <section className="why-not" aria-label={m.region}>
      <h3>{m.heading}</h3>
      <p className="muted">{m.intro}</p>
      <ul>
        {hits.map((h) => (
          <li key={h.item.diagnosis}>
            <strong>{m.yours(h.item.diagnosis, h.rank)}</strong> — {h.item.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}
