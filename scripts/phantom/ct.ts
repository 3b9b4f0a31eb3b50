/**
 * CT physics: Hounsfield units per tissue (cortex over 1000, cancellous bone 150-300, soft tissue
 * 40-60, fat -100, lung -850), textured cancellous bone and lung, noise as filtered back projection
 * leaves it (correlated: white noise through a ramp-like band-pass, with no power at zero frequency),
 * and storage as unsigned 12-bit with RescaleIntercept -1024 / RescaleSlope 1, as scanners write them.
 */
import { channelTable, type ChannelTable, type SliceGrid } from './render';
import type { Rng } from './rng';
import { Tissue } from './tissues';

const HU: Readonly<Record<number, number>> = {
  [Tissue.AIR]: -1000,
  [Tissue.SKIN]: 30,
  [Tissue.FAT]: -100,
  [Tissue.EPIDURAL_FAT]: -100,
  [Tissue.MUSCLE]: 50,
  [Tissue.LIGAMENT]: 75,
  [Tissue.INTERSPINOUS]: 45,
  [Tissue.CORTEX]: 1500, // dense cortical bone 1200-1900
  [Tissue.MARROW]: 230,
  [Tissue.ARCH_MARROW]: 280,
  [Tissue.DISC]: 85, // annulus
  [Tissue.NUCLEUS]: 70,
  [Tissue.IVC]: 40,
  [Tissue.CSF]: 8,
  [Tissue.CORD]: 30,
  [Tissue.ROOT]: 30,
  [Tissue.ARTERY]: 45,
  [Tissue.VEIN]: 40,
  [Tissue.BOWEL]: 35,
  [Tissue.GAS]: -990,
  [Tissue.URINE]: 5,
  [Tissue.VISCERA]: 58,
  [Tissue.LUNG]: -855,
  [Tissue.BLOOD]: 42,
  [Tissue.LUNG_VESSEL]: 35,
  [Tissue.LESION_0]: 50,
  [Tissue.LESION_1]: 50,
  [Tissue.LESION_2]: 50,
  // Part C's tissues (MR abdomen, listed so every tissue has a density).
  [Tissue.FASCIA]: 70,
  [Tissue.PARENCHYMA]: 40,
  // Part B (chest):
  [Tissue.CARTILAGE]: 110, // hyaline cartilage, not yet calcified: 80-140
  [Tissue.CALCIUM]: 650, // calcified plaque: well over 130 (the Agatston threshold), partial volume pulls specks down
  [Tissue.NODE]: 38, // lymph node: soft tissue, a little under muscle
  [Tissue.STERNUM_MARROW]: 190, // the sternum's cancellous bone: 150-250
  // Part A: a fatty marrow focus (fat among thinner trabeculae: still mostly bone by density) and condensed trabecular bone.
  [Tissue.MARROW_FAT]: 160,
  [Tissue.TRABECULA]: 620,
};

/** Absolute texture amplitudes (HU). */
const TEXTURE: Readonly<Record<number, number>> = {
  [Tissue.MARROW]: 55,
  [Tissue.ARCH_MARROW]: 55,
  [Tissue.MARROW_FAT]: 30,
  [Tissue.LUNG]: 35,
  [Tissue.STERNUM_MARROW]: 65,
  [Tissue.MUSCLE]: 4,
  [Tissue.FAT]: 6,
  [Tissue.EPIDURAL_FAT]: 6,
  [Tissue.VISCERA]: 7, // the liver's faint mottling: about 5 HU SD, under the noise but seen at a narrow window
  [Tissue.LESION_0]: 3,
  [Tissue.LESION_1]: 3,
  [Tissue.LESION_2]: 3,
};

export function huTable(): ChannelTable {
  return channelTable(HU, TEXTURE, true);
}

/** Noise SD in soft tissue (HU), as on a standard-dose reconstruction with a standard kernel. */
export const CT_NOISE_SD = 12;
export const CT_INTERCEPT = -1024;

/** Normalised 1-D Gaussian kernel. */
function gaussKernel(sigma: number): Float32Array {
  const h = Math.ceil(3 * sigma);
  const k = new Float32Array(2 * h + 1);
  let s = 0;
  for (let i = -h; i <= h; i++) {
    k[i + h] = Math.exp(-(i * i) / (2 * sigma * sigma));
    s += k[i + h]!;
  }
  for (let i = 0; i < k.length; i++) k[i] = k[i]! / s;
  return k;
}

function blurSeparable(img: Float32Array, cols: number, rows: number, k: Float32Array): Float32Array {
  const h = (k.length - 1) / 2;
  const tmp = new Float32Array(img.length);
  const out = new Float32Array(img.length);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      let s = 0;
      for (let j = -h; j <= h; j++) s += k[j + h]! * img[r * cols + Math.min(cols - 1, Math.max(0, c + j))]!;
      tmp[r * cols + c] = s;
    }
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      let s = 0;
      for (let j = -h; j <= h; j++) s += k[j + h]! * tmp[Math.min(rows - 1, Math.max(0, r + j)) * cols + c]!;
      out[r * cols + c] = s;
    }
  return out;
}

const APODIZE = gaussKernel(0.7); // the reconstruction kernel's roll-off at high frequency
const LOW = gaussKernel(2.2); // removes the low frequencies, as the ramp filter does

/**
 * Correlated CT noise: white noise through a band-pass (difference of Gaussians) whose response
 * rises from zero at DC like the ramp filter and rolls off like the kernel's apodization; scaled to
 * the wanted SD. The result has the fine, grainy texture of real CT noise rather than salt and pepper.
 */
export function ctNoise(g: SliceGrid, rng: Rng, sd: number): Float32Array {
  const n = g.rows * g.columns;
  const white = new Float32Array(n);
  for (let i = 0; i < n; i++) white[i] = rng.gaussian();
  const a = blurSeparable(white, g.columns, g.rows, APODIZE);
  const b = blurSeparable(white, g.columns, g.rows, LOW);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    a[i] = a[i]! - b[i]!;
    ss += a[i]! * a[i]!;
  }
  const k = sd / Math.sqrt(ss / n);
  for (let i = 0; i < n; i++) a[i] = a[i]! * k;
  return a;
}

/** Adds correlated noise and stores HU + 1024 in 12 bits (HU -1024..3071). */
export function finishCt(img: Float32Array, g: SliceGrid, rng: Rng): Uint16Array {
  const noise = ctNoise(g, rng, CT_NOISE_SD);
  const out = new Uint16Array(img.length);
  for (let i = 0; i < img.length; i++) {
    const hu = Math.round(img[i]! + noise[i]!);
    const v = hu - CT_INTERCEPT;
    out[i] = v < 0 ? 0 : v > 4095 ? 4095 : v;
  }
  return out;
}
