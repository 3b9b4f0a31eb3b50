/**
 * Case pixels → DICOM graphic data for the writer. The same contract as the reader's `pixels.ts` (on the import
 * branch): the case's [column, row] is 0-based at the first pixel's centre, DICOM's "PIXEL" points 1-based, so
 * they differ by one on each axis. Kept local until the two branches meet, then this gives way to `pixels.ts`.
 */
export function toDicomPixel(point: readonly [number, number]): [number, number] {
  return [point[0] + 1, point[1] + 1];
}
