/**
 * The windows read from an image's own values (`IMAGE_PRESETS`, for MR and other modalities without fixed
 * units): percentiles of all its pixels, or of its tissue only. Tissue is what is brighter than the air around the
 * body, found by Otsu's threshold; when that threshold splits two tissues instead (a field of view with little air,
 * where bright fat against the rest is the larger contrast) it lies high, and a tenth of the image's range is the
 * air's edge instead (MR air is noise a few per cent of the tissue's signal).
 */
import { IMAGE_PRESETS, type ImagePresetName, type WindowLevel } from '../case/presets';
import { percentile, windowFromPixels, type PixelSample } from './window-level';

const BINS = 256;
/** Above this share of the image's range, Otsu's threshold is taken to split tissues, not air from tissue. */
const HIGHEST_AIR = 0.3;
const AIR_FALLBACK = 0.1;

/** Otsu's threshold over a histogram of the sample: the value that best splits it in two classes. */
export function otsuThreshold(sample: PixelSample): number {
  const { sorted } = sample;
  const n = sorted.length;
  if (n === 0) return 0;
  const min = sorted[0] as number;
  const max = sorted[n - 1] as number;
  if (max <= min) return min;
  const scale = (BINS - 1) / (max - min);
  const bins = new Float64Array(BINS);
  for (const v of sorted) bins[Math.floor((v - min) * scale)]! += 1;
  let total = 0;
  for (let i = 0; i < BINS; i++) total += i * bins[i]!;
  let below = 0;
  let sumBelow = 0;
  let best = -1;
  let threshold = 0;
  for (let t = 0; t < BINS; t++) {
    below += bins[t]!;
    if (below === 0) continue;
    const above = n - below;
    if (above === 0) break;
    sumBelow += t * bins[t]!;
    const gap = sumBelow / below - (total - sumBelow) / above;
    const between = below * above * gap * gap;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return min + (threshold + 1) / scale;
}

/** The sample's values above the air: the tissue (the whole sample when too little is left to be one). */
export function tissueOf(sample: PixelSample): PixelSample {
  const { sorted } = sample;
  const low = percentile(sample, 0.005);
  const high = percentile(sample, 0.995);
  let threshold = otsuThreshold(sample);
  if (threshold > low + HIGHEST_AIR * (high - low)) threshold = low + AIR_FALLBACK * (high - low);
  let start = 0;
  while (start < sorted.length && (sorted[start] as number) <= threshold) start++;
  return sorted.length - start < Math.max(16, sorted.length * 0.02) ? sample : { sorted: sorted.subarray(start) };
}

/** The window an image preset gives for an image's sample; the image's own range when that is flat. */
export function imagePresetWindow(sample: PixelSample, name: ImagePresetName): WindowLevel {
  const preset = IMAGE_PRESETS[name];
  const from = preset.of === 'tissue' ? tissueOf(sample) : sample;
  const lower = percentile(from, preset.low);
  const upper = percentile(from, preset.high);
  if (upper - lower < 1) return windowFromPixels(sample);
  return { center: (lower + upper) / 2, width: upper - lower };
}
