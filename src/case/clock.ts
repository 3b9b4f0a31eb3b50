/**
 * The lesson clock as pure values: where the play head is at a given wall-clock instant. Playing, pausing,
 * seeking and changing speed re-anchor it, so the time never jumps and the functions are trivially testable.
 */
export interface ClockState {
  playing: boolean;
  /** Playback speed, 0.5 to 2. */
  rate: number;
  /** Lesson time (s) at the anchor instant. */
  anchorTime: number;
  /** Wall-clock instant (ms) of the anchor. */
  anchorWall: number;
  /** The lesson's length (s); the clock stops there. */
  duration: number;
}

export const MIN_RATE = 0.5;
export const MAX_RATE = 2;

export function stoppedClock(duration: number, at = 0): ClockState {
  return { playing: false, rate: 1, anchorTime: clampTime(at, duration), anchorWall: 0, duration };
}

function clampTime(t: number, duration: number): number {
  return Math.min(Math.max(0, t), duration);
}

export function timeAt(c: ClockState, wallNow: number): number {
  if (!c.playing) return c.anchorTime;
  return clampTime(c.anchorTime + ((wallNow - c.anchorWall) / 1000) * c.rate, c.duration);
}

/** True once a playing clock has reached the end (the player then pauses it). */
export function ended(c: ClockState, wallNow: number): boolean {
  return timeAt(c, wallNow) >= c.duration;
}

export function play(c: ClockState, wallNow: number): ClockState {
  // Playing from the very end starts again from the beginning, as media players do.
  const t = timeAt(c, wallNow);
  return { ...c, playing: true, anchorTime: t >= c.duration ? 0 : t, anchorWall: wallNow };
}

export function pause(c: ClockState, wallNow: number): ClockState {
  return { ...c, playing: false, anchorTime: timeAt(c, wallNow), anchorWall: wallNow };
}

export function seek(c: ClockState, t: number, wallNow: number): ClockState {
  return { ...c, anchorTime: clampTime(t, c.duration), anchorWall: wallNow };
}

export function setRate(c: ClockState, rate: number, wallNow: number): ClockState {
  const r = Math.min(Math.max(MIN_RATE, rate), MAX_RATE);
  return { ...c, rate: r, anchorTime: timeAt(c, wallNow), anchorWall: wallNow };
}
