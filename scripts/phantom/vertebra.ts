/**
 * One vertebra as a rigid solid placed on the spine curve: its body (with concave endplates, a waist
 * and an optional wedge) and its posterior arch (pedicles, articular pillars with facet joints,
 * laminae, spinous and transverse processes, thoracic rib heads). Rigid frames keep bodies
 * rectangular the way real ones are; the curve's bending then shows up in the discs, as in life.
 * Local frame: u runs caudally along the body axis from its centre, v posteriorly from the posterior
 * body wall, x is patient x (left positive).
 */
import type { BodyShape } from './body-shape';
import type { SpineCurve } from './curve';
import { basivertebral } from './marrow';
import { spinousSdf } from './spinous';
import { Canal } from './canal';
import { capsule2, clamp, ellipsoid, interval, roundBox3, roundIntersect, smin, smoothstep, superellipseN } from './sdf';

export type VertebraKind = 'T' | 'L' | 'S' | 'Co';

export interface PosteriorSpec {
  canalDepth: number; // C: canal AP at the midline (mm)
  canalHalfWidth: number; // Wc
  pedicleHeight: number;
  pedicleWidth: number;
  pillarWidth: number; // lateral reach of the articular pillar beyond the canal
  laminaThickness: number;
  laminaTilt: number; // dv/du: the lower edge of a lamina sits more posteriorly
  spAngleDeg: number; // spinous process axis below the horizontal
  spLength: number;
  spHeight: number;
  spHalfWidth: number;
  /** tip height over base height: < 1 tapers (thoracic), > 1 a club (lumbar) */
  spTip: number;
  spBaseU: number; // where the process leaves the arch (u)
  tpReach: number; // transverse process reach beyond the pillar (0 = none)
  tpHeight: number;
  tpV: readonly [number, number];
  rib: boolean;
  /**
   * dv/dx of the facet joints in an axial cut: 0 = coronal (thoracic); > 0 turns them towards the
   * sagittal plane, the lateral (superior process) side further back, as lumbar joints are.
   */
  facetShear?: number;
}

export interface VertebraSpec {
  name: string;
  kind: VertebraKind;
  height: number; // posterior body height
  discBelow: number; // posterior disc height below
  depth: number; // body AP depth
  halfWidth: number; // body transverse half-width
  shape: BodyShape; // endplates, waist, rims, wedge: this level's own (body-shape.ts)
  /** shell thickness (mm): the walls' cortex is thinner than the endplates' */
  shell: { wall: number; endplate: number };
  bvLevel: number; // basivertebral channel's offset from mid-height (mm)
  /** an incidental vertebral haemangioma: a sphere in the body's frame */
  haemangioma?: { u: number; v: number; x: number; r: number };
  pe: PosteriorSpec | null;
}

export class Vertebra {
  readonly spec: VertebraSpec;
  readonly sTop: number;
  readonly sCentre: number;
  readonly sBottom: number;
  readonly oy: number;
  readonly oz: number;
  readonly ty: number;
  readonly tz: number;
  readonly ny: number;
  readonly nz: number;
  discAbove = 0;
  private archBoxCache: { u0: number; u1: number; v0: number; v1: number; x1: number } | null = null;

  /** Conservative box around the whole arch (computed once discAbove is known). */
  private get archBox(): { u0: number; u1: number; v0: number; v1: number; x1: number } {
    if (this.archBoxCache) return this.archBoxCache;
    const s = this.spec;
    const pe = s.pe!;
    const a = (pe.spAngleDeg * Math.PI) / 180;
    const spU = pe.spBaseU + pe.spLength * Math.sin(a) + pe.spHeight;
    const spV = pe.canalDepth + 1 + pe.spLength * Math.cos(a) + pe.spHeight;
    this.archBoxCache = {
      u0: -s.height / 2 - this.discAbove - 12,
      u1: Math.max(s.height / 2 + s.discBelow + 10, spU + 4),
      v0: -14,
      v1: Math.max(2 * pe.canalDepth, spV) + 4,
      x1: Math.max(pe.canalHalfWidth + pe.pillarWidth + pe.tpReach, s.halfWidth + 14) + 4,
    };
    return this.archBoxCache;
  }

  constructor(spec: VertebraSpec, sTop: number, curve: SpineCurve) {
    this.spec = spec;
    this.sTop = sTop;
    this.sCentre = sTop + spec.height / 2;
    this.sBottom = sTop + spec.height;
    const p = curve.at(this.sCentre);
    this.oy = p.y;
    this.oz = p.z;
    this.ty = p.ty;
    this.tz = p.tz;
    this.ny = p.ny;
    this.nz = p.nz;
  }

  /** Patient (y, z) -> local (u, v). */
  u(y: number, z: number): number {
    return (y - this.oy) * this.ty + (z - this.oz) * this.tz;
  }
  v(y: number, z: number): number {
    return (y - this.oy) * this.ny + (z - this.oz) * this.nz;
  }

  /** Patient (y, z) of a local point, used for truth (body centres) and to place soft tissues. */
  toPatient(u: number, v: number): { y: number; z: number } {
    return { y: this.oy + u * this.ty + v * this.ny, z: this.oz + u * this.tz + v * this.nz };
  }

  /**
   * Cross-section of body/disc in the (v, x) plane: a bean, wider than deep, its front and sides one
   * rounded curve (an ellipse), its posterior wall flat with generously rounded posterolateral
   * corners where the pedicles leave it, not a box with rounded corners.
   */
  static crossSection(v: number, x: number, depth: number, halfWidth: number, bulge: number): number {
    const ext = 5; // the rounded shape overshoots the wall by this, then the wall cuts it flat
    const vc = -depth / 2 + ext / 2;
    const se = superellipseN(v - vc, x, depth / 2 + ext / 2 + bulge, halfWidth + bulge, 2);
    return roundIntersect(se, v - bulge, 4.5);
  }

  /** Half-height of the body at (v, x) towards one endplate (top: u < 0). */
  private halfAt(top: boolean, v: number, x: number): number {
    const s = this.spec;
    const b = s.shape;
    const tv = clamp(-v / s.depth, 0, 1); // 0 at the posterior wall, 1 at the anterior
    // The concavity is a shallow bowl, deepest a little behind the centre of the endplate, inside a
    // flat peripheral ring (the ring apophysis).
    const rv = (v + b.cavityAt * s.depth) / (s.depth / 2);
    const rx = x / s.halfWidth;
    const cav = (top ? b.cavityTop : b.cavityBottom) * (1 - smoothstep(0.2, 0.75, Math.sqrt(rv * rv + rx * rx)));
    const tilt = (top ? b.tiltTop : b.tiltBottom) * tv;
    return s.height / 2 + (b.wedge / 2) * tv + tilt - cav;
  }

  private wallAt(u: number, v: number, x: number): number {
    const s = this.spec;
    const b = s.shape;
    // Waisted: the anterior and lateral walls are concave between the endplate rims (the posterior
    // wall stays flat), by ~2-3 mm in a lumbar body.
    const m = 1 - clamp((2 * u) / s.height, -1, 1) ** 2;
    return Vertebra.crossSection(v, x, s.depth * (1 - b.waist * m), s.halfWidth * (1 - b.waistLat * m), 0);
  }

  bodySdf(u: number, v: number, x: number): number {
    const s = this.spec;
    // Far outside the body only the sign matters: a cheap positive bound.
    const far = Math.max(Math.abs(u) - s.height / 2 - Math.abs(s.shape.wedge) - 1, v - 1, -v - s.depth - 1, Math.abs(x) - s.halfWidth - 1);
    if (far > 0) return far;
    // Rounded rims where the endplates meet the walls (ring apophyses), not a box's corners.
    return roundIntersect(this.wallAt(u, v, x), Math.abs(u) - this.halfAt(u < 0, v, x), s.shape.rim);
  }

  /** Cortical shell thickness at a point just inside the body: endplates a little thicker than walls. */
  shellAt(u: number, v: number, x: number): number {
    const e = Math.abs(u) - this.halfAt(u < 0, v, x);
    const sh = this.spec.shell;
    return e > this.wallAt(u, v, x) - 0.4 ? sh.endplate : sh.wall;
  }

  /** Distance below the nearer endplate (mm), for the subchondral bone and the fatty marrow. */
  toEndplate(u: number, v: number, x: number): number {
    return this.halfAt(u < 0, v, x) - Math.abs(u);
  }

  /** The basivertebral vein (1) and its sclerotic rim (2), or 0; none in the sacrum and coccyx. */
  basivertebral(u: number, v: number, x: number): 0 | 1 | 2 {
    const k = this.spec.kind;
    if (k === 'S' || k === 'Co') return 0;
    return basivertebral(u, v, x, this.spec.bvLevel, Math.min(8, 0.27 * this.spec.depth));
  }

  /** Posterior arch, before the canal is carved out of it. */
  archSdf(u: number, v: number, x: number): number {
    const pe = this.spec.pe;
    if (!pe) return Infinity;
    const b = this.archBox;
    const far = Math.max(b.u0 - u, u - b.u1, b.v0 - v, v - b.v1, Math.abs(x) - b.x1);
    if (far > 0) return far;
    const s = this.spec;
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
    const vs = v - this.shear(px);
    const sap = Math.max(capsule2(u, vs, -h2 + 7, 0.55 * C, -h2 - this.discAbove + 2.5, 0.78 * C, 4.4, 2.6), vs - this.facetV(u, false) + 0.7);
    const iap = Math.max(capsule2(u, vs, h2 - 6, 1.3 * C, h2 + s.discBelow + 3.5, 1.22 * C, 4.2, 2.8), this.facetV(u, true) - vs + 0.7);
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
  ribHeadSdf(u: number, v: number, x: number): number {
    const pe = this.spec.pe;
    if (!pe || !pe.rib) return Infinity;
    const s = this.spec;
    return ellipsoid(u + s.height / 2 + this.discAbove / 2, v + 2.5, Math.abs(x) - (s.halfWidth + 3), 5.5, 5, 7);
  }

  /** Ligamentum flavum: lines the back of the canal from mid-lamina to the next lamina. */
  inFlavum(u: number, v: number, x: number, canalBack: number): boolean {
    const pe = this.spec.pe;
    if (!pe) return false;
    const h2 = this.spec.height / 2;
    return Math.abs(x) < pe.canalHalfWidth + 1 && u > -h2 + 6 && u < h2 + this.spec.discBelow + 6 && v >= canalBack - 0.5 && v < canalBack + 3.5;
  }

  /** Facet joint space and capsule: dark line between the articular processes. */
  inFacetJoint(u: number, v: number, x: number): boolean {
    const pe = this.spec.pe;
    if (!pe) return false;
    const h2 = this.spec.height / 2;
    const px = Math.abs(x);
    return px > pe.canalHalfWidth + 0.5 && px < pe.canalHalfWidth + pe.pillarWidth && u > h2 - 6 && u < h2 + this.spec.discBelow + 4 && Math.abs(v - this.shear(px) - this.facetV(u, true)) < 1.6;
  }

  /**
   * Depth of a facet joint line (its lower end a little further back), measured from the disc it
   * sits beside: the one below (this level's inferior process) or above (its superior process), so
   * both partners of a joint agree on where it is.
   */
  /** The facet joints' axial obliquity: zero at the pillar's middle, so a parasagittal cut there is unchanged. */
  private shear(px: number): number {
    const pe = this.spec.pe!;
    return (pe.facetShear ?? 0) * (px - pe.canalHalfWidth - pe.pillarWidth / 2);
  }

  private facetV(u: number, below: boolean): number {
    const h2 = this.spec.height / 2;
    const uDisc = below ? h2 + this.spec.discBelow / 2 : -h2 - this.discAbove / 2;
    return this.spec.pe!.canalDepth + 0.12 * (u - uDisc);
  }

  /**
   * Neural foramen (between this pedicle and the next), outside the canal: fat, with the exiting
   * root and its ganglion just under the pedicle. Returns 0 outside, 1 for fat, 2 for root.
   */
  foramen(u: number, v: number, x: number): 0 | 1 | 2 {
    const pe = this.spec.pe;
    if (!pe) return 0;
    const h2 = this.spec.height / 2;
    const px = Math.abs(x);
    if (px < pe.canalHalfWidth - 1 || px > pe.canalHalfWidth + pe.pillarWidth + 2) return 0;
    const C = pe.canalDepth;
    // An inverted teardrop (the "keyhole"): round under the pedicle, where the root and its ganglion
    // lie, narrowing down behind the disc.
    const uF = -h2 + 1.5 + pe.pedicleHeight + 3.5;
    if (capsule2(u, v, uF, 0.32 * C, h2 + 0.6 * this.spec.discBelow, 0.18 * C, 0.3 * C + 2.8, 1.6) > 0) return 0;
    const inRoot = ((u - uF + 0.5) / 3.4) ** 2 + ((v - 0.36 * C) / 2.8) ** 2 + ((px - (pe.canalHalfWidth + 5)) / 6) ** 2 < 1;
    return inRoot ? 2 : 1;
  }

}
