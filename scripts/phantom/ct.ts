/**
 * CT physics, phantom style: Hounsfield units per tissue (bone in the hundreds to over a thousand,
 * soft tissue 40-60, fat -100, lung -850), textured cancellous bone and lung, Gaussian noise, and
 * storage as unsigned 12-bit with RescaleIntercept -1024 so the HU are exact integers.
 */
import { channelTable, type ChannelTable } from './render';
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
  [Tissue.CORTEX]: 1050,
  [Tissue.MARROW]: 230,
  [Tissue.ARCH_MARROW]: 280,
  [Tissue.DISC]: 80,
  [Tissue.CSF]: 8,
  [Tissue.CORD]: 30,
  [Tissue.ROOT]: 30,
  [Tissue.ARTERY]: 42,
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
};

/** Absolute texture amplitudes (HU). */
const TEXTURE: Readonly<Record<number, number>> = {
  [Tissue.MARROW]: 55,
  [Tissue.ARCH_MARROW]: 55,
  [Tissue.LUNG]: 35,
  [Tissue.MUSCLE]: 4,
  [Tissue.FAT]: 6,
  [Tissue.EPIDURAL_FAT]: 6,
  [Tissue.VISCERA]: 4,
  [Tissue.LESION_0]: 3,
  [Tissue.LESION_1]: 3,
  [Tissue.LESION_2]: 3,
};

export function huTable(): ChannelTable {
  return channelTable(HU, TEXTURE, true);
}

export const CT_NOISE_SD = 9;
export const CT_INTERCEPT = -1024;

/** Adds noise and stores HU + 1024 in 12 bits (HU -1024..3071). */
export function finishCt(img: Float32Array, rng: Rng): Uint16Array {
  const out = new Uint16Array(img.length);
  for (let i = 0; i < img.length; i++) {
    const hu = Math.round(img[i]! + CT_NOISE_SD * rng.gaussian());
    const v = hu - CT_INTERCEPT;
    out[i] = v < 0 ? 0 : v > 4095 ? 4095 : v;
  }
  return out;
}
