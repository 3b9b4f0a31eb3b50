import { SegmentButton } from './SegmentButton';
import { useEffect, useRef, useState } from 'react';
import { useLesson } from './lesson-context';
import { messages } from '../i18n/messages';
import { scrollWithin } from '../scroll-within';

const m = messages.casePage.transcript;

/**
 * The narration grouped by step. Steps not yet reached show only their number: their words (and titles) would
 * give the answer away before its reveal.
 */
export function TranscriptPanel() {
  const timeline = useLesson((s) => s.timeline);
  const segmentIndex = useLesson((s) => s.segmentIndex);
  const stepIndex = useLesson((s) => s.stepIndex);
  const revealedThrough = useLesson((s) => s.revealedThrough);
  const goToSegment = useLesson((s) => s.goToSegment);
  const goToStep = useLesson((s) => s.goToStep);
  const currentRef = useRef<HTMLButtonElement>(null);
  const [follow, setFollow] = useState(true);
  const openThrough = Math.max(revealedThrough, stepIndex);

  useEffect(() => {
    if (follow && currentRef.current) scrollWithin(currentRef.current);
  }, [segmentIndex, follow]);

  return (
    // Scrolling the transcript by hand means the learner is reading elsewhere: stop following the narration.
    <section className="transcript" aria-label={m.region} onWheel={() => setFollow(false)} onTouchMove={() => setFollow(false)}>
      <div className="transcript-head">
        <h2>{m.heading}</h2>
        <label className="follow">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> {m.follow}
        </label>
      </div>
      <ol className="transcript-steps">
        {timeline.steps.map((step) => {
          const open = step.index <= openThrough;
          const segments = timeline.segments.slice(step.firstSegment, step.lastSegment + 1);
          return (
            <li key={step.id} className={step.index === stepIndex ? 'transcript-step current' : 'transcript-step'}>
              {open ? (
                <>
                  <h3>
                    <span className="step-number">{step.index + 1}</span> {step.title}
                  </h3>
                  <ol className="segments">
                    {segments.map((seg) => (
                      <li key={seg.id}>
                        <SegmentButton segment={seg} current={seg.index === segmentIndex} onGo={goToSegment} ref={seg.index === segmentIndex ? currentRef : undefined} />
                      </li>
                    ))}
                  </ol>
                </>
              ) : (
                <button type="button" className="locked-step" onClick={() => goToStep(step.index)}>
                  <span className="step-number">{step.index + 1}</span> {m.notReached(step.index + 1)}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
