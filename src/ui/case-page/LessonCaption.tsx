import { useLesson } from './lesson-context';
import { useCaptions } from './captions-preference';
import { useVoicesAvailable } from './use-read-aloud';

/**
 * The transcript's current words over the image while the lesson plays, as subtitles: where nothing speaks they are
 * the narration (on by default then), elsewhere an aid the learner may turn on. Hidden from screen readers, which have
 * the transcript and its current segment already.
 */
export function LessonCaption() {
  const narrated = useLesson((s) => s.lesson.narration !== undefined);
  const voices = useVoicesAvailable();
  const on = useCaptions(!narrated && !voices);
  const playing = useLesson((s) => s.clock.playing && !s.presenting);
  const text = useLesson((s) => s.timeline.segments[s.segmentIndex]?.text ?? '');
  if (!on || !playing || text === '') return null;
  return (
    <p className="lesson-caption" aria-hidden="true">
      {text}
    </p>
  );
}
