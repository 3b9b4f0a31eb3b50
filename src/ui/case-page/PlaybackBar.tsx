import { useState } from 'react';
import { formatClock } from '../../case/time';
import { toWebVtt } from '../../case/webvtt';
import { useLesson, useLessonStore } from './lesson-context';
import { useReadAloud, useVoicesAvailable } from './use-read-aloud';
import { setCaptions, useCaptions } from './captions-preference';
import { downloadText } from '../download';
import { countRender } from '../render-count';
import { messages } from '../i18n/messages';

const m = messages.casePage.playback;
const lm = messages.lesson;

const RATES = [0.5, 0.75, 1, 1.25, 1.5, 2];

/**
 * Play/pause, the scrubber with ticks where steps start, a row of numbered chapter buttons (ticks placed by time
 * would overlap, and 24 px targets cannot sit 13 px apart), and speed. Chapter titles of steps not reached yet stay
 * hidden (they could name the answer). Where nothing speaks (no recorded narration, no speech voice) it says so and
 * captions the image by default.
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
  const stepIndex = useLesson((s) => s.stepIndex);
  const voices = useVoicesAvailable();
  const silent = !lesson.narration && !voices;
  const captions = useCaptions(silent);
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
        <div className="chapter-ticks" aria-hidden="true">
          {timeline.steps.map((step) => (
            <span key={step.id} style={{ left: `${(step.start / duration) * 100}%` }} />
          ))}
        </div>
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
      <ol className="chapters" aria-label={m.chapters}>
        {timeline.steps.map((step) => (
          <li key={step.id}>
            <button
              type="button"
              title={step.index <= openThrough ? step.title : m.hiddenChapter(step.index + 1)}
              aria-label={m.chapter(step.index + 1, step.index <= openThrough ? step.title : null)}
              aria-current={step.index === stepIndex ? 'step' : undefined}
              onClick={() => goToStep(step.index)}
            >
              {step.index + 1}
            </button>
          </li>
        ))}
      </ol>
      <div className="playback-extras">
        {/* A live region from the start, so the note is read out when playing begins. */}
        <p className="no-voice" role="status">
          {silent && playing ? lm.noVoice : null}
        </p>
        <label>
          <input type="checkbox" checked={captions} onChange={(e) => setCaptions(e.target.checked)} /> {lm.captions}
        </label>
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
