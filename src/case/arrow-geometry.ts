/**
 * Where an arrow's tail goes when nobody said: a short way from the tip, up and to the left, turned on an axis
 * where that would leave the image. Short, so it points at the finding without crossing much anatomy.
 */

/** Of the image's larger side. */
export const DEFAULT_TAIL_FRACTION = 0.07;

export function defaultTail(tip: readonly [number, number], columns: number, rows: number): [number, number] {
  const offset = Math.max(4, Math.round(DEFAULT_TAIL_FRACTION * Math.max(columns, rows)));
  const [col, row] = tip;
  const x = col - offset >= 0 || col + offset > columns - 1 ? col - offset : col + offset;
  const y = row - offset >= 0 || row + offset > rows - 1 ? row - offset : row + offset;
  const clamp = (v: number, size: number): number => Math.min(Math.max(0, v), Math.max(0, size - 1));
  return [clamp(x, columns), clamp(y, rows)];
}
