/**
 * Makes one viewport match one cue: load the series (once per session), show the image, set the window, frame
 * the camera, show the cue's arrows. Every await is followed by a check that no newer cue took over the viewport.
 */
import { cache, Enums, imageLoader, utilities, type Types } from '@cornerstonejs/core';
import type { SeriesSource, ViewportTarget } from './types';
import type { LoadedSeries, SeriesCache } from './series-loader';
import type { ViewportSlot } from './viewport-slot';
import { onArrowPass } from './cue-arrow-tool';
import { decodeProblem, drawProblem, loaderReason } from './load-errors';
import { drawFailureDuring } from './draw-watch';
import { cueWindow } from './window-level';
import { seriesDefaultWindow } from './series-window';
import { useCpuFor } from './render-path';

export async function applyCue(
  slot: ViewportSlot,
  target: ViewportTarget,
  source: SeriesSource | undefined,
  seriesCache: SeriesCache,
): Promise<void> {
  const generation = ++slot.generation;
  const current = (): boolean => slot.generation === generation;
  const { cue } = target;
  slot.lastApplied = { target, source };
  // Old arrows go at once: during a load they would point at the wrong thing. Cine is the learner's: a cue
  // (or "Return to lesson", or R) stops it.
  slot.arrows.clear();
  slot.cine.stop();

  if (!source) {
    slot.blank();
    slot.update({ seriesKey: cue.series, seriesLabel: cue.series, modality: '', imageCount: 0 });
    slot.fail(`series "${cue.series}" is not part of this case`);
    return;
  }
  const switching = slot.shown?.key !== source.key;
  if (switching) {
    slot.update({
      seriesKey: source.key,
      seriesLabel: source.label,
      modality: source.modality,
      imageIndex: target.imageIndex,
      imageCount: 0,
      state: 'loading',
      progress: 0,
      voi: undefined,
      zoom: undefined,
      sliceLocation: undefined,
      inverted: undefined,
    });
  }

  let series: LoadedSeries;
  try {
    series = await seriesCache.load(source, (progress) => {
      if (current() && switching) slot.update({ progress });
    });
  } catch (e) {
    if (!current()) return;
    slot.blank();
    slot.fail(e instanceof Error ? e.message : `${source.label}: ${loaderReason(e)}`);
    return;
  }
  if (!current()) return;

  const index = Math.min(Math.max(0, target.imageIndex), series.imageIds.length - 1);
  const image = series.images[index];
  if (!image) return;
  if (series.problem) {
    // A file of this series is known to be broken: the series fails as a whole, naming it, as when it was found.
    slot.blank();
    slot.fail(series.problem.message);
    return;
  }
  slot.update({ imageCount: series.imageIds.length, progress: 1 });
  // The series default window needs the middle image: its download goes beside the cue's own, not after it.
  if (!cueWindow(cue)) series.ready(series.imageIds.length >> 1).catch(() => undefined);
  let decoded: Types.IImage;
  try {
    // Decode before showing, so that a file that cannot be decoded is named in this viewport's error.
    await series.ready(index);
    decoded = await imageLoader.loadAndCacheImage(image.imageId);
    if (!decoded) throw new Error('the image loader returned no image');
  } catch (e) {
    if (!current()) return;
    slot.blank();
    slot.update({ imageIndex: index });
    const message = decodeProblem(image.fileName, e, image.header?.transferSyntaxUID).message;
    if (series.imageIds.length < 2) return slot.fail(message);
    // One broken file must not take its series with it: the stack stays, so the learner can scroll to the other
    // images (reaching a good one clears the error, as for a broken image met while scrolling).
    slot.fail(message, true);
    slot.chooseRenderer(undefined);
    slot.shown = series;
    slot.expectViewerImage(index);
    await slot.viewport.setStack(series.imageIds, index).catch(() => undefined);
    // Said again after setStack's own attempt, unless the learner has scrolled on meanwhile: that image's outcome
    // (shown, or its own error) stands, and this message must not be put over it.
    if (current() && slot.viewport.getTargetImageIdIndex() === index) {
      slot.update({ imageIndex: index });
      slot.fail(message, true);
    }
    return;
  }
  const window = cueWindow(cue) ?? (await seriesDefaultWindow(series, decoded));
  if (!current()) return;

  // A fresh viewport for another series: Cornerstone 5.14 keeps parts of the previous image's vtk data across
  // setStack, and an image of another kind (colour after grey, same size) then fails to draw. Its CPU renderer
  // keeps none (setStack starts from the new image's defaults): CPU to CPU, the viewport stays.
  if (slot.shown && slot.shown !== series) slot.blank(!(slot.viewport.getUseCustomRenderingPipeline() && useCpuFor(decoded)));
  if (slot.shown !== series) slot.chooseRenderer(decoded);
  const viewport = slot.viewport;
  let drawError: unknown;
  if (slot.shown !== series) {
    slot.expectViewerImage(index);
    drawError = await drawFailureDuring(slot.element, () => viewport.setStack(series.imageIds, index));
    slot.shown = series;
  } else if (viewport.getCurrentImageIdIndex() !== index) {
    slot.expectViewerImage(index);
    drawError = await drawFailureDuring(slot.element, () => viewport.setImageIdIndex(index));
  }
  if (!current()) return;
  if (drawError !== undefined) {
    slot.blank();
    slot.update({ imageIndex: index });
    slot.fail(drawProblem(image.fileName, drawError).message);
    return;
  }

  // MONOCHROME1 images are shown inverted by nature (the loader's `invert`); the learner's "Invert" is relative to it.
  slot.naturalInvert = Boolean(decoded.invert);
  viewport.setProperties({ voiRange: utilities.windowLevel.toLowHighRange(window.width, window.center), invert: slot.naturalInvert });
  slot.frame(image.imageId, cue);
  viewport.render();

  if (!(await slot.arrows.show(viewport, slot.arrows.forCue(cue.arrows), index, current))) return;
  // Resolve once the image is on screen, so "ready" means what a screenshot (or a learner) sees.
  const drawn = nextRender(slot.element);
  viewport.render();
  await drawn;
  if (!current()) return;
  slot.syncFromViewport();
  slot.update({ ...slot.imageFields(index), inverted: undefined, state: 'ready', progress: 1 });
  // Now the rest of the series, nearest first, for scrolling and linking. A broken file fails the series where
  // it is shown, naming the file (a series with a bad file is not one to teach from).
  series.loadAll(index).catch((e: unknown) => {
    if (slot.shown !== series || !(e instanceof Error)) return;
    slot.blank();
    slot.fail(e.message);
  });
}

/**
 * Resolves once the element's next image is drawn with its annotations as they are now. Cornerstone's tools draw
 * annotations in their own animation-frame callback: when a pass of theirs ran since this call (before the image,
 * in the same frame), the image's IMAGE_RENDERED is the end; otherwise the next annotation pass or the next frame,
 * whichever comes first. 1 s at most (hidden tabs get no animation frames: never let apply() hang on one).
 */
function nextRender(element: HTMLElement): Promise<void> {
  return new Promise((resolve) => {
    let annotationsDrawn = false;
    let imageSeen = false;
    let frame = 0;
    const finish = (): void => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      stopWatching();
      element.removeEventListener(Enums.Events.IMAGE_RENDERED, imageDrawn);
      resolve();
    };
    const stopWatching = onArrowPass(element, () => {
      annotationsDrawn = true;
      if (imageSeen) finish();
    });
    const imageDrawn = (): void => {
      if (annotationsDrawn) return finish();
      imageSeen = true;
      element.removeEventListener(Enums.Events.IMAGE_RENDERED, imageDrawn);
      frame = requestAnimationFrame(finish);
    };
    const timer = setTimeout(finish, 1000);
    element.addEventListener(Enums.Events.IMAGE_RENDERED, imageDrawn);
  });
}

/**
 * A series mixing image kinds (integer, then floating-point pixels) reached an image the CPU renderer draws wrong:
 * shown again from that image, with WebGL. The cue stays the one "R" goes back to.
 */
export function reshowWithWebGL(slot: ViewportSlot, index: number, seriesCache: SeriesCache): void {
  const last = slot.lastApplied;
  const imageId = slot.shown?.imageIds[index];
  if (!last || !imageId || slot.viewport.getCurrentImageIdIndex() !== index) return;
  // Cornerstone's CPU path rewrote the cached image's pixels to integers (and its scaling): decode it afresh.
  cache.removeImageLoadObject(imageId, { force: true });
  slot.blank();
  applyCue(slot, { ...last.target, imageIndex: index }, last.source, seriesCache).catch((e: unknown) => console.error(e));
  slot.lastApplied = last;
}
