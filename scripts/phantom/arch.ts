/**
 * A vertebra's posterior arch in its local frame (u caudal along the body axis, v posterior from the body's back
 * wall, x lateral): pedicles, articular pillars with their facet joints, laminae, spinous and transverse processes,
 * thoracic rib heads, and what lies between them (ligamentum flavum, facet joint spaces, neural foramina).
 */
import { Canal } from './canal';
import { capsule2, clamp, ellipsoid, interval, roundBox3, roundIntersect, smin } from './sdf';
import { spinousSdf } from './spinous';
import type { Vertebra } from './vertebra';

export function archSdf(vt: Vertebra, u: number, v: number, x: number): number {
  const pe = vt.spec.pe;
  if (!pe) return Infinity;
  const b = vt.archBox;
  const far = Math.max(b.u0 - u, u - b.u1, b.v0 - v, v - b.v1, Math.abs(x) - b.x1);
  if (far > 0) return far;
  const s = vt.spec;
  const h2 = s.height / 2;
  const px = Math.abs(x);
  const C = pe.canalDepth;
  const Wc = pe.canalHalfWidth;
  let d = Infinity;
  // Pedicles: upper half of the body, from its posterior wall back to the pillar; oval in a
  // parasagittal cut (taller than deep), as they are.
  const pu = -h2 + 1.5 + pe.pedicleHeight / 2;
  const pv = 0.5 * (0.65 * C - 6);
  const pr = (0.65 * C + 6) / 2;
  const ped = (Math.hypot((u - pu) / (pe.pedicleHeight / 2), (v - pv) / pr) - 1) * Math.min(pe.pedicleHeight / 2, pr);
  // In an axial cut a pedicle is a rod (its sides rounded), converging a little forward onto
  // the body's posterolateral corner.
  const pxc = Wc - 0.3 + pe.pedicleWidth / 2 + 0.08 * (v - 0.3 * C);
  d = Math.min(d, roundIntersect(ped, Math.abs(px - pxc) - pe.pedicleWidth / 2, 0.45 * pe.pedicleWidth));
  // Articular pillar: the superior process rises from the pedicle in front of the joint, the
  // inferior process hangs behind it over the level below, the pars joins them. Rounded rods, cut
  // flat where they face each other across the facet joint (v ~ C), which runs a little obliquely.
  // Lumbar pillars are sheared in the axial plane so the joint runs from front-medial to
  // back-lateral, the superior process outside the inferior one, not a coronal box pair.
  const xr = interval(px, Wc + 0.5, Wc + pe.pillarWidth);
  const vs = v - shear(vt, px);
  const sap = Math.max(capsule2(u, vs, -h2 + 7, 0.55 * C, -h2 - vt.discAbove + 2.5, 0.78 * C, 4.4, 2.6), vs - facetV(vt, u, false) + 0.7);
  const iap = Math.max(capsule2(u, vs, h2 - 6, 1.3 * C, h2 + s.discBelow + 3.5, 1.22 * C, 4.2, 2.8), facetV(vt, u, true) - vs + 0.7);
  const pars = capsule2(u, v, -h2 + 7, 0.62 * C, h2 - 5, 1.32 * C, 4.3, 4.3);
  d = Math.min(d, roundIntersect(smin(smin(sap, pars, 2.5), iap, 2.5), xr, 2.5));
  // Lamina: a tilted plate closing the canal behind, shingled over the disc below; its ends are
  // rounded to the plate's half-thickness, so a paramedian cut shows an oblique oval.
  const uTop = -h2 + 4;
  // The laminae run back and in from the pillars along the canal's triangular back and meet in the
  // midline under the spinous process: with the pedicles, a ring around the canal in an axial cut.
  const vf = C * Canal.backShare(Math.min(px, Wc + 3) / Wc) - 0.8 + pe.laminaTilt * (u - uTop);
  const lam = roundBox3(interval(u, uTop, h2 + 0.45 * s.discBelow), interval(v, vf, vf + pe.laminaThickness), interval(px, -1, Wc + 3), 0.45 * pe.laminaThickness);
  d = Math.min(d, smin(lam, spinousSdf(pe, u, v, px), 3));
  if (pe.tpReach > 0) {
    // Transverse processes: slender (about 5 mm thick in an axial cut), tapering and angled a
    // little backwards from the pillar, not flat bars.
    const x0 = Wc + 3;
    const x1 = Wc + pe.pillarWidth + pe.tpReach;
    const f = clamp((px - x0) / (x1 - x0), 0, 1);
    const vc = 0.5 * (pe.tpV[0] + pe.tpV[1]) - 1.5 + 0.32 * (px - x0);
    const half = Math.min(2.8, 0.5 * (pe.tpV[1] - pe.tpV[0])) * (1 - 0.3 * f);
    const hu = 0.5 * pe.tpHeight * (1 - 0.35 * f);
    const uc = -h2 + 3 + 0.5 * pe.tpHeight;
    d = Math.min(d, roundBox3(Math.abs(u - uc) - hu, Math.abs(v - vc) - half, interval(px, x0, x1), Math.min(2.2, half)));
  }
  return d;
}

/**
 * Rib head at the costovertebral joint: at the posterolateral corner, straddling the disc above,
 * sitting in the demifacets of both bodies (the spine carves them, leaving a joint space).
 */
export function ribHeadSdf(vt: Vertebra, u: number, v: number, x: number): number {
  const pe = vt.spec.pe;
  if (!pe || !pe.rib) return Infinity;
  const s = vt.spec;
  return ellipsoid(u + s.height / 2 + vt.discAbove / 2, v + 2.5, Math.abs(x) - (s.halfWidth + 3), 5.5, 5, 7);
}

/** Ligamentum flavum: lines the back of the canal from mid-lamina to the next lamina. */
export function inFlavum(vt: Vertebra, u: number, v: number, x: number, canalBack: number): boolean {
  const pe = vt.spec.pe;
  if (!pe) return false;
  const h2 = vt.spec.height / 2;
  return Math.abs(x) < pe.canalHalfWidth + 1 && u > -h2 + 6 && u < h2 + vt.spec.discBelow + 6 && v >= canalBack - 0.5 && v < canalBack + 3.5;
}

/** Facet joint space and capsule: dark line between the articular processes. */
export function inFacetJoint(vt: Vertebra, u: number, v: number, x: number): boolean {
  const pe = vt.spec.pe;
  if (!pe) return false;
  const h2 = vt.spec.height / 2;
  const px = Math.abs(x);
  return px > pe.canalHalfWidth + 0.5 && px < pe.canalHalfWidth + pe.pillarWidth && u > h2 - 6 && u < h2 + vt.spec.discBelow + 4 && Math.abs(v - shear(vt, px) - facetV(vt, u, true)) < 1.6;
}

/** The facet joints' axial obliquity: zero at the pillar's middle, so a parasagittal cut there is unchanged. */
function shear(vt: Vertebra, px: number): number {
  const pe = vt.spec.pe!;
  return (pe.facetShear ?? 0) * (px - pe.canalHalfWidth - pe.pillarWidth / 2);
}

/**
 * Depth of a facet joint line (its lower end a little further back), measured from the disc it
 * sits beside: the one below (this level's inferior process) or above (its superior process), so
 * both partners of a joint agree on where it is.
 */
function facetV(vt: Vertebra, u: number, below: boolean): number {
  const h2 = vt.spec.height / 2;
  const uDisc = below ? h2 + vt.spec.discBelow / 2 : -h2 - vt.discAbove / 2;
  return vt.spec.pe!.canalDepth + 0.12 * (u - uDisc);
}

/**
 * Neural foramen (between this pedicle and the next), outside the canal: fat, with the exiting
 * root and its ganglion just under the pedicle. Returns 0 outside, 1 for fat, 2 for root.
 */
export function foramen(vt: Vertebra, u: number, v: number, x: number): 0 | 1 | 2 {
  const pe = vt.spec.pe;
  if (!pe) return 0;
  const h2 = vt.spec.height / 2;
  const px = Math.abs(x);
  if (px < pe.canalHalfWidth - 1 || px > pe.canalHalfWidth + pe.pillarWidth + 2) return 0;
  const C = pe.canalDepth;
  // An inverted teardrop (the "keyhole"): round under the pedicle, where the root and its ganglion
  // lie, narrowing down behind the disc.
  const uF = -h2 + 1.5 + pe.pedicleHeight + 3.5;
  if (capsule2(u, v, uF, 0.32 * C, h2 + 0.6 * vt.spec.discBelow, 0.18 * C, 0.3 * C + 2.8, 1.6) > 0) return 0;
  const inRoot = ((u - uF + 0.5) / 3.4) ** 2 + ((v - 0.36 * C) / 2.8) ** 2 + ((px - (pe.canalHalfWidth + 5)) / 6) ** 2 < 1;
  return inRoot ? 2 : 1;
}
