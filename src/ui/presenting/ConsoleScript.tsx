import { SegmentButton } from '../case-page/SegmentButton';
import { useEffect, useRef } from 'react';
import { useLesson } from '../case-page/lesson-context';
import { messages } from '../i18n/messages';

const m = messages.presenter.script;

/** The presenter's script for the current step: the speaker notes, then the narration with the current segment. */
export function ConsoleScript() {
  const timeline = useLesson((s) => s.timeline);
  const stepIndex = useLesson((s) => s.stepIndex);
  const segmentIndex = useLesson((s) => s.segmentIndex);
  const notes = useLesson((s) => s.lesson.speakerNotes);
  const goToSegment = useLesson((s) => s.goToSegment);
  const current = useRef<HTMLButtonElement>(null);
  const step = timeline.steps[stepIndex];
  useEffect(() => {
    current.current?.scrollIntoView({ block: 'nearest' });
  }, [segmentIndex]);
  if (!step) return null;
  const note = notes[step.id];
  return (
    <>
      <section className="speaker-notes" aria-label={m.notesRegion}>
        <h2>{m.notesHeading}</h2>
        {note ? <p>{note}</p> : <p className="muted">{m.noNotes}</p>}
      </section>
      <section className="transcript console-transcript" aria-label={m.transcript}>
        <h2>{m.step(step.index + 1, step.title)}</h2>
        <ol className="segments">
          {timeline.segments.slice(step.firstSegment, step.lastSegment + 1).map((seg) => (
            <li key={seg.id}>
              <SegmentButton segment={seg} current={seg.index === segmentIndex} onGo={goToSegment} ref={seg.index === segmentIndex ? current : undefined} />
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
