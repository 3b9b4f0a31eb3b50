/**
 * Colour images are shown at their own full range (window-level.ts). One series can hold colour images of
 * different bit depths, and the viewport keeps the window of the image before: an 8-bit window over a 16-bit
 * picture washes it out, a 16-bit one over an 8-bit picture darkens it to black. So when the depth changes under
 * a window nobody has changed since, the window follows the new image's range (pure, for tests).
 */
import { utilities, type Types } from '@cornerstonejs/core';
import type { WindowLevel } from '../case/presets';
import { fullRangeWindow } from './window-level';
import { toWindow } from './voi';

export interface ColourRangeStep {
  /** The full-range window of the image now shown, when it is a colour image. */
  shown: WindowLevel | undefined;
  /** The VOI range to set, when the window should follow. */
  follow?: Types.VOIRange;
}

const rangeOf = (w: WindowLevel): Types.VOIRange => utilities.windowLevel.toLowHighRange(w.width, w.center);

/** `current` is asked only when the depth changed: this runs for every image scrolled past. */
export function colourRangeStep(
  before: WindowLevel | undefined,
  image: Pick<Types.IImage, 'color' | 'imageFrame'>,
  current: () => Types.VOIRange | undefined,
): ColourRangeStep {
  const shown = image.color ? fullRangeWindow(image) : undefined;
  if (!shown || !before || before.width === shown.width) return { shown };
  const range = current();
  if (!range) return { shown };
  const now = toWindow(range);
  const was = toWindow(rangeOf(before));
  if (now.width !== was.width || now.center !== was.center) return { shown };
  return { shown, follow: rangeOf(shown) };
}

/** Applies colourRangeStep to a viewport that has just shown `image`; returns the window to remember. */
export function followColourRange(viewport: Types.IStackViewport, before: WindowLevel | undefined, image: Types.IImage): WindowLevel | undefined {
  const step = colourRangeStep(before, image, () => viewport.getProperties().voiRange);
  if (step.follow) {
    viewport.setProperties({ voiRange: step.follow });
    viewport.render();
  }
  return step.shown;
}
