import { useLesson } from './lesson-context';
import { messages } from '../i18n/messages';

const m = messages.casePage.announcer;

/**
 * For screen-reader users, what the images now show: the step and the findings the cue's arrows point at,
 * announced politely whenever the cue changes (the viewports' own names give series and image).
 */
export function CueAnnouncer() {
  const text = useLesson((s) => {
    const seg = s.timeline.segments[s.segmentIndex];
    const cue = s.timeline.cues[seg?.cueIndex ?? 0];
    const step = s.timeline.steps[s.stepIndex];
    const labels = cue ? Object.values(cue.viewports).flatMap((vp) => vp.arrows.map((a) => a.label).filter((l) => l !== '')) : [];
    const findings = labels.length > 0 ? m.arrows(labels.join('; ')) : '';
    return step ? `${m.step(step.index + 1, step.title)}${findings}` : '';
  });
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="cue-announcer">
      {text}
    </p>
  );
}
