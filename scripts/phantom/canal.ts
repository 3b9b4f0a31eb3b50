/**
 * The sagittal plane's per-pixel facts (position along the spine's curve, depth, side) and the spinal canal's
 * cross-section along it: what the spine model and the body envelopes share.
 */
import { interp, Profile } from './sdf';

/** Per-pixel facts of the sagittal plane, computed once and shared by all slices. */
export interface PlanePoint {
  y: number;
  z: number;
  s: number; // arc length of the nearest curve point
  d: number; // signed distance from the curve, posterior positive
  k: number; // index of the vertebra nearest in s
  back: number; // depth inside the back skin (mm), negative outside
  front: number; // depth inside the anterior skin (CT), or unused
  aux: number; // envelope-specific (distance to the rectum axis on MR)
  aux2: number; // envelope-specific (arc length along the rectum axis on MR)
  wx: number; // envelope-specific: domain warp of the bowel pattern on MR (x offset, warped y, z)
  wy: number;
  wz: number;
  uv: Float64Array; // (u, v) of this point in the frames of vertebrae k-1, k, k+1 ...
  uo: number; // ... at uv[uo .. uo + 5] (pixels share large buffers: fewer allocations)
}

export interface CanalTable {
  s: readonly number[];
  depth: readonly number[];
  halfWidth: readonly number[];
}

export class Canal {
  private readonly depthP: Profile;
  private readonly widthP: Profile;
  constructor(t: CanalTable) {
    const s0 = t.s[0]! - 80;
    const s1 = t.s[t.s.length - 1]! + 80;
    this.depthP = new Profile(s0, s1, (q) => interp(t.s, t.depth, q));
    this.widthP = new Profile(s0, s1, (q) => interp(t.s, t.halfWidth, q));
  }
  depth(s: number): number {
    return this.depthP.at(s);
  }
  halfWidth(s: number): number {
    return this.widthP.at(s);
  }
  /**
   * Posterior wall: shallower laterally (lateral recesses), the canal narrows away from the midline
   * towards a posterior apex where the laminae meet, so an axial cut shows a rounded triangle.
   */
  back(s: number, x: number): number {
    return this.depthP.at(s) * Canal.backShare(x / this.widthP.at(s));
  }
  /** The share of the midline depth left at r = x / half-width (equal to the old parabola near r = 0.4). */
  static backShare(r: number): number {
    const a = Math.abs(r);
    return 1 - 0.12 * a - 0.22 * a * a;
  }
  sdf(s: number, d: number, x: number): number {
    const c = this.depthP.at(s);
    if (c < 0.5) return Infinity;
    const w = this.widthP.at(s);
    return Math.max(-d, d - c * Canal.backShare(x / w), Math.abs(x) - w);
  }
}
