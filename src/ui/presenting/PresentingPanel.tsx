import { RevealPanel } from '../case-page/RevealPanel';
import { useLesson } from '../case-page/lesson-context';

/**
 * The audience screen's side: the step in large type and the answers the presenter has revealed, nothing else
 * (no transcript ahead of the speaker, no quiz, no buttons to press on a projector).
 */
export function PresentingPanel() {
  const step = useLesson((s) => s.timeline.steps[s.stepIndex]);
  const count = useLesson((s) => s.timeline.steps.length);
  return (
    <div className="presenting-panel">
      <p className="presenting-step" aria-live="polite">
        <span className="muted">
          {(step?.index ?? 0) + 1} / {count}
        </span>{' '}
        {step?.title}
      </p>
      <RevealPanel presenting />
    </div>
  );
}
