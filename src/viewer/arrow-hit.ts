/**
 * Which part of a drawn cue arrow is under the author's pointer, in canvas pixels. Pure, for tests: the shapes are
 * what the last annotation pass drew (cue-arrow-tool.ts).
 */
import type { Box, Point } from './label-placement';

export interface DrawnArrow {
  uid: string;
  /** The arrow's place in its viewport's list (the cue's arrows, in order). */
  index: number;
  tip: Point;
  tail: Point;
  /** The label's backing, when it has a label. */
  label?: Box;
}

export type ArrowPart = 'tip' | 'tail' | 'label' | 'line';

export interface ArrowHit {
  uid: string;
  index: number;
  part: ArrowPart;
}

/** How far from an end (CSS pixels) a press still takes that end: about a fingertip of a mouse pointer. */
export const HANDLE_REACH = 9;
/** How far from the shaft a press still takes the whole arrow. */
const LINE_REACH = 5;

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

const inside = (p: Point, box: Box): boolean => p[0] >= box.x && p[0] <= box.x + box.width && p[1] >= box.y && p[1] <= box.y + box.height;

/**
 * The ends first (the nearest within reach, so two arrows at one finding can still be told apart), then a label,
 * then a shaft; the arrow drawn last wins a tie, as it is drawn on top.
 */
export function hitArrow(arrows: readonly DrawnArrow[], p: Point): ArrowHit | undefined {
  let best: (ArrowHit & { distance: number }) | undefined;
  for (const a of arrows) {
    for (const part of ['tip', 'tail'] as const) {
      const distance = Math.hypot(p[0] - a[part][0], p[1] - a[part][1]);
      if (distance <= HANDLE_REACH && (!best || distance <= best.distance)) best = { uid: a.uid, index: a.index, part, distance };
    }
  }
  if (best) return { uid: best.uid, index: best.index, part: best.part };
  const top = [...arrows].reverse();
  const label = top.find((a) => a.label && inside(p, a.label));
  if (label) return { uid: label.uid, index: label.index, part: 'label' };
  const line = top.find((a) => distanceToSegment(p, a.tail, a.tip) <= LINE_REACH);
  return line && { uid: line.uid, index: line.index, part: 'line' };
}
