/**
 * How long a take may run: 30 minutes at most (a lesson longer than that is several lessons, and its recording
 * would crowd the browser's storage), less when the storage has room for less. The recording is kept in IndexedDB,
 * so the take stops before the storage would refuse it, never after.
 */
export const MAX_TAKE_SECONDS = 30 * 60;
/** Generous for recorded speech (Opus voice is nearer 4 kB/s): 128 kbit/s. */
export const TAKE_BYTES_PER_SECOND = 16_000;
/** Of the storage left, the share a take may fill (the draft and other data need the rest). */
const SHARE = 0.8;
/** A take shorter than this is not worth starting. */
export const MIN_TAKE_SECONDS = 10;

export interface TakeLimit {
  seconds: number;
  bytes: number;
  /** What sets the limit. */
  by: 'length' | 'storage';
}

/** From the storage estimate (`navigator.storage.estimate()`), when the browser gives one. */
export function takeLimit(estimate: { quota?: number; usage?: number } | undefined): TakeLimit {
  const free = estimate?.quota !== undefined ? Math.max(0, estimate.quota - (estimate.usage ?? 0)) : Infinity;
  const bytes = free * SHARE;
  const seconds = bytes / TAKE_BYTES_PER_SECOND;
  return seconds < MAX_TAKE_SECONDS ? { seconds, bytes, by: 'storage' } : { seconds: MAX_TAKE_SECONDS, bytes, by: 'length' };
}

/** Whether a take must stop now: past its time, or its recording past the bytes allowed. */
export function pastLimit(limit: TakeLimit, seconds: number, bytes: number): boolean {
  return seconds >= limit.seconds || bytes >= limit.bytes;
}
