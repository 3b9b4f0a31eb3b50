import { clickerNext, clickerPrevious, cueStopIndex } from '../../case/cues';
import { useLesson } from '../case-page/lesson-context';
import { messages } from '../i18n/messages';

const m = messages.presenter.cues;

/**
 * Cue by cue, as the clicker goes (PageDown, →, Space on either window): what the step holds back, such as an arrow
 * the speaker lets the room look for first, comes before the next step.
 */
export function CueControls() {
  const timeline = useLesson((s) => s.timeline);
  const segmentIndex = useLesson((s) => s.segmentIndex);
  const nextCue = useLesson((s) => s.nextCue);
  const previousCue = useLesson((s) => s.previousCue);
  const { stop, count } = cueStopIndex(timeline, segmentIndex);
  return (
    <nav className="cue-controls" aria-label={m.nav}>
      <button type="button" onClick={previousCue} disabled={clickerPrevious(timeline, segmentIndex) === null} aria-keyshortcuts="ArrowLeft PageUp">
        {m.previous}
      </button>
      <p className="cue-position" role="status">
        {m.position(stop + 1, count)}
      </p>
      <button type="button" onClick={nextCue} disabled={clickerNext(timeline, segmentIndex) === null} aria-keyshortcuts="ArrowRight PageDown Space">
        {m.next}
      </button>
    </nav>
  );
}
