/**
 * The series default window (what a cue without a window shows), computed once per series and checked against
 * the pixels of its middle image: the window then does not jump from cue to cue, and does not depend on which
 * slice happened to be shown first. The prefetch of a coming cue computes it ahead (a step then only renders).
 */
import { imageLoader, type Types } from '@cornerstonejs/core';
import type { WindowLevel } from '../case/presets';
import type { LoadedSeries } from './series-loader';
import { defaultWindow, fullRangeWindow, sampleImage, seriesHeaderWindow } from './window-level';

const defaultWindows = new WeakMap<LoadedSeries, WindowLevel>();

/** The series default window, sampled from `shown` (and the middle image) if not known yet. */
export async function seriesDefaultWindow(series: LoadedSeries, shown: Types.IImage): Promise<WindowLevel> {
  // Colour images are shown at their own full range: a series may mix 8 and 16-bit ones (colour-range.ts).
  if (shown.color) return fullRangeWindow(shown);
  const known = defaultWindows.get(series);
  if (known) return known;
  let sampleFrom = shown;
  const middle = series.imageIds.length >> 1;
  try {
    const middleId = series.imageIds[middle];
    if (middleId) sampleFrom = await imageLoader.loadAndCacheImage(middleId);
  } catch {
    // A broken middle image is reported when it is shown; the image on screen will do for the window.
  }
  // The middle image's header window, checked against its pixels: the other files may not have arrived yet.
  const header = series.images[middle]?.header ?? series.images.find((i) => i.imageId === shown.imageId)?.header;
  const window = defaultWindow(seriesHeaderWindow(header ? [header] : []), sampleImage(sampleFrom));
  defaultWindows.set(series, window);
  return window;
}
