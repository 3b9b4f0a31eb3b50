/** The image pixel under a point of the page, as case files write arrow points. */
import { utilities, type Types } from '@cornerstonejs/core';
import { cssToWorld } from './canvas-units';

/** [column, row], 0-based, to a tenth of a pixel; null when the viewport shows no image. */
export function imagePointAt(viewport: Types.IStackViewport, clientX: number, clientY: number): [number, number] | null {
  const imageId = viewport.getCurrentImageId();
  if (!imageId) return null;
  const rect = viewport.canvas.getBoundingClientRect();
  const world = cssToWorld(viewport, [clientX - rect.left, clientY - rect.top]);
  const [i, j] = utilities.worldToImageCoords(imageId, world) ?? [];
  if (i === undefined || j === undefined) return null;
  // Case files count pixels from their corner; Cornerstone's image coordinates from the first pixel's edge.
  const round = (v: number): number => Math.round(v * 10) / 10;
  return [round(i - 0.5), round(j - 0.5)];
}
