import { useLesson } from './lesson-context';
import './lesson.css';
import { messages } from '../i18n/messages';

const m = messages.casePage.steps;

/** Previous and Next around the step's position; the step's title takes a row of its own beneath (lesson.css). */
export function StepControls() {
  const stepIndex = useLesson((s) => s.stepIndex);
  const steps = useLesson((s) => s.timeline.steps);
  const next = useLesson((s) => s.nextStep);
  const previous = useLesson((s) => s.previousStep);
  const step = steps[stepIndex];
  return (
    <nav className="step-controls" aria-label={m.nav}>
      <button type="button" onClick={previous} disabled={stepIndex === 0} aria-keyshortcuts="ArrowLeft PageUp">
        {m.previous}
      </button>
      <p className="step-position">
        <span className="step-count">{m.position(stepIndex + 1, steps.length)}</span>
        {step && <span className="step-title">{step.title}</span>}
      </p>
      <button
        type="button"
        onClick={next}
        disabled={stepIndex >= steps.length - 1}
        aria-keyshortcuts="ArrowRight PageDown Space"
      >
        {m.next}
      </button>
    </nav>
  );
}
