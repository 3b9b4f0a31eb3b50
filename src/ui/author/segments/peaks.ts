/**
 * A waveform's peaks: the lowest and highest sample of each bucket, computed once per recording at a fixed
 * resolution, then drawn at any canvas width by merging buckets (`peaksInRange`). Pure, so the worker and the
 * page share it.
 */

/** Enough buckets for a sharp drawing of a long take on a wide screen, few enough to compute in a blink. */
export const MAX_BUCKETS = 200_000;
const BUCKETS_PER_SECOND = 200;

export function bucketCount(seconds: number): number {
  return Math.max(1, Math.min(MAX_BUCKETS, Math.ceil(seconds * BUCKETS_PER_SECOND)));
}

/** Interleaved [min0, max0, min1, max1, …] over `buckets` equal slices of `samples`. */
export function computePeaks(samples: Float32Array, buckets: number): Float32Array {
  const out = new Float32Array(buckets * 2);
  const per = samples.length / buckets;
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor(b * per);
    const to = Math.max(from + 1, Math.floor((b + 1) * per));
    let lo = 0;
    let hi = 0;
    for (let i = from; i < to && i < samples.length; i++) {
      const v = samples[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    out[b * 2] = lo;
    out[b * 2 + 1] = hi;
  }
  return out;
}

/** The lowest and highest peak between two fractions (0..1) of the recording. */
export function peaksInRange(peaks: Float32Array, from: number, to: number): [number, number] {
  const buckets = peaks.length / 2;
  const a = Math.max(0, Math.min(buckets - 1, Math.floor(from * buckets)));
  const z = Math.max(a + 1, Math.min(buckets, Math.ceil(to * buckets)));
  let lo = 0;
  let hi = 0;
  for (let b = a; b < z; b++) {
    if (peaks[b * 2]! < lo) lo = peaks[b * 2]!;
    if (peaks[b * 2 + 1]! > hi) hi = peaks[b * 2 + 1]!;
  }
  return [lo, hi];
}
