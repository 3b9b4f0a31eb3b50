/**
 * Signed distance helpers (mm; negative inside). Bones are unions of simple solids, and a signed
 * distance lets the renderer paint a cortical rim of a fixed thickness on any union without seams.
 */

export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

export function smoothstep(e0: number, e1: number, v: number): number {
  const t = clamp((v - e0) / (e1 - e0), 0, 1);
  return t * t * (3 - 2 * t);
}

export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

/** Smooth union (polynomial): solids blend over k mm where they meet, as bone does at a junction. */
export function smin(a: number, b: number, k: number): number {
  const h = k - Math.abs(a - b);
  if (h <= 0) return a < b ? a : b;
  return (a < b ? a : b) - (h * h) / (4 * k);
}

/**
 * 2D distance to a segment A-B whose radius tapers from ra (at A) to rb (at B): a rounded rod, the
 * shape of an articular process or a pars in a sagittal cut. Approximate where the taper is steep.
 */
export function capsule2(pu: number, pv: number, au: number, av: number, bu: number, bv: number, ra: number, rb: number): number {
  const eu = bu - au;
  const ev = bv - av;
  const t = clamp(((pu - au) * eu + (pv - av) * ev) / (eu * eu + ev * ev), 0, 1);
  return Math.hypot(pu - au - t * eu, pv - av - t * ev) - (ra + (rb - ra) * t);
}

/** Distance outside the interval [lo, hi] (negative inside). */
export function interval(v: number, lo: number, hi: number): number {
  return Math.max(lo - v, v - hi);
}

/**
 * Intersection of two solids with rounded edges of radius r (exact for boxes). Outside the
 * unrounded intersection only a positive lower bound is returned: callers only need the sign there,
 * and skipping the exact value is most of the renderer's speed.
 */
export function roundIntersect(a: number, b: number, r: number): number {
  const m = a > b ? a : b;
  if (m >= 0) return m;
  const qa = a + r;
  const qb = b + r;
  const oa = qa > 0 ? qa : 0;
  const ob = qb > 0 ? qb : 0;
  const outside = oa === 0 && ob === 0 ? 0 : Math.sqrt(oa * oa + ob * ob);
  const mq = qa > qb ? qa : qb;
  return outside + (mq < 0 ? mq : 0) - r;
}

/** Rounded intersection of three slabs (a box with rounded edges); same lower-bound rule outside. */
export function roundBox3(a: number, b: number, c: number, r: number): number {
  let m = a > b ? a : b;
  if (c > m) m = c;
  if (m >= 0) return m;
  const qa = a + r;
  const qb = b + r;
  const qc = c + r;
  const oa = qa > 0 ? qa : 0;
  const ob = qb > 0 ? qb : 0;
  const oc = qc > 0 ? qc : 0;
  const o2 = oa * oa + ob * ob + oc * oc;
  let mq = qa > qb ? qa : qb;
  if (qc > mq) mq = qc;
  return (o2 > 0 ? Math.sqrt(o2) : 0) + (mq < 0 ? mq : 0) - r;
}

/** Approximate ellipsoid distance (good near the surface, which is all the cortex needs). */
export function ellipsoid(px: number, py: number, pz: number, rx: number, ry: number, rz: number): number {
  const box = Math.max(Math.abs(px) - rx, Math.abs(py) - ry, Math.abs(pz) - rz);
  if (box > 6) return box; // well outside the bounding box: a lower bound is enough (shells < 6 mm stay exact)
  // (Math.hypot is slow in V8; plain square roots are exact enough here.)
  const ax = px / rx;
  const ay = py / ry;
  const az = pz / rz;
  const bx = ax / rx;
  const by = ay / ry;
  const bz = az / rz;
  const k0 = Math.sqrt(ax * ax + ay * ay + az * az);
  const k1 = Math.sqrt(bx * bx + by * by + bz * bz);
  if (k1 === 0) return -Math.min(rx, ry, rz);
  return (k0 * (k0 - 1)) / k1;
}

/** Approximate distance to a 2-D superellipse |a/ra|^3 + |b/rb|^3 = 1 (flatter sides than an ellipse). */
export function superellipse(a: number, b: number, ra: number, rb: number): number {
  const u = Math.abs(a / ra);
  const v = Math.abs(b / rb);
  const r = Math.cbrt(u * u * u + v * v * v);
  return (r - 1) * (ra < rb ? ra : rb);
}

/** Approximate distance to a 2-D superellipse |a/ra|^n + |b/rb|^n = 1 (n = 2 an ellipse, larger squarer). */
export function superellipseN(a: number, b: number, ra: number, rb: number, n: number): number {
  const u = Math.abs(a / ra);
  const v = Math.abs(b / rb);
  // n = 2 (an ellipse) is the common case: a square root is much cheaper than two powers.
  const r = n === 2 ? Math.sqrt(u * u + v * v) : (u ** n + v ** n) ** (1 / n);
  return (r - 1) * (ra < rb ? ra : rb);
}

/** Piecewise-linear lookup in a table of (key, value) pairs sorted by key; clamps at the ends. */
export function interp(keys: readonly number[], values: readonly number[], k: number): number {
  const n = keys.length;
  if (n === 0) return 0;
  if (k <= keys[0]!) return values[0]!;
  if (k >= keys[n - 1]!) return values[n - 1]!;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! <= k) lo = mid;
    else hi = mid;
  }
  const t = (k - keys[lo]!) / (keys[hi]! - keys[lo]!);
  return values[lo]! + (values[hi]! - values[lo]!) * t;
}

/**
 * A smooth 1-D profile f(s) tabulated at 0.25 mm: canal sizes, fat thickness and the like are read
 * millions of times, so they are sampled once instead of recomputed from their definitions.
 */
export class Profile {
  private readonly v: Float64Array;
  constructor(
    private readonly s0: number,
    s1: number,
    f: (s: number) => number,
    private readonly step = 0.25,
  ) {
    const n = Math.ceil((s1 - s0) / step) + 1;
    this.v = new Float64Array(n);
    for (let i = 0; i < n; i++) this.v[i] = f(s0 + i * step);
  }
  at(s: number): number {
    const n = this.v.length;
    let a = (s - this.s0) / this.step;
    if (a <= 0) return this.v[0]!;
    if (a >= n - 1) return this.v[n - 1]!;
    const i = Math.floor(a);
    a -= i;
    return this.v[i]! + (this.v[i + 1]! - this.v[i]!) * a;
  }
}
