import type { RevealItem } from '../../case/schema';
import { revealStepIndex, visibleRevealItems } from '../../case/reveal';
import { useLesson } from '../case-page/lesson-context';
import type { AnswersEdges } from './answers-scroll';
import { messages } from '../i18n/messages';

const m = messages.presenter.reveal;
const KIND_NAMES: Readonly<Record<RevealItem['kind'], string>> = messages.casePage.reveal.kinds;

/**
 * The answers as the presenter gives them out: each item with its own "Reveal" (or marked as on the audience
 * screen), "Reveal now" for everything left, "Hide answers", and the audience's answers panel scrolled from here
 * (nobody reaches a projector's scroll bar).
 */
interface Props {
  /** Whether the audience's answers go on above or below what its panel shows. */
  audience: AnswersEdges;
  onScroll: (direction: 'up' | 'down') => void;
}

export function ConsoleReveal({ audience, onScroll }: Props) {
  const lesson = useLesson((s) => s.lesson);
  const revealedThrough = useLesson((s) => s.revealedThrough);
  const byHand = useLesson((s) => s.revealedByHand);
  const floor = useLesson((s) => s.revealFloor);
  const revealItem = useLesson((s) => s.revealItem);
  const revealNow = useLesson((s) => s.revealNow);
  const concealFromHere = useLesson((s) => s.concealFromHere);
  if (lesson.reveal.length === 0) return null;
  const shown = new Set(visibleRevealItems(lesson, revealedThrough, byHand, floor).map((r) => r.id));
  const left = lesson.reveal.length - shown.size;
  return (
    <section className="console-reveal" aria-label={m.region}>
      <h2>{m.heading}</h2>
      <ul className="console-reveal-items">
        {lesson.reveal.map((item) => (
          <li key={item.id} className={shown.has(item.id) ? 'shown' : 'held'}>
            <span className="console-reveal-title">
              {item.title} <span className="muted">{m.atStep(revealStepIndex(lesson, item) + 1)}</span>
            </span>
            {shown.has(item.id) ? (
              <span className="console-reveal-state">{m.onScreen}</span>
            ) : (
              <button type="button" aria-label={m.revealItem(KIND_NAMES[item.kind])} onClick={() => revealItem(item.id)}>
                {m.reveal}
              </button>
            )}
          </li>
        ))}
      </ul>
      <div className="console-reveal-actions">
        {left > 0 && (
          <button type="button" onClick={revealNow}>
            {messages.casePage.reveal.revealNow}
          </button>
        )}
        {shown.size > 0 && (
          <button type="button" onClick={concealFromHere}>
            {messages.casePage.reveal.hide}
          </button>
        )}
        <button type="button" onClick={() => onScroll('up')} disabled={!audience.above}>
          {m.scrollUp}
        </button>
        <button type="button" onClick={() => onScroll('down')} disabled={!audience.below}>
          {m.scrollDown}
        </button>
      </div>
      {(audience.above || audience.below) && (
        <p className="console-reveal-more" role="status">
          {m.more(audience.above, audience.below)}
        </p>
      )}
    </section>
  );
}
