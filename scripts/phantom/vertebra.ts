/**
 * One vertebra as a rigid solid placed on the spine curve: its body (with concave endplates, a waist
 * and an optional wedge) and its posterior arch (pedicles, articular pillars with facet joints,
 * laminae, spinous and transverse processes, thoracic rib heads). Rigid frames keep bodies
 * rectangular the way real ones are; the curve's bending then shows up in the discs, as in life.
 * Local frame: u runs caudally along the body axis from its centre, v posteriorly from the posterior
 * body wall, x is patient x (left positive).
 */
import type { SpineCurve } from './curve';
import { clamp, ellipsoid, interval, roundBox3, roundIntersect, smoothstep, superellipse } from './sdf';

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
}

export interface VertebraSpec {
  name: string;
  kind: VertebraKind;
  height: number; // posterior body height
  discBelow: number; // posterior disc height below
  depth: number; // body AP depth
  halfWidth: number; // body transverse half-width
  wedge: number; // extra anterior height (L5)
  cavity: number; // endplate concavity depth
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

  /** Cross-section of body/disc in the (v, x) plane: flat posterior wall, rounded elsewhere. */
  static crossSection(v: number, x: number, depth: number, halfWidth: number, bulge: number): number {
    const ext = 6; // the rounded shape overshoots the wall by this, then the wall cuts it flat
    const vc = -depth / 2 + ext / 2;
    const se = superellipse(v - vc, x, depth / 2 + ext / 2 + bulge, halfWidth + bulge);
    return roundIntersect(se, v - bulge, 2.5);
  }

  bodySdf(u: number, v: number, x: number): number {
    const s = this.spec;
    // Far outside the body only the sign matters: a cheap positive bound.
    const far = Math.max(Math.abs(u) - s.height / 2 - s.wedge - 1, v - 1, -v - s.depth - 1, Math.abs(x) - s.halfWidth - 1);
    if (far > 0) return far;
    // Waisted: the anterior and lateral walls are concave between the endplate rims (the posterior
    // wall stays flat), by ~2-3 mm in a lumbar body.
    const m = 1 - clamp((2 * u) / s.height, -1, 1) ** 2;
    const cs = Vertebra.crossSection(v, x, s.depth * (1 - 0.085 * m), s.halfWidth * (1 - 0.06 * m), 0);
    const rv = (v + s.depth / 2) / (s.depth / 2);
    const rx = x / s.halfWidth;
    const r2 = Math.min(1, rv * rv + rx * rx);
    const half = s.height / 2 + (s.wedge / 2) * clamp(-v / s.depth, 0, 1) - s.cavity * (1 - r2);
    // Rounded rims where the endplates meet the walls (ring apophyses), not a box's corners.
    return roundIntersect(cs, Math.abs(u) - half, 3.2);
  }

  /**
   * True inside the basivertebral venous channel: it leaves the posterior wall at mid-height through a
   * notch a few millimetres tall and runs forward into the body, narrowing (a horizontal "Y" on
   * sagittal images).
   */
  inBasivertebral(u: number, v: number, x: number): boolean {
    if (v > 0.5 || v < -11 || Math.abs(x) > 2.5) return false;
    const half = 0.9 + 1.4 * Math.max(0, (v + 11) / 11.5) ** 2; // widest at the posterior wall
    return Math.abs(u) < half;
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
    // Pedicles: upper half of the body, from its posterior wall back to the pillar.
    d = Math.min(
      d,
      roundBox3(
        interval(u, -h2 + 1.5, -h2 + 1.5 + pe.pedicleHeight),
        interval(v, -6, 0.65 * C),
        interval(px, Wc - 0.3, Wc + pe.pedicleWidth),
        2.5,
      ),
    );
    // Articular pillar: superior process (anterior, reaching up), pars, inferior process (posterior,
    // reaching down). The gap at v ~ C between one level's inferior and the next one's superior
    // process is the facet joint.
    const xr = interval(px, Wc + 0.5, Wc + pe.pillarWidth);
    d = Math.min(d, roundBox3(interval(u, -h2 - this.discAbove + 1.5, -h2 + 9), interval(v, 0.5 * C, C - 0.7), xr, 2));
    d = Math.min(d, roundBox3(interval(u, -h2 + 8, h2 - 3), interval(v, 0.5 * C, 1.7 * C), xr, 2.5));
    d = Math.min(d, roundBox3(interval(u, h2 - 5, h2 + s.discBelow + 4), interval(v, C + 0.7, 1.7 * C), xr, 2));
    // Lamina: a tilted plate closing the canal behind, shingled over the disc below.
    const uTop = -h2 + 4;
    const vf = C - 0.8 + pe.laminaTilt * (u - uTop);
    d = Math.min(
      d,
      roundBox3(
        interval(u, uTop, h2 + 0.45 * s.discBelow),
        interval(v, vf, vf + pe.laminaThickness),
        interval(px, -1, Wc + 2.5),
        2,
      ),
    );
    // Spinous process: a box along an axis tilted caudally by spAngle.
    const a = (pe.spAngleDeg * Math.PI) / 180;
    const du = Math.sin(a);
    const dv = Math.cos(a);
    const u0 = pe.spBaseU;
    const v0 = C + 1;
    const along = (u - u0) * du + (v - v0) * dv;
    const perp = -(u - u0) * dv + (v - v0) * du;
    // Thoracic processes taper to a point; lumbar ones are slim at the neck and end in a club.
    const t = clamp(along / pe.spLength, 0, 1);
    const prof = pe.spTip < 1 ? 1 - (1 - pe.spTip) * t : 0.8 + (pe.spTip - 0.8) * smoothstep(0.45, 1, t);
    const taper = 1 - 0.15 * t;
    d = Math.min(
      d,
      roundBox3(interval(along, 0, pe.spLength), Math.abs(perp) - (pe.spHeight / 2) * prof, px - pe.spHalfWidth * taper, 2.5),
    );
    if (pe.tpReach > 0) {
      d = Math.min(
        d,
        roundBox3(
          interval(u, -h2 + 3, -h2 + 3 + pe.tpHeight),
          interval(v, pe.tpV[0], pe.tpV[1]),
          interval(px, Wc + 3, Wc + pe.pillarWidth + pe.tpReach),
          2.5,
        ),
      );
    }
    if (pe.rib) {
      // Rib head at the costovertebral joint, straddling the disc above.
      d = Math.min(d, ellipsoid(u + h2 + this.discAbove / 2 - 1, v + 5, px - (s.halfWidth + 4), 6.5, 6.5, 8));
    }
    return d;
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
    return px > pe.canalHalfWidth + 0.5 && px < pe.canalHalfWidth + pe.pillarWidth && u > h2 - 6 && u < h2 + this.spec.discBelow + 4 && Math.abs(v - pe.canalDepth) < 2;
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
    if (v < -2 || v > 0.62 * pe.canalDepth) return 0;
    if (u < -h2 + 1.5 + pe.pedicleHeight - 2 || u > h2 + this.spec.discBelow + 4) return 0;
    const rootU = -h2 + pe.pedicleHeight + 5.5;
    const inRoot = ((u - rootU) / 4) ** 2 + ((v - 0.32 * pe.canalDepth) / 3.2) ** 2 + ((px - (pe.canalHalfWidth + 5)) / 6) ** 2 < 1;
    return inRoot ? 2 : 1;
  }
}
