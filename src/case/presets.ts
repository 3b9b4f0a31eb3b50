/** Named window/level presets as radiologists use them; values in modality units (HU for CT). */
export interface WindowLevel {
  center: number;
  width: number;
}

export const WINDOW_PRESETS = {
  'ct-soft-tissue': { center: 40, width: 400 },
  'ct-mediastinum': { center: 50, width: 350 },
  'ct-bone': { center: 400, width: 1800 },
  'ct-lung': { center: -600, width: 1500 },
  'ct-brain': { center: 40, width: 80 },
  'ct-spine': { center: 60, width: 500 },
} as const satisfies Record<string, WindowLevel>;

export type PresetName = keyof typeof WINDOW_PRESETS;

export const PRESET_NAMES = Object.keys(WINDOW_PRESETS) as PresetName[];

export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(WINDOW_PRESETS, name);
}

/**
 * A window read from the shown image's own values: from one percentile to another, of all its pixels or of its
 * tissue only (the pixels brighter than the air around the body, by Otsu's threshold).
 */
export interface ImagePreset {
  of: 'all' | 'tissue';
  /** Percentiles, 0..1. */
  low: number;
  high: number;
}

/**
 * Windows for MR (and any modality without fixed units). An MR signal has no unit: the same tissue reads 300 on
 * one scanner and 3000 on another, so fixed numbers, as CT's HU presets are, would mean nothing. What a reader
 * does by hand is window relative to the image, so these are percentiles of the image shown:
 * - auto: the image's own range without a few hot pixels; for a slice the series' window does not suit (surface
 *   coil fall-off, a slice at the edge of the volume);
 * - tissue: the middle 90 % of the tissue, air and the brightest fat clipped; more contrast between soft
 *   tissues (marrow against disc, grey against white matter, an epidural mass against the sac);
 * - bright: the upper three quarters of the tissue, to look inside what is bright (fat, fluid, enhancement after
 *   gadolinium, which the default window often paints flat white);
 * - dark: the lower three quarters of the tissue, to look inside what is dark (marrow replaced on T1, cortex, flow
 *   voids). Halves were tried: on a brain, half the tissue's pixels lie within a sixth of its values, and a window
 *   that narrow is a black-and-white mask, not a picture.
 */
export const IMAGE_PRESETS = {
  'image-auto': { of: 'all', low: 0.005, high: 0.995 },
  'image-tissue': { of: 'tissue', low: 0.05, high: 0.95 },
  'image-bright': { of: 'tissue', low: 0.25, high: 0.999 },
  'image-dark': { of: 'tissue', low: 0, high: 0.75 },
} as const satisfies Record<string, ImagePreset>;

export type ImagePresetName = keyof typeof IMAGE_PRESETS;

export const IMAGE_PRESET_NAMES = Object.keys(IMAGE_PRESETS) as ImagePresetName[];

export function isImagePresetName(name: string): name is ImagePresetName {
  return Object.hasOwn(IMAGE_PRESETS, name);
}

/** Any window preset a viewer offers: a fixed one (CT) or one read from the image. */
export type AnyPresetName = PresetName | ImagePresetName;

/** CT has fixed presets in HU; every other modality gets the windows read from its image. */
function usesFixedPresets(modality: string): boolean {
  return modality === 'CT';
}

/** The presets offered for a modality, in the order a user expects them (the preset keys 2-5 follow it). */
export function presetsForModality(modality: string): AnyPresetName[] {
  return usesFixedPresets(modality) ? ['ct-soft-tissue', 'ct-bone', 'ct-lung', 'ct-mediastinum', 'ct-brain', 'ct-spine'] : IMAGE_PRESET_NAMES;
}

/**
 * What preset key `slot` (1-5) sets on a modality: on CT the fixed preset of that slot; elsewhere 1 is the
 * series' default window and 2-5 the image's windows in order.
 */
export function presetForKey(slot: number, modality: string): AnyPresetName | 'default' | undefined {
  if (usesFixedPresets(modality)) return presetsForModality(modality)[slot - 1];
  return slot === 1 ? 'default' : IMAGE_PRESET_NAMES[slot - 2];
}
