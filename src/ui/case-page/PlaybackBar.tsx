import { useState } from 'react';
import { formatClock } from '../../case/time';
import { toWebVtt } from '../../case/webvtt';
import { useLesson, useLessonStore } from './lesson-context';
import { useReadAloud, useVoicesAvailable } from './use-read-aloud';
import { downloadText } from '../download';
import { countRender } from '../render-count';
import { messages } from '../i18n/messages';

const m = messages.casePage.playback;

const RATES = [0.5, 0.75, 1, 1.25, 1.5, 2];

/**
 * Play/pause, the scrubber with steps as chapter marks, and speed. Chapter titles of steps not reached yet stay
 * hidden (they could name the answer); their marks still show where they start.
 */
export function PlaybackBar() {
  countRender('PlaybackBar');
  const playing = useLesson((s) => s.clock.playing);
  const rate = useLesson((s) => s.clock.rate);
  const time = useLesson((s) => s.time);
  const timeline = useLesson((s) => s.timeline);
  const openThrough = useLesson((s) => Math.max(s.revealedThrough, s.stepIndex));
  const togglePlay = useLesson((s) => s.togglePlay);
  const seekTo = useLesson((s) => s.seekTo);
  const setRate = useLesson((s) => s.setRate);
  const goToStep = useLesson((s) => s.goToStep);
  const lesson = useLesson((s) => s.lesson);
  const duration = timeline.duration || 1;
  const voices = useVoicesAvailable();
  const [readAloud, setReadAloud] = useState(false);
  useReadAloud(useLessonStore(), readAloud && voices && !lesson.narration);

  const downloadCaptions = (): void => {
    const vtt = toWebVtt({ steps: lesson.steps, segments: lesson.transcript }, timeline.segments.map((s) => s.end));
    downloadText(vtt, `${lesson.id}.vtt`, 'text/vtt');
  };

  return (
    <div className="playback" role="group" aria-label={m.group}>
      <button type="button" className="play-button" onClick={togglePlay} aria-keyshortcuts="K">
        {playing ? m.pause : m.play}
      </button>
      <span className="playback-time" aria-live="off">
        {formatClock(time)} / {formatClock(duration)}
      </span>
      <div className="scrubber">
        <input
          type="range"
          aria-label={m.time}
          min={0}
          max={duration}
          step={0.1}
          value={time}
          aria-valuetext={m.timeOf(formatClock(time), formatClock(duration))}
          onChange={(e) => seekTo(Number(e.target.value))}
        />
        <ol className="chapters" aria-label={m.chapters}>
          {timeline.steps.map((step) => (
            <li key={step.id} style={{ left: `${(step.start / duration) * 100}%` }}>
              <button
                type="button"
                title={step.index <= openThrough ? step.title : m.hiddenChapter(step.index + 1)}
                aria-label={m.chapter(step.index + 1, step.index <= openThrough ? step.title : null)}
                onClick={() => goToStep(step.index)}
              />
            </li>
          ))}
        </ol>
      </div>
      <label className="rate">
        <span className="visually-hidden">{m.speed}</span>
        <select value={rate} onChange={(e) => setRate(Number(e.target.value))} aria-label={m.speed}>
          {RATES.map((r) => (
            <option key={r} value={r}>
              {r}×
            </option>
          ))}
        </select>
      </label>
      <div className="playback-extras">
        {voices && !lesson.narration && (
          <label>
            <input type="checkbox" checked={readAloud} onChange={(e) => setReadAloud(e.target.checked)} /> {m.readAloud}
          </label>
        )}
        <button type="button" className="subtle" onClick={downloadCaptions}>
          {m.captions}
        </button>
      </div>
    </div>
  );
}
