import { useEffect, useState } from 'react';
import { formatClock } from '../../case/time';
import { messages } from '../i18n/messages';

const m = messages.presenter.timer;

/** Time since the console opened (or since "Reset"), for a speaker keeping to a conference slot. */
export function PresenterTimer() {
  const [start, setStart] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, []);
  const seconds = Math.max(0, Math.floor((now - start) / 1000));
  return (
    <div className="presenter-timer" role="timer" aria-label={m.name}>
      <span className="timer-value">{formatClock(seconds)}</span>
      <button
        type="button"
        className="subtle"
        onClick={() => {
          setStart(Date.now());
          setNow(Date.now());
        }}
      >
        {m.reset}
      </button>
    </div>
  );
}
