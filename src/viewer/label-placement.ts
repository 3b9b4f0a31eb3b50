/**
 * Where a cue arrow's label goes, in canvas pixels: at the arrow's tail, beyond it along the arrow (away from the
 * tip, so the label never covers what the arrow points at), inside the canvas, and clear of the labels already
 * placed in the same viewport. Pure, for tests: the size comes from a text measurement, not from the DOM.
 */

export type Point = [number, number];

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space between the arrow's tail and its label. */
export const LABEL_GAP = 6;
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

/**
 * Where a box of `length` along one axis starts, beyond `at` in the arrow's direction `d` (-1..1 on that axis):
 * after it when the arrow runs that way, before it when it runs back, centred on it when the arrow is across.
 */
function beyond(at: number, d: number, length: number): number {
  if (d > 0.38) return at;
  if (d < -0.38) return at - length;
  return at - length / 2;
}

/** How far a box is from a point (0 inside it). */
function distance(box: Box, [x, y]: Point): number {
  return Math.hypot(Math.max(box.x - x, 0, x - box.x - box.width), Math.max(box.y - y, 0, y - box.y - box.height));
}

/**
 * The label box beyond the tail in direction (ux, uy) (a unit vector), moved inside the canvas. Near an edge the
 * move can bring it back over the arrow, so the caller tries other directions.
 */
function boxBeyond(tail: Point, [ux, uy]: Point, gap: number, size: { width: number; height: number }, canvas: { width: number; height: number }): Box {
  const clamp = (v: number, room: number): number => Math.max(MARGIN, Math.min(v, room - MARGIN));
  return {
    x: clamp(beyond(tail[0] + ux * gap, ux, size.width), canvas.width - size.width),
    y: clamp(beyond(tail[1] + uy * gap, uy, size.height), canvas.height - size.height),
    width: size.width,
    height: size.height,
  };
}

/** A label keeps at least this far from its arrow's tip. */
const TIP_CLEARANCE = 16;

export function placeLabel(tip: Point, tail: Point, size: { width: number; height: number }, canvas: { width: number; height: number }, taken: readonly Box[]): Box {
  const dx = tail[0] - tip[0];
  const dy = tail[1] - tip[1];
  const length = Math.hypot(dx, dy);
  // A zero-length arrow has no direction: its label goes to the right, as text runs.
  const [ux, uy] = length > 0.5 ? [dx / length, dy / length] : [1, 0];
  // Beyond the tail along the arrow; where the canvas edge pushes that back over the tip, beside the tail (as far
  // from the shaft as the tip's clearance, since the label may then run back along it).
  const boxes = [
    boxBeyond(tail, [ux, uy], LABEL_GAP, size, canvas),
    boxBeyond(tail, [-uy, ux], TIP_CLEARANCE, size, canvas),
    boxBeyond(tail, [uy, -ux], TIP_CLEARANCE, size, canvas),
  ];
  const box = boxes.find((b) => distance(b, tip) >= TIP_CLEARANCE) ?? boxes.reduce((a, b) => (distance(b, tip) > distance(a, tip) ? b : a));
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
