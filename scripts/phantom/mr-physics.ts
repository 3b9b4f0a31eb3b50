/**
 * MR tissue physics at 1.5 T: proton density, T1 and T2 per tissue, the spin-echo signal equation at
 * the series' own TR/TE, and gadolinium's T1 (and slight T2) shortening by each tissue's uptake.
 * Only tissue properties live here; where each tissue is, is the anatomy's business.
 *
 * Relaxation times at 1.5 T, rounded, from:
 *  - de Bazelaire et al., Radiology 2004;230:652 (fat 343/58, marrow 549/49, muscle 856/27, liver 586/46,
 *    kidney cortex 966/87, ms T1/T2);
 *  - Stanisz et al., Magn Reson Med 2005;54:507 (blood 1441/290, spinal cord 745/74, cartilage 1024/30);
 *  - CSF ~4000/2000 and disc ~1000 with T2 ~110 (nucleus) and ~55 (annulus), as commonly quoted for 1.5 T.
 * Cortical bone and ligaments have T2 of a millisecond or so: next to nothing is left at TE 10 ms.
 * Gadolinium relaxivity r1 ~4 /s/mM, r2 ~5 /s/mM for a gadopentetate-like agent in tissue at 1.5 T
 * (Rohrer et al., Invest Radiol 2005;40:715).
 */
import { channelTable, type ChannelTable } from './render';
import { Tissue } from './tissues';

export interface MrTissue {
  pd: number; // relative proton density (water = 1)
  t1: number; // ms
  t2: number; // ms
  fat: number; // share of the signal from fat protons (shifted by the chemical shift)
  gd: number; // gadolinium concentration after contrast (mM): how much the tissue enhances
  flow: number; // fraction of the spins that stay in the slice between the 90 and 180 pulses (1 = static)
}

const T = (pd: number, t1: number, t2: number, fat = 0, gd = 0, flow = 1): MrTissue => ({ pd, t1, t2, fat, gd, flow });

/** Blood: Stanisz 1.5 T; intravascular gadolinium a few minutes after the bolus, ~0.3 mM. */
const BLOOD = { pd: 0.9, t1: 1441, t2: 290 };

export const MR_TISSUES: Readonly<Record<number, MrTissue>> = {
  [Tissue.AIR]: T(0, 1000, 1),
  [Tissue.SKIN]: T(0.7, 600, 40, 0.1, 0.05),
  [Tissue.FAT]: T(0.9, 343, 58, 1),
  [Tissue.EPIDURAL_FAT]: T(0.9, 343, 58, 1),
  [Tissue.MUSCLE]: T(0.75, 856, 27, 0, 0.02),
  [Tissue.LIGAMENT]: T(0.55, 1000, 8), // elastic flavum and collagenous ligaments: very short T2
  [Tissue.INTERSPINOUS]: T(0.7, 800, 25, 0.35), // loose ligament with fat between its fibres
  [Tissue.CORTEX]: T(0.15, 1000, 1),
  [Tissue.MARROW]: T(0.85, 549, 49, 0.6, 0.03), // adult vertebral marrow, about half fat
  [Tissue.ARCH_MARROW]: T(0.82, 570, 47, 0.57, 0.03), // nearly as fatty as the bodies' (part A)
  [Tissue.DISC]: T(0.8, 1000, 55), // annulus fibrosus
  [Tissue.NUCLEUS]: T(0.95, 1000, 110), // nucleus pulposus
  [Tissue.CSF]: T(1, 4000, 2000),
  [Tissue.CORD]: T(0.7, 745, 74),
  [Tissue.ROOT]: T(0.7, 745, 74), // nerve roots: blood-nerve barrier, no enhancement
  [Tissue.ARTERY]: T(BLOOD.pd, BLOOD.t1, BLOOD.t2, 0, 0.3, 0.04), // aorta: flow void
  [Tissue.IVC]: T(BLOOD.pd, BLOOD.t1, BLOOD.t2, 0, 0.3, 0.1), // IVC: flow void, a little slow flow at the wall
  [Tissue.VEIN]: T(BLOOD.pd, BLOOD.t1, BLOOD.t2, 0, 0.3), // epidural plexus, basivertebral vein: slow flow
  [Tissue.BOWEL]: T(0.8, 900, 45, 0, 0.12), // bowel wall and chyme
  [Tissue.GAS]: T(0, 1000, 1),
  [Tissue.URINE]: T(1, 3000, 1000), // fluid in bladder and bowel
  [Tissue.VISCERA]: T(0.75, 586, 46, 0, 0.1), // liver
  [Tissue.LUNG]: T(0.1, 1200, 30),
  [Tissue.BLOOD]: T(BLOOD.pd, BLOOD.t1, BLOOD.t2, 0, 0.3, 0.04),
  [Tissue.LUNG_VESSEL]: T(BLOOD.pd, BLOOD.t1, BLOOD.t2, 0, 0.3, 0.04),
  // Leukaemic (myeloid) infiltrate: cellular, T1 like muscle; a little leaky, so faint enhancement.
  [Tissue.LESION_0]: T(0.78, 950, 45, 0, 0.045),
  [Tissue.LESION_1]: T(0.78, 950, 45, 0, 0.045),
  [Tissue.LESION_2]: T(0.78, 950, 45, 0, 0.045),
  // Part C's tissues. Fascia and septa: collagen like ligament. Kidney (de Bazelaire: cortex 966/87,
  // medulla 1412/85) and myometrium (about 1300/110 at 1.5 T), both strongly perfused.
  [Tissue.FASCIA]: T(0.5, 1000, 10),
  [Tissue.PARENCHYMA]: T(0.85, 1150, 90, 0, 0.25),
  // Part A: fatty marrow foci are mostly fat (T1 near subcutaneous fat); condensed trabecular bone has
  // more bone and less marrow per voxel, so it reads a little darker than the marrow around it.
  [Tissue.MARROW_FAT]: T(0.88, 420, 55, 0.75, 0.01),
  [Tissue.TRABECULA]: T(0.62, 640, 30, 0.45),
};

export const GD_R1 = 4.0; // /s/mM
export const GD_R2 = 5.0;

export interface SpinEcho {
  tr: number; // ms
  te: number; // ms
}

/** Spin-echo magnitude of one tissue (fully relaxed water = 1): PD (1 - e^-TR/T1) e^-TE/T2, times flow. */
export function spinEcho(t: MrTissue, seq: SpinEcho, contrast: boolean): number {
  const r1 = 1000 / t.t1 + (contrast ? GD_R1 * t.gd : 0);
  const r2 = 1000 / t.t2 + (contrast ? GD_R2 * t.gd : 0);
  return t.pd * (1 - Math.exp((-seq.tr / 1000) * r1)) * Math.exp((-seq.te / 1000) * r2) * t.flow;
}

/**
 * A spatial saturation band: a slab-selective 90 degree pulse and spoiler just before each excitation
 * leave the slab's spins with only what relaxes back in the short delay `delay` (ms). The flip is never
 * quite 90 degrees across the slab (`flipDeg`), so a little longitudinal magnetisation survives it.
 */
export interface SatBand {
  delay: number; // ms from the saturation pulse to the excitation
  flipDeg: number;
}

/** Spin-echo magnitude inside a saturation band: PD (1 - (1 - cos a) e^-TD/T1) e^-TE/T2, times flow. */
export function spinEchoSaturated(t: MrTissue, seq: SpinEcho, contrast: boolean, sat: SatBand): number {
  const r1 = 1000 / t.t1 + (contrast ? GD_R1 * t.gd : 0);
  const r2 = 1000 / t.t2 + (contrast ? GD_R2 * t.gd : 0);
  const mz = 1 - (1 - Math.cos((sat.flipDeg * Math.PI) / 180)) * Math.exp((-sat.delay / 1000) * r1);
  return t.pd * mz * Math.exp((-seq.te / 1000) * r2) * t.flow;
}

/** Relative texture amplitude: marrow is mottled (trabecular), muscle and masses a little grainy. */
const TEXTURE: Readonly<Record<number, number>> = {
  [Tissue.MARROW]: 0.1,
  [Tissue.ARCH_MARROW]: 0.1,
  [Tissue.MARROW_FAT]: 0.06,
  [Tissue.MUSCLE]: 0.12,
  [Tissue.VISCERA]: 0.05,
  [Tissue.BOWEL]: 0.1,
  [Tissue.DISC]: 0.05,
  [Tissue.NUCLEUS]: 0.05,
  [Tissue.FAT]: 0.03,
  [Tissue.EPIDURAL_FAT]: 0.03,
  [Tissue.LESION_0]: 0.05,
  [Tissue.LESION_1]: 0.05,
  [Tissue.LESION_2]: 0.05,
  [Tissue.PARENCHYMA]: 0.06,
};

/** Signal scale: pure fat lands near 930 in 12 bits, as on a typical scanner's T1 at this gain. */
export const MR_SCALE = 1600;

/**
 * Channel tables of one acquisition, split into the water and the fat part of each tissue's signal
 * (the fat part is drawn shifted along the frequency direction: chemical shift); with `sat`, as seen
 * inside a saturation band.
 */
export function mrTables(seq: SpinEcho, contrast: boolean, sat?: SatBand): { water: ChannelTable; fat: ChannelTable } {
  const water: Record<number, number> = {};
  const fat: Record<number, number> = {};
  for (const [k, t] of Object.entries(MR_TISSUES)) {
    const s = MR_SCALE * (sat ? spinEchoSaturated(t, seq, contrast, sat) : spinEcho(t, seq, contrast));
    water[Number(k)] = s * (1 - t.fat);
    fat[Number(k)] = s * t.fat;
  }
  return { water: channelTable(water, TEXTURE, false), fat: channelTable(fat, TEXTURE, false) };
}
