/** The order in which a series' files are fetched once its cue's image is on screen. */

/** Indices 0..n-1, nearest to `from` first: the order a learner scrolls away from the cue's image. */
export function outwardOrder(from: number, n: number): number[] {
  const out: number[] = [];
  from = Math.min(Math.max(0, Math.round(from)), Math.max(0, n - 1));
  for (let d = 0; out.length < n; d++) {
    if (from + d < n && from + d >= 0) out.push(from + d);
    if (d > 0 && from - d >= 0 && from - d < n) out.push(from - d);
  }
  return out;
}
