import { useLesson } from './lesson-context';

export function StepControls() {
  const stepIndex = useLesson((s) => s.stepIndex);
  const steps = useLesson((s) => s.timeline.steps);
  const next = useLesson((s) => s.nextStep);
  const previous = useLesson((s) => s.previousStep);
  const step = steps[stepIndex];
  return (
    <nav className="step-controls" aria-label="Steps">
      <button type="button" onClick={previous} disabled={stepIndex === 0} aria-keyshortcuts="ArrowLeft PageUp">
        Previous step
      </button>
      <p className="step-position">
        Step {stepIndex + 1} of {steps.length}
        {step && <span className="step-title">{step.title}</span>}
      </p>
      <button
        type="button"
        onClick={next}
        disabled={stepIndex >= steps.length - 1}
        aria-keyshortcuts="ArrowRight PageDown Space"
      >
        Next step
      </button>
    </nav>
  );
}
