/**
 * Where a cue arrow's label goes, in canvas pixels: beside the arrow (to the right of it, or to the left when
 * there is no room), level with its middle, inside the canvas, and clear of the labels already placed in the same
 * viewport. Pure, for tests: the size comes from a text measurement, not from the DOM.
 */

export type Point = [number, number];

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space between the arrow's outermost point and its label. */
export const LABEL_GAP = 25;
/** Labels keep this far from the canvas edge and from each other. */
const MARGIN = 4;
const BETWEEN = 6;

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width + BETWEEN && b.x < a.x + a.width + BETWEEN && a.y < b.y + b.height + BETWEEN && b.y < a.y + a.height + BETWEEN;
}

/** The first of `taken` that `box` runs into, if any. */
function blocker(box: Box, taken: readonly Box[]): Box | undefined {
  return taken.find((t) => overlaps(box, t));
}

/** Moves `box` down (or up) past the labels in its way; undefined when it runs off the canvas first. */
function clearOf(box: Box, taken: readonly Box[], direction: 1 | -1, canvasHeight: number): Box | undefined {
  let y = box.y;
  for (let i = 0; i <= taken.length; i++) {
    const hit = blocker({ ...box, y }, taken);
    if (!hit) return { ...box, y };
    y = direction > 0 ? hit.y + hit.height + BETWEEN : hit.y - box.height - BETWEEN;
    if (y < MARGIN || y + box.height > canvasHeight - MARGIN) return undefined;
  }
  return undefined;
}

export function placeLabel(points: readonly Point[], size: { width: number; height: number }, canvas: { width: number; height: number }, taken: readonly Box[]): Box {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const middleY = (Math.min(...ys) + Math.max(...ys)) / 2;
  let x = Math.max(...xs) + LABEL_GAP;
  if (x + size.width > canvas.width - MARGIN) x = Math.min(...xs) - LABEL_GAP - size.width;
  x = Math.max(MARGIN, Math.min(x, canvas.width - MARGIN - size.width));
  const y = Math.max(MARGIN, Math.min(middleY - size.height / 2, canvas.height - MARGIN - size.height));
  const box: Box = { x, y, width: size.width, height: size.height };
  // A label in the way: below it if that fits, else above; else where it was (overlapping beats hidden).
  return clearOf(box, taken, 1, canvas.height) ?? clearOf(box, taken, -1, canvas.height) ?? box;
}

/** Where the dashed line from arrow to label runs: from the arrow point nearest the label to the nearest side's middle. */
export function labelLink(points: readonly Point[], box: Box): [Point, Point] {
  const sides: Point[] = [
    [box.x + box.width / 2, box.y],
    [box.x, box.y + box.height / 2],
    [box.x + box.width / 2, box.y + box.height],
    [box.x + box.width, box.y + box.height / 2],
  ];
  const distance = (a: Point, b: Point): number => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;
  const nearest = (from: Point, among: readonly Point[]): Point => among.reduce((best, p) => (distance(from, p) < distance(from, best) ? p : best));
  const centre: Point = [box.x + box.width / 2, box.y + box.height / 2];
  const start = nearest(centre, points);
  return [start, nearest(start, sides)];
}
