/**
 * A case's key image, the picture its library card shows: the image the first step opens on (its cue's first
 * viewport in layout order), with that cue's window. No arrows or labels: the card shows the image as the
 * lesson's first look does, so in unknown mode it gives nothing away the images themselves do not.
 */
import type { WindowLevel } from './presets';
import { isPresetName, WINDOW_PRESETS } from './presets';
import type { ParsedCase } from './schema';
import { buildTimeline, cueForStep } from './timeline';

export interface KeyImageCue {
  series: string;
  imageIndex: number;
  /** The cue's own window (explicit, or its preset); absent means the series' default. */
  window?: WindowLevel;
}

/** Where a card's key image comes from, as the library index lists it. */
export interface KeyImage {
  /** The image's file, relative to the case folder. */
  file: string;
  /** The series' middle file, whose header window and pixels give the series default (as the viewer does it). */
  middle?: string;
  window?: WindowLevel;
}

export function keyImageCue(c: ParsedCase): KeyImageCue | undefined {
  const first = Object.values(cueForStep(buildTimeline(c), 0).viewports)[0];
  if (!first) return undefined;
  const window = first.window ?? (first.preset && isPresetName(first.preset) ? WINDOW_PRESETS[first.preset] : undefined);
  return { series: first.series, imageIndex: first.imageIndex, ...(window ? { window: { ...window } } : {}) };
}
