/**
 * Case pixels → DICOM presentation-state coordinates. A case's [column, row] names a pixel, 0-based, and an arrow
 * points at that pixel's centre (viewer/arrows.ts). PS3.3 C.10.5.1.2 puts graphic data in PIXEL units with 0\0 at
 * the top-left corner of the top-left pixel, so that pixel's centre is 0.5\0.5: graphics differ by half a pixel.
 * Displayed Area Selection's corners are whole pixel numbers, 1-based (C.10.4): they differ by one.
 */
export function toDicomGraphicPoint(point: readonly [number, number]): [number, number] {
  return [point[0] + 0.5, point[1] + 0.5];
}

export function toDicomPixelNumber(point: readonly [number, number]): [number, number] {
  return [Math.round(point[0]) + 1, Math.round(point[1]) + 1];
}
