/**
 * The app's canvas conversions, in CSS pixels whatever the renderer (render-path.ts makes a CPU viewport's
 * worldToCanvas and canvasToWorld speak CSS pixels at any device pixel ratio), and the camera's parallel scale in
 * world units: Cornerstone's CPU camera reports it in its own canvas units.
 */
import type { Types } from '@cornerstonejs/core';
import { cssPerCornerstoneUnit } from './render-path';

export function worldToCss(viewport: Types.IStackViewport, world: Types.Point3): Types.Point2 {
  return viewport.worldToCanvas(world);
}

export function cssToWorld(viewport: Types.IStackViewport, css: Types.Point2): Types.Point3 {
  return viewport.canvasToWorld(css);
}

/** The camera's parallel scale in world units (what setCamera takes), from what getCamera reports. */
export function parallelScaleOf(viewport: Types.IStackViewport): number | undefined {
  const s = viewport.getCamera().parallelScale;
  return s === undefined ? undefined : s / cssPerCornerstoneUnit(viewport);
}
