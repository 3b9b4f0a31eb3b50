/**
 * Where a diagnosis field's suggestion list floats: below the field when it fits in what the learner sees, else
 * above it, else on the roomier side, never taller than the room there. Fixed to the viewport, it is cut by no
 * scrolling panel (on a phone the side panel shows a few lines under the images: the list opens over the images),
 * and its opening and closing move nothing on the page (a button below stays under the pointer between mouse-down
 * and mouse-up).
 */

export interface Placement {
  above: boolean;
  /** CSS pixels; the list scrolls within it. */
  maxHeight: number;
}

/** Room kept between the list and the edge it would touch. */
const MARGIN = 8;
/** A list shorter than this (about three names) helps little: another side, or less care for what it covers. */
export const MIN_LIST_PX = 96;

/**
 * @param field the field's box; `bounds`, the visible area's top and bottom; `natural`, the list's own height
 * @returns below if it fits there, else above if it fits there, else the roomier side if it holds `MIN_LIST_PX`;
 *   null when neither side does
 */
export function listPlacement(field: { top: number; bottom: number }, bounds: { top: number; bottom: number }, natural: number): Placement | null {
  const below = Math.max(0, bounds.bottom - field.bottom - MARGIN);
  const above = Math.max(0, field.top - bounds.top - MARGIN);
  if (natural <= below) return { above: false, maxHeight: below };
  if (natural <= above) return { above: true, maxHeight: above };
  if (Math.max(above, below) < Math.min(natural, MIN_LIST_PX)) return null;
  return above > below ? { above: true, maxHeight: above } : { above: false, maxHeight: below };
}

/** What the learner sees of the page, in the coordinates of getBoundingClientRect (on a phone, above the keyboard). */
export function visibleBounds(): { top: number; bottom: number } {
  const v = window.visualViewport;
  return v ? { top: v.offsetTop, bottom: v.offsetTop + v.height } : { top: 0, bottom: window.innerHeight };
}
