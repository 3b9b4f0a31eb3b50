import { useEffect, useRef, useState } from 'react';
import { RevealPanel } from '../case-page/RevealPanel';
import { useLesson } from '../case-page/lesson-context';
import { reportAnswersEdges, takeAnswersScroll } from './answers-scroll';
import './presenting.css';

/** Whether the answers go on above or below what the panel shows: the projector then says so at that edge. */
function overflowOf(el: HTMLElement): { above: boolean; below: boolean } {
  return { above: el.scrollTop > 2, below: el.scrollTop + el.clientHeight < el.scrollHeight - 2 };
}

/**
 * The audience screen's side: the step in large type and the answers the presenter has revealed, nothing else
 * (no transcript ahead of the speaker, no quiz, no buttons to press on a projector). The answers scroll within
 * their panel, moved by the console's "Scroll answers"; an answer just revealed is brought into view.
 */
export function PresentingPanel() {
  const step = useLesson((s) => s.timeline.steps[s.stepIndex]);
  const count = useLesson((s) => s.timeline.steps.length);
  const byHand = useLesson((s) => s.revealedByHand);
  const through = useLesson((s) => s.revealedThrough);
  const answers = useRef<HTMLDivElement>(null);
  const seen = useRef<ReadonlySet<string>>(new Set());
  const [edges, setEdges] = useState({ above: false, below: false });
  useEffect(() => reportAnswersEdges(edges), [edges]);

  useEffect(() => {
    const el = answers.current;
    if (!el) return;
    const measure = (): void => setEdges(overflowOf(el));
    const release = takeAnswersScroll(el);
    el.addEventListener('scroll', measure, { passive: true });
    const resize = new ResizeObserver(measure);
    resize.observe(el);
    return () => {
      reportAnswersEdges({ above: false, below: false });
      release();
      el.removeEventListener('scroll', measure);
      resize.disconnect();
    };
  }, []);

  useEffect(() => {
    const el = answers.current;
    if (!el) return;
    const items = [...el.querySelectorAll<HTMLElement>('[data-reveal-id]')];
    const fresh = items.filter((i) => !seen.current.has(i.dataset.revealId ?? ''));
    seen.current = new Set(items.map((i) => i.dataset.revealId ?? ''));
    // The first answer just given out, at the top of the panel: the room reads on from there.
    fresh[0]?.scrollIntoView({ block: 'start' });
    setEdges(overflowOf(el));
  }, [byHand, through]);

  return (
    <div className="presenting-panel">
      <p className="presenting-step" aria-live="polite">
        <span className="muted">
          {(step?.index ?? 0) + 1} / {count}
        </span>{' '}
        {step?.title}
      </p>
      <div ref={answers} className={`presenting-answers${edges.above ? ' more-above' : ''}${edges.below ? ' more-below' : ''}`}>
        <RevealPanel presenting />
      </div>
    </div>
  );
}
