/**
 * Framing: fit the image (zoom 1), a zoom factor relative to that fit, or a pixel region fitted to the viewport
 * with its centre in the middle. Pixel [col,row] is a 0-based pixel index; Cornerstone's image coordinates put a
 * pixel's edges at col..col+1, so a box of pixels c0..c1 spans c0..c1+1.
 *
 * Zoom is measured here as (parallel scale at fit) / (current parallel scale), not with viewport.getZoom():
 * on Cornerstone's CPU fallback getZoom()/setZoom() use the absolute scale (screen pixels per image pixel), so
 * "zoom 2" would mean something else without WebGL.
 */
import { cache, utilities, type Types } from '@cornerstonejs/core';
import type { ViewportStatus } from './types';
import { round } from './voi';
import type { ViewportCue } from '../case/schema';
import { cssToWorld, parallelScaleOf, worldToCss } from './canvas-units';

const MAX_ZOOM = 20;
const MIN_ZOOM = 0.05;

function toWorld(imageId: string, col: number, row: number): Types.Point3 {
  const world = utilities.imageToWorldCoords(imageId, [col, row]);
  if (!world) throw new Error(`no geometry for ${imageId}`);
  return world;
}

/** Fits the pixel box [colMin,rowMin,colMax,rowMax] of `imageId` in the viewport (camera at fit on entry). */
function fitRegion(viewport: Types.IStackViewport, imageId: string, box: readonly number[]): void {
  const [c0 = 0, r0 = 0, c1 = c0, r1 = r0] = box;
  const left = Math.min(c0, c1);
  const right = Math.max(c0, c1) + 1;
  const top = Math.min(r0, r1);
  const bottom = Math.max(r0, r1) + 1;
  const corners = [
    toWorld(imageId, left, top),
    toWorld(imageId, right, top),
    toWorld(imageId, left, bottom),
    toWorld(imageId, right, bottom),
  ].map((p) => worldToCss(viewport, p));
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const boxWidth = Math.max(1, Math.max(...xs) - Math.min(...xs));
  const boxHeight = Math.max(1, Math.max(...ys) - Math.min(...ys));
  // Canvas coordinates are CSS pixels, as is the element's client size.
  const { clientWidth, clientHeight } = viewport.element;
  const factor = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.min(clientWidth / boxWidth, clientHeight / boxHeight)));

  const { focalPoint, position } = viewport.getCamera();
  const parallelScale = parallelScaleOf(viewport);
  if (!focalPoint || !position || !parallelScale) return;
  const wanted = toWorld(imageId, (left + right) / 2, (top + bottom) / 2);
  // The camera's focal point is what sits at the viewport's centre in its own canvas units (on a CPU canvas at a
  // pixel ratio other than 1, not what is under the centre): move it by how far that centre must move.
  const seen = cssToWorld(viewport, [clientWidth / 2, clientHeight / 2]);
  const centre: Types.Point3 = [0, 1, 2].map((i) => wanted[i]! + focalPoint[i]! - seen[i]!) as Types.Point3;
  const offset: Types.Point3 = [position[0] - focalPoint[0], position[1] - focalPoint[1], position[2] - focalPoint[2]];
  // Only what changes: the CPU fallback's camera carries a `scale` that would override the new parallelScale.
  viewport.setCamera({
    focalPoint: centre,
    position: [centre[0] + offset[0], centre[1] + offset[1], centre[2] + offset[2]],
    parallelScale: parallelScale / factor,
  });
}

/**
 * Resets to fit first, so a cue always looks the same whatever the learner did before; then applies the cue's
 * region (which wins over `zoom` when a cue gives both) or zoom. Returns the parallel scale at fit, the
 * reference for zoomOf().
 */
export function frameCue(viewport: Types.IStackViewport, imageId: string, cue: ViewportCue): number {
  viewport.resetCamera();
  const fitScale = parallelScaleOf(viewport) ?? 1;
  if (cue.region) fitRegion(viewport, imageId, cue.region.box);
  else if (cue.zoom !== undefined && cue.zoom !== 1) {
    viewport.setCamera({ parallelScale: fitScale / Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, cue.zoom)) });
  }
  return fitScale;
}

/** The current zoom relative to the fit recorded by frameCue(). */
export function zoomOf(viewport: Types.IStackViewport, fitScale: number): number {
  const scale = parallelScaleOf(viewport);
  return scale ? fitScale / scale : 1;
}

/**
 * What the viewport shows of the image: the image pixels it spans (a `region` box: pixel indices, so its far
 * edge is the last pixel's index, and it may reach past the image), and whether the image's centre is off the
 * viewport's centre by more than a CSS pixel (panned). Undefined before the element has a size.
 */
function visibleFraming(
  viewport: Types.IStackViewport,
  imageId: string,
  size: { columns: number; rows: number },
): { visibleBox: [number, number, number, number]; panned: boolean } | undefined {
  const { clientWidth: width, clientHeight: height } = viewport.element;
  if (!width || !height) return undefined;
  const corners = ([[0, 0], [width, height]] as const).map((p) => utilities.worldToImageCoords(imageId, cssToWorld(viewport, [p[0], p[1]])));
  const [a, b] = corners;
  if (!a || !b) return undefined;
  const tenth = (v: number): number => Math.round(v * 10) / 10;
  const centre = worldToCss(viewport, toWorld(imageId, size.columns / 2, size.rows / 2));
  return {
    visibleBox: [tenth(Math.min(a[0], b[0])), tenth(Math.min(a[1], b[1])), tenth(Math.max(a[0], b[0]) - 1), tenth(Math.max(a[1], b[1]) - 1)],
    panned: Math.hypot(centre[0] - width / 2, centre[1] - height / 2) > 1,
  };
}

/** Zoom, the image pixels in view and whether they are off-centre, for the status ("Capture view" records them). */
export function framingStatus(viewport: Types.IStackViewport, fitScale: number): Pick<ViewportStatus, 'zoom' | 'visibleBox' | 'panned'> {
  if (!fitScale) return { zoom: undefined, visibleBox: undefined, panned: undefined };
  const imageId = viewport.getCurrentImageId();
  const image = imageId ? cache.getImage(imageId) : undefined;
  const framing = imageId && image ? visibleFraming(viewport, imageId, image) : undefined;
  return { zoom: round(zoomOf(viewport, fitScale)), visibleBox: framing?.visibleBox, panned: framing?.panned || undefined };
}
