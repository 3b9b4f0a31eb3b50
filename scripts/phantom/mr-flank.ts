/**
 * The MR body beyond the sagittal slab (|x| > LATERAL_FROM mm), which only the axial series see: the
 * back curving forward into the flanks, the erector spinae's lateral border with the thoracolumbar
 * fascia, the quadratus lumborum, the flank muscles under the subcutaneous fat, and at the
 * lumbosacral junction the iliac wings with iliacus inside and the gluteal muscles outside. Nothing
 * here changes a point of the sagittal slices (|x| <= 32.2 mm with the slab), so their bytes stay.
 * Coordinates are the plane point's d (posterior of the spine's curve, mm) and s (along it), and
 * px = |x|.
 */
import type { PlanePoint } from './canal';
import { Tissue } from './tissues';

/** Lateral of this (mm from the midline) the body may differ from the sagittal model. */
export const LATERAL_FROM = 33;

/** How far the back skin has come forward at px: the torso's cross-section is rounded, not flat. */
export function flankLift(px: number): number {
  return px > 40 ? ((px - 40) * (px - 40)) / 150 : 0;
}

/**
 * The iliac wing in (px, d): from the posterior superior spine down the sacrum's side (the sacroiliac
 * joint, where the sacrum's own bone takes over) and then forward and out, with its half-thickness.
 */
const WING: readonly [number, number, number][] = [
  [42, 40, 7],
  [50, 18, 7],
  [51, -6, 6],
  [66, -22, 4.5],
  [86, -34, 4],
  [118, -48, 3],
];

/** Nearest point of the wing's polyline: distance, signed side (+ = outer, gluteal), half-thickness there. */
function wing(px: number, d: number): { dist: number; side: number; half: number } {
  let best = { dist: Infinity, side: 0, half: 0 };
  for (let i = 0; i + 1 < WING.length; i++) {
    const [ax, ad, ah] = WING[i]!;
    const [bx, bd, bh] = WING[i + 1]!;
    const ex = bx - ax;
    const ed = bd - ad;
    const len2 = ex * ex + ed * ed;
    const f = Math.min(1, Math.max(0, ((px - ax) * ex + (d - ad) * ed) / len2));
    const qx = px - ax - f * ex;
    const qd = d - ad - f * ed;
    const dist = Math.sqrt(qx * qx + qd * qd);
    if (dist < best.dist) {
      const len = Math.sqrt(len2);
      // Outer (gluteal) side: posterior and lateral of the wing's line.
      best = { dist, side: (qx * -ed + qd * ex) / len, half: ah + f * (bh - ah) };
    }
  }
  return best;
}

export interface FlankLevels {
  sL1: number;
  sL5: number;
  /** the iliac crest's arc length: the wings start below it */
  sCrest: number;
  sCoTip: number;
}

/**
 * The lateral body's tissue at (px, p), `under` mm deep beneath the subcutaneous fat, or -1 where
 * the sagittal model's own rules apply (paraspinal muscle, retroperitoneum, bowel, pelvis).
 */
export function flank(px: number, p: PlanePoint, under: number, lv: FlankLevels): number {
  const d = p.d;
  const s = p.s;
  if (s > lv.sCrest && s < lv.sCoTip) {
    // The wing narrows towards the crest: its top is a rounded edge, not a cut.
    const top = Math.min(1, (s - lv.sCrest) / 12);
    const w = wing(px, d);
    const half = w.half * Math.sqrt(top);
    if (w.dist < half) return w.dist > half - 1.4 ? Tissue.CORTEX : Tissue.MARROW; // fatty adult iliac marrow
    if (w.side > 0) {
      // Gluteus medius and maximus over the outer table, then fat under the skin.
      return w.dist < 30 + 0.2 * Math.max(0, px - 50) ? Tissue.MUSCLE : Tissue.FAT;
    }
    if (w.dist < 13 && d < 16) return Tissue.MUSCLE; // iliacus in the iliac fossa
  }
  if (s > lv.sL1 - 20 && s < lv.sL5 + 6) {
    // Quadratus lumborum: lateral to the psoas, in front of the transverse processes.
    const g = Math.min(1, Math.max(0, (s - lv.sL1) / (lv.sL5 - lv.sL1)));
    const cx = 52 + 4 * g;
    const u = (px - cx) * 0.94 + (d + 2) * 0.34;
    const v = -(px - cx) * 0.34 + (d + 2) * 0.94;
    if ((u / 17) ** 2 + (v / 8.5) ** 2 < 1) return Tissue.MUSCLE;
  }
  if (d > 2) {
    // Erector spinae and multifidus fill a rounded mass behind the transverse processes; beyond
    // its lateral border lie the thoracolumbar fascia and the fat of the flank.
    const q = Math.max(0, 1 - ((d - 34) / 33) ** 2);
    const border = LATERAL_FROM + 40 * Math.sqrt(q);
    if (px < border) return -1;
    if (px < border + 0.9) return Tissue.FASCIA;
  }
  // Latissimus dorsi and the abdominal wall: a muscle layer under the subcutaneous fat at the flank.
  if (px > 62 && under < 9 + 0.05 * (px - 62)) return Tissue.MUSCLE;
  return d > 2 ? Tissue.FAT : -1;
}
