/**
 * Which window/level a viewport shows: the cue's explicit window, else its named preset, else the series'
 * default. The default is the series' header window when it is plausible for the pixels, else one computed from
 * the pixels. Scanners often window each slice on its own: SAG-anon's first slice says 11/22 (its pixels reach
 * 22) while the series' pixels reach 575, so one slice's header window can turn the rest into a white blob.
 * Values are in modality units (HU for CT): the image loader applies the rescale before we see the pixels.
 */
import type { Types } from '@cornerstonejs/core';
import type { ViewportCue } from '../case/schema';
import { isPresetName, WINDOW_PRESETS, type WindowLevel } from '../case/presets';
import type { DicomHeader } from '../dicom/header';

/** A sample of an image's pixel values, sorted, in modality units. */
export interface PixelSample {
  sorted: Float64Array;
}

const MAX_SAMPLES = 65536;

export function samplePixels(values: ArrayLike<number>, slope = 1, intercept = 0): PixelSample {
  const stride = Math.max(1, Math.floor(values.length / MAX_SAMPLES));
  const sorted = new Float64Array(Math.ceil(values.length / stride));
  for (let i = 0, j = 0; i < values.length; i += stride, j++) sorted[j] = (values[i] as number) * slope + intercept;
  sorted.sort();
  return { sorted };
}

export function percentile(sample: PixelSample, q: number): number {
  const { sorted } = sample;
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))] as number;
}

/** Share of the sample strictly above `value`. */
function fractionAbove(sample: PixelSample, value: number): number {
  const { sorted } = sample;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length === 0 ? 0 : (sorted.length - lo) / sorted.length;
}

/**
 * A header window is implausible when it shows nothing (entirely above or below the pixels), when it paints a
 * large share of the image pure white (a window far too low, the SAG-anon case), or when it is so wide that the
 * image is one flat grey. Narrow CT windows (brain 40/80) pass: only bone is above them.
 */
export function isPlausibleWindow(window: WindowLevel, sample: PixelSample): boolean {
  const { center, width } = window;
  if (!Number.isFinite(center) || !Number.isFinite(width) || width < 1) return false;
  const min = percentile(sample, 0);
  const max = percentile(sample, 1);
  const lower = center - width / 2;
  const upper = center + width / 2;
  if (upper <= min || lower >= max) return false;
  if (fractionAbove(sample, upper) > 0.3) return false;
  return width <= 8 * (max - min + 1);
}

/** A window from the pixels: the 0.5th to 99.5th percentile, so a few hot pixels do not grey the image. */
export function windowFromPixels(sample: PixelSample): WindowLevel {
  let lower = percentile(sample, 0.005);
  let upper = percentile(sample, 0.995);
  if (upper - lower < 1) {
    lower = percentile(sample, 0);
    upper = Math.max(percentile(sample, 1), lower + 1);
  }
  return { center: (lower + upper) / 2, width: upper - lower };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The series' header window: the median over its images, so a few oddly windowed edge slices do not count. */
export function seriesHeaderWindow(headers: readonly DicomHeader[]): WindowLevel | undefined {
  const windows = headers.filter((h) => h.windowCenter !== undefined && h.windowWidth !== undefined);
  if (windows.length === 0) return undefined;
  return {
    center: median(windows.map((h) => h.windowCenter as number)),
    width: median(windows.map((h) => h.windowWidth as number)),
  };
}

/** The series default: its header window when plausible for a representative image, else from the pixels. */
export function defaultWindow(headerWindow: WindowLevel | undefined, sample: PixelSample): WindowLevel {
  return headerWindow && isPlausibleWindow(headerWindow, sample) ? headerWindow : windowFromPixels(sample);
}

/** The cue's own window, if it names one (explicit first, then preset). */
export function cueWindow(cue: ViewportCue): WindowLevel | undefined {
  if (cue.window) return cue.window;
  if (cue.preset && isPresetName(cue.preset)) return WINDOW_PRESETS[cue.preset];
  return undefined;
}

/** The displayed image's pixels in modality units, whether or not the loader pre-scaled them. */
export function sampleImage(image: Types.IImage): PixelSample {
  const values = image.voxelManager?.getScalarData() ?? image.getPixelData();
  const scaled = image.preScale?.scaled === true;
  return scaled ? samplePixels(values) : samplePixels(values, image.slope ?? 1, image.intercept ?? 0);
}

/**
 * Colour images are shown as stored: their whole value range, never a window from pixel percentiles (a mostly
 * white RGB picture would otherwise get a window a few values wide and turn to noise).
 */
export function fullRangeWindow(image: Pick<Types.IImage, 'imageFrame'>): WindowLevel {
  const bits = Math.min(32, Math.max(8, image.imageFrame?.bitsStored ?? 8));
  const top = 2 ** bits;
  return { center: top / 2, width: top };
}
