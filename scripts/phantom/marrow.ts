/**
 * Inside a vertebral body: the cancellous bone's structure and the basivertebral vein. Cancellous
 * bone is not one grey: its trabeculae run mostly vertically (they carry the load between the
 * endplates), they condense under each endplate, and fatty marrow collects in patches, most of all
 * next to the endplates and around the basivertebral vein. All in the body's own frame (u caudal
 * along its axis, v posterior from the posterior wall, x patient left), so the grain follows the body.
 */
import { clamp } from './sdf';
import { fbm3, noise3 } from './texture';
import { Tissue } from './tissues';
import type { Vertebra } from './vertebra';

export interface MarrowSeeds {
  grain: number;
  fat: number;
  mask: number;
}

/**
 * The tissue of a point of a body's cancellous bone. `toEndplate` is the distance to the nearer
 * endplate (mm), `toVein` the distance to the basivertebral vein's fork, `level` an offset that
 * keeps neighbouring bodies from sharing one pattern.
 */
export function marrowTissue(k: MarrowSeeds, u: number, v: number, x: number, toEndplate: number, toVein: number, level: number): number {
  const uu = u + 61 * level;
  // Subchondral bone: a denser band a millimetre or two under each endplate, broken up, not a line.
  if (toEndplate < 2.2) {
    const n = noise3(k.grain + 3, x, v, uu, 1.1);
    if (Math.abs(n) < 0.34 - 0.12 * toEndplate) return Tissue.TRABECULA;
  }
  // Fatty foci: slow patches, likelier near the endplates and the vein.
  const f = fbm3(k.fat, x, v, 0.8 * uu, 3.4) + 0.22 * Math.exp(-toEndplate / 2.5) + 0.3 * Math.exp(-toVein / 3);
  if (f > 0.46) return Tissue.MARROW_FAT;
  // Vertical trabeculae: short dashes of condensed bone stretched along the body axis, in patches.
  const mask = noise3(k.mask, x, v, uu, 6);
  if (mask > -0.25) {
    const g = noise3(k.grain, x, v, uu / 4.5, 1.1);
    if (g > 0.46 - 0.12 * clamp(mask, 0, 1)) return Tissue.TRABECULA;
  }
  return Tissue.MARROW;
}

/**
 * The basivertebral venous system in a body's frame: a short channel leaves the posterior wall at
 * mid-height through a notch, runs forward a few millimetres and opens into a small triangular
 * space that forks into two branches, one up and one down (a "Y" lying on its side). Around it the
 * bone is a little condensed. Returns 0 outside, 1 inside the vein, 2 in its sclerotic rim.
 * `u0` is the channel's level (a seeded offset from mid-height), `len` how far the branches reach.
 */
export function basivertebral(u: number, v: number, x: number, u0: number, len: number): 0 | 1 | 2 {
  if (v > 1 || v < -len - 2 || Math.abs(x) > 3.2 || Math.abs(u - u0) > 8) return 0;
  const du = u - u0;
  const fork = -4.5; // where the channel opens into the vascular space
  const t = Math.max(0, fork - v); // depth past the fork
  // Channel: widest at the notch in the wall.
  const stem = v > fork ? Math.abs(du) - (0.75 + 0.55 * clamp((v + 1.5) / 2.3, 0, 1)) : Infinity;
  // Triangular space just past the fork, then two curving branches.
  const tri = t < 2.2 ? Math.abs(du) - (0.7 + 0.7 * t) : Infinity;
  const arm = (sgn: number): number => Math.abs(du - sgn * (0.75 * t + 0.04 * t * t)) - (0.5 - 0.025 * t);
  const branches = v <= fork + 0.5 && v > -len ? Math.min(arm(1), arm(-1)) : Infinity;
  let d = Math.min(stem, tri, branches);
  d = Math.max(d, Math.abs(x) - (v > fork ? 1.1 : 1.3));
  if (d < 0) return 1;
  return d < 0.4 && v < -1.2 ? 2 : 0;
}

/**
 * Bone of the posterior elements at a point inside (sdf b < 0): a cortex whose thickness varies
 * along the surface (a drawn outline would not), then marrow with fewer fatty patches than the
 * bodies and some condensed trabeculae.
 */
export function archBone(k: MarrowSeeds, u: number, v: number, x: number, level: number, b: number, cortex: number): number {
  const uu = u + 61 * level;
  if (b > -cortex * (1 + 0.35 * noise3(k.mask + 5, x, v, uu, 3.5))) return Tissue.CORTEX;
  if (fbm3(k.fat + 11, x, v, uu, 6) > 0.6) return Tissue.MARROW_FAT;
  if (noise3(k.grain + 9, x, v, uu / 3, 0.8) > 0.6) return Tissue.TRABECULA;
  return Tissue.ARCH_MARROW;
}

/**
 * A typical (fatty) vertebral haemangioma: fat between a few thickened vertical trabeculae, so bright
 * on T1 with fine dark striations, and "corduroy" dots and stripes on CT; its edge is irregular and
 * fades through fatty marrow. An incidental finding, as in about one adult spine in ten. (du, dv, dx)
 * is the point's offset from its centre; returns -1 outside it.
 */
export function haemangioma(k: MarrowSeeds, du: number, dv: number, dx: number, r: number): number {
  const d = Math.hypot(du, dv, dx) / (r * (1 + 0.22 * noise3(k.mask + 17, dx, dv, du, 1.8)));
  if (d >= 1) return -1;
  if (d > 0.72) return Tissue.MARROW_FAT;
  const w = (0.8 * dv + 0.35 * dx) / 2.6;
  return Math.abs(w - Math.round(w)) < 0.09 ? Tissue.TRABECULA : Tissue.FAT;
}

/** Cortex, vein or cancellous bone at a point inside the body of vertebra `vt` (its sdf b < 0). */
export function bodyBone(vt: Vertebra, k: MarrowSeeds, u: number, v: number, x: number, b: number, level: number): number {
  const shell = vt.shellAt(u, v, x);
  const bv = vt.basivertebral(u, v, x);
  // The vein breaks through the posterior cortex at its notch; elsewhere the shell comes first.
  if (bv === 1 && (b < -shell || v > -2.5)) return Tissue.VEIN;
  if (b > -shell) return Tissue.CORTEX;
  if (bv === 2) return Tissue.TRABECULA;
  const hm = vt.spec.haemangioma;
  if (hm) {
    const t = haemangioma(k, u - hm.u, v - hm.v, x - hm.x, hm.r);
    if (t >= 0) return t;
  }
  const dv = Math.hypot(u - vt.spec.bvLevel, v + 5, 0.6 * x);
  return marrowTissue(k, u, v, x, vt.toEndplate(u, v, x) - shell, dv, level);
}
