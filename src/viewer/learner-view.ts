/**
 * The learner's own changes to a viewport's view that are not drags: a window chosen from a menu or a key (a
 * value, the series default, or one read from the image), and window, zoom and pan moved by steps from the
 * keyboard. Each acts on the image shown; a series changed meanwhile (a new cue) is left alone.
 */
import { imageLoader, utilities, type Types } from '@cornerstonejs/core';
import type { WindowLevel } from '../case/presets';
import type { WindowChoice } from './types';
import type { ViewportSlot } from './viewport-slot';
import { seriesDefaultWindow } from './series-window';
import { sampleImage } from './window-level';
import { imagePresetWindow } from './image-window';
import { toWindow } from './voi';
import { cssToWorld, parallelScaleOf } from './canvas-units';

/** Called with every window the learner sets, for the viewports that share it. */
type ShareWindow = (viewportId: string, range: Types.VOIRange) => void;

/** A window step widens or narrows by this factor; a level step moves by this share of the width. */
const WIDTH_FACTOR = 1.1;
const LEVEL_SHARE = 0.05;
const MIN_WIDTH = 1;
const MAX_ZOOM = 20;
const MIN_ZOOM = 0.05;

function setRange(slot: ViewportSlot, w: WindowLevel, share: ShareWindow): void {
  const range = utilities.windowLevel.toLowHighRange(w.width, w.center);
  slot.viewport.setProperties({ voiRange: range });
  slot.viewport.render();
  // A preset or a key is the learner's window as much as a drag is.
  share(slot.id, range);
}

export function setWindow(slot: ViewportSlot, choice: WindowChoice, share: ShareWindow): void {
  const series = slot.shown;
  if (!series) return;
  if (choice !== 'default' && !('image' in choice)) return setRange(slot, choice, share);
  const imageId = slot.viewport.getCurrentImageId();
  if (!imageId) return;
  imageLoader
    .loadAndCacheImage(imageId)
    .then((image) => (choice === 'default' ? seriesDefaultWindow(series, image) : imagePresetWindow(sampleImage(image), choice.image)))
    .then(
      (w) => {
        if (slot.shown === series) setRange(slot, w, share); // else another series came up meanwhile
      },
      (e: unknown) => console.error(e),
    );
}

/** Widens (+) or narrows (-) the window by `widthSteps`, and raises (+) or lowers (-) the level by `levelSteps`. */
export function stepWindow(slot: ViewportSlot, widthSteps: number, levelSteps: number, share: ShareWindow): void {
  const range = slot.viewport.getProperties().voiRange;
  if (!range) return;
  const { center, width } = toWindow(range);
  const next = Math.max(MIN_WIDTH, width * WIDTH_FACTOR ** widthSteps);
  setRange(slot, { width: next, center: center + levelSteps * LEVEL_SHARE * next }, share);
}

/** Zooms about the viewport's centre by `factor` (2 doubles), within the limits a cue's zoom has. */
export function zoomBy(slot: ViewportSlot, factor: number): void {
  const scale = parallelScaleOf(slot.viewport);
  if (!scale || !slot.fitScale) return;
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, (slot.fitScale / scale) * factor));
  slot.userFramed = true;
  slot.viewport.setCamera({ parallelScale: slot.fitScale / zoom });
  slot.viewport.render();
}

/** Moves the image by a share of the viewport's width (`fx`, + to the right) and height (`fy`, + down). */
export function panBy(slot: ViewportSlot, fx: number, fy: number): void {
  const viewport = slot.viewport;
  const { focalPoint, position } = viewport.getCamera();
  const { clientWidth: width, clientHeight: height } = viewport.element;
  if (!focalPoint || !position || !width || !height) return;
  // The image moves right when the camera looks at what is now left of the centre.
  const centre = cssToWorld(viewport, [width / 2, height / 2]);
  const seen = cssToWorld(viewport, [width / 2 - fx * width, height / 2 - fy * height]);
  const move = [0, 1, 2].map((i) => seen[i]! - centre[i]!);
  slot.userFramed = true;
  viewport.setCamera({
    focalPoint: [focalPoint[0] + move[0]!, focalPoint[1] + move[1]!, focalPoint[2] + move[2]!],
    position: [position[0] + move[0]!, position[1] + move[1]!, position[2] + move[2]!],
  });
  viewport.render();
}
