/**
 * One vertebra as a rigid solid placed on the spine curve: its frame, its body (with concave endplates,
 * a waist and an optional wedge) and the box its posterior arch lives in (the arch itself: arch.ts).
 * Rigid frames keep bodies
 * rectangular the way real ones are; the curve's bending then shows up in the discs, as in life.
 * Local frame: u runs caudally along the body axis from its centre, v posteriorly from the posterior
 * body wall, x is patient x (left positive).
 */
import type { BodyShape } from './body-shape';
import type { SpineCurve } from './curve';
import { basivertebral } from './marrow';
import { clamp, roundIntersect, smoothstep, superellipseN } from './sdf';

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

  /** Conservative box around the whole arch (computed once discAbove is known): `arch.ts` skips points outside. */
  get archBox(): { u0: number; u1: number; v0: number; v1: number; x1: number } {
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
}
