/**
 * T1-weighted spin echo physics, phantom style: a signal per tissue (fat brightest, then fatty
 * marrow, then disc / muscle / soft tissue, CSF dark, cortex and air darkest), a post-gadolinium
 * table in which the lesions gain ~12% and veins light up, receive-coil shading (the spine coil sits
 * under the back), and Rician noise from a seeded generator.
 */
import type { SliceGrid, ChannelTable } from './render';
import { channelTable } from './render';
import { Rng } from './rng';
import type { PlanePoint } from './spine';
import { Tissue } from './tissues';

const PRE: Readonly<Record<number, number>> = {
  [Tissue.AIR]: 0,
  [Tissue.SKIN]: 470,
  [Tissue.FAT]: 930,
  [Tissue.EPIDURAL_FAT]: 930,
  [Tissue.MUSCLE]: 380,
  [Tissue.LIGAMENT]: 150,
  [Tissue.INTERSPINOUS]: 290,
  [Tissue.CORTEX]: 45,
  [Tissue.MARROW]: 700,
  [Tissue.ARCH_MARROW]: 590,
  [Tissue.DISC]: 310,
  [Tissue.CSF]: 120,
  [Tissue.CORD]: 440,
  [Tissue.ROOT]: 380,
  [Tissue.ARTERY]: 60,
  [Tissue.VEIN]: 300,
  [Tissue.BOWEL]: 350,
  [Tissue.GAS]: 20,
  [Tissue.URINE]: 110,
  [Tissue.VISCERA]: 470,
  [Tissue.LESION_0]: 400,
  [Tissue.LESION_1]: 400,
  [Tissue.LESION_2]: 400,
};

/** Post-gadolinium: faint lesion enhancement (the teaching point), brighter veins and bowel wall. */
const POST: Readonly<Record<number, number>> = {
  ...PRE,
  [Tissue.SKIN]: 500,
  [Tissue.MUSCLE]: 395,
  [Tissue.DISC]: 315,
  [Tissue.ROOT]: 395,
  [Tissue.ARTERY]: 90,
  [Tissue.VEIN]: 720,
  [Tissue.BOWEL]: 450,
  [Tissue.VISCERA]: 560,
  [Tissue.LESION_0]: 450,
  [Tissue.LESION_1]: 450,
  [Tissue.LESION_2]: 450,
};

/** Relative texture amplitude: marrow is mottled, muscle and masses a little grainy. */
const TEXTURE: Readonly<Record<number, number>> = {
  [Tissue.MARROW]: 0.09,
  [Tissue.ARCH_MARROW]: 0.09,
  [Tissue.MUSCLE]: 0.05,
  [Tissue.VISCERA]: 0.05,
  [Tissue.BOWEL]: 0.12,
  [Tissue.DISC]: 0.06,
  [Tissue.FAT]: 0.03,
  [Tissue.EPIDURAL_FAT]: 0.03,
  [Tissue.LESION_0]: 0.05,
  [Tissue.LESION_1]: 0.05,
  [Tissue.LESION_2]: 0.05,
};

export function t1Tables(): { pre: ChannelTable; post: ChannelTable } {
  return { pre: channelTable(PRE, TEXTURE, false), post: channelTable(POST, TEXTURE, false) };
}

export const MR_NOISE_SD = 13;

/** Receive sensitivity: strongest at the back (posterior coil), falling off anteriorly and at the ends. */
export function coilGain(p: PlanePoint, zCentre: number): number {
  const depth = Math.max(0, p.back);
  const axial = (p.z - zCentre) / 170;
  return (0.6 + 0.45 * Math.exp(-depth / 95)) * (1 - 0.18 * axial * axial);
}

/** Shading, Rician noise, rounding to unsigned 12-bit. */
export function finishMr(img: Float32Array, plane: readonly PlanePoint[], g: SliceGrid, rng: Rng): Uint16Array {
  const out = new Uint16Array(img.length);
  const zc = g.z0 - (g.rows * g.spacing) / 2;
  for (let i = 0; i < img.length; i++) {
    const s = img[i]! * coilGain(plane[i]!, zc);
    // Magnitude of a complex signal with Gaussian noise on both channels = Rician.
    const re = s + MR_NOISE_SD * rng.gaussian();
    const im = MR_NOISE_SD * rng.gaussian();
    const v = Math.round(Math.sqrt(re * re + im * im));
    out[i] = v > 4095 ? 4095 : v;
  }
  return out;
}
