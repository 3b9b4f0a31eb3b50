import { messages } from '../i18n/messages';

/**
 * Says so when a deep link names a step the case does not have (`#/case/<id>/step/99` for a case of 6 steps): the
 * lesson opens at the nearest step, and the learner should know why it is not the one they were sent to.
 */
export function StepLinkNotice({ step, count }: { step: number | null; count: number }) {
  if (step === null || (step >= 1 && step <= count)) return null;
  const shown = Math.min(Math.max(step, 1), count);
  return (
    <p className="step-link-notice" role="status">
      {messages.casePage.stepLink(step, count, shown)}
    </p>
  );
}
