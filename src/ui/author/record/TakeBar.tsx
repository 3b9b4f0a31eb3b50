import { formatClock } from '../../../case/time';
import './take.css';
import { messages } from '../../i18n/messages';
import type { Take } from './use-take';

const m = messages.record;

/** The meter reads from silence (-60 dB) to full scale. */
const meterLevel = (db: number): number => Math.min(0, Math.max(-60, db));

/**
 * Under the authoring toolbar: while a take runs, its clock, the microphone's level, pause/resume, stop, a mark
 * and the step buttons; otherwise what the last take became, or why the microphone could not be used.
 */
export function TakeBar({ take }: { take: Take }) {
  const running = take.phase === 'recording' || take.phase === 'paused';
  if (!running) {
    return (
      <>
        {take.phase === 'asking' && <p role="status">{m.asking}</p>}
        {take.phase === 'finishing' && <p role="status">{m.finishing}</p>}
        {take.micProblem && (
          <p role="alert" className="take-problem">
            {m.micProblem(take.micProblem)}{' '}
            <button type="button" onClick={() => take.start(false)}>
              {m.withoutAudio}
            </button>
          </p>
        )}
        {take.message && (
          <p role="status" className="take-result">
            {take.message}
          </p>
        )}
      </>
    );
  }
  const paused = take.phase === 'paused';
  return (
    <section className={paused ? 'take-bar paused' : 'take-bar'} aria-label={m.region}>
      <span className="take-dot" aria-hidden="true" />
      <time role="timer" aria-label={m.clock} className="take-clock" dateTime={`PT${take.seconds.toFixed(1)}S`}>
        {formatClock(take.seconds)}
      </time>
      {take.level !== null ? (
        <meter aria-label={m.level} min={-60} max={0} low={-45} high={-6} optimum={-20} value={meterLevel(take.level)} />
      ) : (
        <span className="muted">{m.noAudio}</span>
      )}
      {paused && <strong>{m.paused}</strong>}
      {paused ? (
        <button type="button" onClick={take.resume}>
          {m.resume}
        </button>
      ) : (
        <button type="button" onClick={take.pause}>
          {m.pause}
        </button>
      )}
      <button type="button" onClick={take.stop}>
        {m.stop}
      </button>
      <button type="button" aria-keyshortcuts="M" onClick={(e) => take.mark(e.timeStamp)}>
        {m.mark}
      </button>
      <button type="button" onClick={() => take.step(-1)}>
        {m.previousStep}
      </button>
      <button type="button" onClick={() => take.step(1)}>
        {m.nextStep}
      </button>
      <p className="muted take-hint">{m.hint}</p>
    </section>
  );
}
