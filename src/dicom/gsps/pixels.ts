/**
 * DICOM graphic data ("PIXEL" units) ↔ case image pixels. DICOM puts the top-left corner of the first pixel at
 * (0.5, 0.5)... i.e. the first pixel's centre is (1, 1); the case format uses [column, row] 0-based from the first
 * pixel's centre (see types.ts). So the two differ by exactly one pixel on each axis.
 */

/** Case [column, row] (0-based centre) → DICOM graphic point (1-based centre). */
export function toDicomPixel(point: readonly [number, number]): [number, number] {
  return [point[0] + 1, point[1] + 1];
}

/** DICOM graphic point (1-based centre) → case [column, row] (0-based centre). */
export function fromDicomPixel(point: readonly [number, number]): [number, number] {
  return [point[0] - 1, point[1] - 1];
}
