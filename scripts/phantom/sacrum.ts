/**
 * The fused sacrum's bone around its canal (lateral masses, the dorsal plate with its median crest, the anterior
 * foramina and the hiatus), as extra bone for the lumbosacral spine model.
 */
import { capsule2, clamp, interp, interval, lerp, Profile, roundBox3, roundIntersect, smoothstep } from './sdf';
import type { Canal, PlanePoint } from './canal';
import type { SpineExtra } from './spine';
import { Tissue } from './tissues';
import type { Vertebra } from './vertebra';

/** Sacral lateral masses and dorsal plate around the canal, with anterior foramina and a hiatus. */
export function sacralBone(vs: readonly Vertebra[], canal: Canal): { extra: SpineExtra; depth: (s: number) => number } {
  const sac = vs.filter((v) => v.spec.kind === 'S');
  const keys = sac.map((v) => v.sCentre);
  const lo = keys[0]! - 40;
  const hi = keys[keys.length - 1]! + 40;
  const depthP = new Profile(lo, hi, (q) => interp(keys, sac.map((v) => v.spec.depth), q));
  const bodyWP = new Profile(lo, hi, (q) => interp(keys, sac.map((v) => v.spec.halfWidth), q));
  const totalWP = new Profile(lo, hi, (q) => interp(keys, [50, 42, 30, 20, 12], q));
  const plateP = new Profile(lo, hi, (q) => interp([keys[0]!, keys[1]!, keys[2]!, keys[3]! - 2, keys[3]! + 4], [5.5, 5, 4.5, 3, 0], q));
  const depth = (q: number): number => depthP.at(q);
  const bodyW = (q: number): number => bodyWP.at(q);
  const totalW = (q: number): number => totalWP.at(q);
  const plate = (q: number): number => plateP.at(q);
  const sTop = sac[0]!.sTop + 1.5;
  const sBot = sac[sac.length - 1]!.sBottom;
  const junctions = sac.slice(0, -1).map((v) => v.sBottom + v.spec.discBelow / 2);
  const crestP = new Profile(lo, hi, (q) => {
    let b = 0;
    for (const k of keys.slice(0, 4)) b += Math.exp(-(((q - k) / 5.5) ** 2));
    return b;
  });
  const crestAt = (q: number): number => crestP.at(q);
  // Foramina: [ventral hole, channel from the canal]; returns normalised radius (<1 inside).
  const foramen = (q: number, d: number, px: number): number => {
    let best = Infinity;
    for (const j of junctions) {
      if (Math.abs(q - j) > 7) continue;
      const D = depth(j);
      const a = Math.sqrt(((q - j) / 4.5) ** 2 + ((d + 0.38 * D) / (0.3 * D)) ** 2 + ((px - bodyW(j) - 2) / 7) ** 2);
      const b = Math.sqrt(((q - j) / 4) ** 2 + ((d - 0.3 * canal.depth(j)) / 3.5) ** 2 + ((px - canal.halfWidth(j) - 2.5) / 5) ** 2);
      best = Math.min(best, a, b);
    }
    return best;
  };
  // S1's superior articular processes rise from the sacrum's back to meet L5's inferior ones at the
  // L5-S1 facet joints, on L5's pillar line and facet obliquity (the joint space is L5's).
  const l5 = vs.find((v) => v.spec.name === 'L5')!.spec.pe!;
  const sapSdf = (q: number, d: number, px: number): number => {
    const C5 = l5.canalDepth;
    const joint = C5 - 0.7 + (l5.facetShear ?? 0) * (px - l5.canalHalfWidth - l5.pillarWidth / 2);
    const rod = capsule2(q, d, sTop + 7, 0.55 * C5, sTop - 12, 0.72 * C5, 4.6, 3);
    return roundIntersect(Math.max(rod, d - joint), interval(px, l5.canalHalfWidth + 0.5, l5.canalHalfWidth + l5.pillarWidth), 2.5);
  };
  const extra: SpineExtra = {
    boneSdf(p: PlanePoint, x: number): number {
      if (p.s < sTop - 18 || p.s > sBot + 4) return Infinity;
      const px = Math.abs(x);
      if (p.s < sTop - 4) return Math.max(sapSdf(p.s, p.d, px), -canal.sdf(p.s, p.d, x));
      const C = canal.depth(p.s);
      const Wc = canal.halfWidth(p.s);
      const Wb = bodyW(p.s);
      // The alae: wings whose front slopes back from the body's side to the sacroiliac joint (the
      // oval S1 body stands proud in front of them), not a block as deep as the body.
      const D = depth(p.s);
      const wing = clamp((px - Wb) / Math.max(1, totalW(p.s) - Wb), 0, 1);
      const dAnt = lerp(-0.72 * D, -0.2 * D, Math.sqrt(wing));
      const low = lerp(-0.5, dAnt, smoothstep(Wb - 4, Wb + 1, px));
      const pl = plate(p.s);
      const crest = px < 5 ? 5 * crestAt(p.s) * (1 - (px / 5) ** 2) : 0;
      const dor = lerp(C + pl + crest, C + Math.max(pl, 3) + 2, smoothstep(Wc, Wc + 6, px));
      // The alae's upper surface falls away laterally and their back comes forward towards the
      // sacroiliac joints: an axial cut near the top shows wings, not a slab's straight edges.
      const out = Math.max(0, px - Wb - 2);
      const back = dor - 0.3 * Math.max(0, px - Wc - 14);
      let m = roundBox3(interval(p.d, low, back), px - totalW(p.s), interval(p.s, sTop + 0.35 * out, sBot), 3);
      m = Math.min(m, sapSdf(p.s, p.d, px));
      m = Math.max(m, -canal.sdf(p.s, p.d, x));
      const f = foramen(p.s, p.d, px);
      if (f < 1.3) m = Math.max(m, (1 - f) * 3);
      return m;
    },
    soft(p: PlanePoint, x: number): number {
      if (p.s < sTop - 4 || p.s > sBot + 4) return -1;
      const f = foramen(p.s, p.d, Math.abs(x));
      if (f < 1) return f < 0.42 ? Tissue.ROOT : Tissue.EPIDURAL_FAT;
      return -1;
    },
  };
  return { extra, depth };
}
