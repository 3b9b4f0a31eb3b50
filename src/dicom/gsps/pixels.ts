/**
 * Case image pixels ↔ a presentation state's pixel coordinates. The case format's [column, row] is 0-based
 * from the centre of the top-left pixel (types.ts). DICOM has two conventions (PS3.3 C.10.5.1.2, C.10.4):
 * - Graphic Data in "PIXEL" units is sub-pixel: (0, 0) is the top-left pixel's top-left corner, so that
 *   pixel's centre is (0.5, 0.5): case + 0.5;
 * - the Displayed Area's corners (SL) name whole pixels, 1-based: the top-left pixel is 1\1: case + 1, rounded.
 */

/** Case [column, row] → Graphic Data (PIXEL units). */
export function toDicomPixel(point: readonly [number, number]): [number, number] {
  return [point[0] + 0.5, point[1] + 0.5];
}

/** Graphic Data (PIXEL units) → case [column, row]. */
export function fromDicomPixel(point: readonly [number, number]): [number, number] {
  return [point[0] - 0.5, point[1] - 0.5];
}

/** Case [column, row] → a Displayed Area corner (whole pixels, 1-based). */
export function toDisplayedAreaPixel(point: readonly [number, number]): [number, number] {
  return [Math.round(point[0]) + 1, Math.round(point[1]) + 1];
}

/** A Displayed Area corner (whole pixels, 1-based) → case [column, row]. */
export function fromDisplayedAreaPixel(point: readonly [number, number]): [number, number] {
  return [point[0] - 1, point[1] - 1];
}
