/**
 * The spine's centreline in the mid-sagittal plane: the posterior body line (front wall of the
 * canal), as a curve parameterised by arc length s (mm, increasing caudally). Lordosis, kyphosis and
 * the sacral tilt are all one function theta(s): the angle of the caudal tangent from straight down,
 * positive when it heads posteriorly. Canal and sacrum are modelled in (s, d) coordinates around it:
 * d is the signed distance along the normal, positive posteriorly.
 */
import { interp } from './sdf';

export interface CurveKnot {
  s: number;
  deg: number;
}

export interface CurvePoint {
  y: number;
  z: number;
  /** caudal tangent (y, z) */
  ty: number;
  tz: number;
  /** posterior normal (y, z) */
  ny: number;
  nz: number;
}

export interface CurveCoords {
  s: number;
  d: number;
}

export class SpineCurve {
  readonly step = 0.5;
  readonly sStart: number;
  readonly sEnd: number;
  private readonly ys: Float64Array;
  private readonly zs: Float64Array;
  private readonly th: Float64Array;
  private readonly n: number;

  constructor(opts: {
    knots: readonly CurveKnot[];
    sStart: number;
    sEnd: number;
    smoothMm: number;
    /** the curve is translated so that point s lies at (y, z) */
    anchor: { s: number; y: number; z: number };
  }) {
    this.sStart = opts.sStart;
    this.sEnd = opts.sEnd;
    const n = Math.round((opts.sEnd - opts.sStart) / this.step) + 1;
    this.n = n;
    const ks = opts.knots.map((k) => k.s);
    const kv = opts.knots.map((k) => (k.deg * Math.PI) / 180);
    const raw = new Float64Array(n);
    for (let i = 0; i < n; i++) raw[i] = interp(ks, kv, opts.sStart + i * this.step);
    // Gaussian smoothing spreads each bend over the disc instead of a kink.
    const th = new Float64Array(n);
    const sig = opts.smoothMm / this.step;
    const half = Math.ceil(3 * sig);
    for (let i = 0; i < n; i++) {
      let acc = 0;
      let wsum = 0;
      for (let k = -half; k <= half; k++) {
        const j = Math.min(n - 1, Math.max(0, i + k));
        const w = Math.exp((-0.5 * k * k) / (sig * sig));
        acc += w * raw[j]!;
        wsum += w;
      }
      th[i] = acc / wsum;
    }
    const ys = new Float64Array(n);
    const zs = new Float64Array(n);
    for (let i = 1; i < n; i++) {
      const a = 0.5 * (th[i - 1]! + th[i]!); // midpoint rule keeps the integration second order
      ys[i] = ys[i - 1]! + this.step * Math.sin(a);
      zs[i] = zs[i - 1]! - this.step * Math.cos(a);
    }
    const ai = (opts.anchor.s - opts.sStart) / this.step;
    const i0 = Math.floor(ai);
    const f = ai - i0;
    const ay = ys[i0]! + (ys[i0 + 1]! - ys[i0]!) * f;
    const az = zs[i0]! + (zs[i0 + 1]! - zs[i0]!) * f;
    for (let i = 0; i < n; i++) {
      ys[i] = ys[i]! + opts.anchor.y - ay;
      zs[i] = zs[i]! + opts.anchor.z - az;
    }
    this.ys = ys;
    this.zs = zs;
    this.th = th;
  }

  /** Point and frame at arc length s (clamped to the sampled range). */
  at(s: number): CurvePoint {
    const a = Math.min(this.n - 1.000001, Math.max(0, (s - this.sStart) / this.step));
    const i = Math.floor(a);
    const f = a - i;
    const y = this.ys[i]! + (this.ys[i + 1]! - this.ys[i]!) * f;
    const z = this.zs[i]! + (this.zs[i + 1]! - this.zs[i]!) * f;
    const t = this.th[i]! + (this.th[i + 1]! - this.th[i]!) * f;
    const over = s - this.sEnd;
    const under = this.sStart - s;
    const ty = Math.sin(t);
    const tz = -Math.cos(t);
    // Beyond the ends the curve continues straight, so positions stay continuous.
    const ext = over > 0 ? over : under > 0 ? -under : 0;
    return { y: y + ty * ext, z: z + tz * ext, ty, tz, ny: -tz, nz: ty };
  }

  thetaAt(s: number): number {
    const a = Math.min(this.n - 1.000001, Math.max(0, (s - this.sStart) / this.step));
    const i = Math.floor(a);
    return this.th[i]! + (this.th[i + 1]! - this.th[i]!) * (a - i);
  }

  /**
   * Nearest point on the curve: coarse scan then local refinement. Only meaningful within a few
   * centimetres of the spine (where the curve cannot fold); callers never rely on it farther out.
   */
  nearest(y: number, z: number): CurveCoords {
    const ys = this.ys;
    const zs = this.zs;
    const coarse = 12;
    let best = 0;
    let bestD = Infinity;
    for (let i = 0; i < this.n; i += coarse) {
      const dy = y - ys[i]!;
      const dz = z - zs[i]!;
      const dd = dy * dy + dz * dz;
      if (dd < bestD) {
        bestD = dd;
        best = i;
      }
    }
    const lo = Math.max(0, best - coarse);
    const hi = Math.min(this.n - 1, best + coarse);
    for (let i = lo; i <= hi; i++) {
      const dy = y - ys[i]!;
      const dz = z - zs[i]!;
      const dd = dy * dy + dz * dz;
      if (dd < bestD) {
        bestD = dd;
        best = i;
      }
    }
    const t = this.th[best]!;
    const dy = y - ys[best]!;
    const dz = z - zs[best]!;
    const along = dy * Math.sin(t) - dz * Math.cos(t);
    const across = dy * Math.cos(t) + dz * Math.sin(t);
    return { s: this.sStart + best * this.step + along, d: across };
  }
}
