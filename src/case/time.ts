/**
 * Times in a case file may be written as seconds (12.5) or as clock text ("1:05", "1:05.5", "1:02:03").
 * Parsing lives here so the schema, the WebVTT reader and the UI agree on one rule.
 */
const CLOCK = /^(?:(\d+):)?(\d+):([0-5]\d(?:\.\d+)?)$/;

export function parseClock(text: string): number | null {
  const m = CLOCK.exec(text.trim());
  if (!m) return null;
  const hours = m[1] ? Number(m[1]) : 0;
  const minutes = Number(m[2]);
  const seconds = Number(m[3]);
  if (m[1] && minutes >= 60) return null;
  return hours * 3600 + minutes * 60 + seconds;
}

/** "m:ss" for display; hours only when needed. */
export function formatClock(totalSeconds: number): string {
  const t = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const s = t % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
