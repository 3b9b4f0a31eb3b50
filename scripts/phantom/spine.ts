/**
 * The spine as one classifier: rigid vertebrae (bodies, arches) and discs, plus the canal and its
 * contents (epidural fat and veins, thecal sac with CSF, cord, nerve roots, lesions) modelled along
 * the curve. Region-specific bone (the sacrum) plugs in through SpineExtra. Returns -1 where the
 * point is not part of the spine, so the body envelope decides.
 */
import { archSdf, foramen, inFacetJoint, inFlavum, ribHeadSdf } from './arch';
import type { SpineCurve } from './curve';
import type { EpiduralLesion } from './lesions';
import { archBone, bodyBone, type MarrowSeeds } from './marrow';
import { hashString } from './rng';
import { interp, Profile } from './sdf';
import { Tissue } from './tissues';
import { Vertebra } from './vertebra';
import type { Canal, PlanePoint } from './canal';

export interface RootPath {
  s: readonly number[];
  d: readonly number[];
  x: readonly number[];
  r: number;
}

export interface ContentsSpec {
  anteriorGap: (s: number) => number; // anterior epidural space (veins, a little fat)
  posteriorFat: (s: number) => number; // dorsal epidural fat at the midline
  sacInset: number; // sac half-width = canal half-width - inset
  sacEnd: number; // caudal end of the thecal sac (s)
  sacTaper: number;
  cordTip: number; // conus tip (s)
  cordRadius: number; // AP radius; transverse is 1.25x
  cordTaper: number;
  cordShift: (s: number) => number; // anterior displacement by a dorsal mass
  roots: readonly RootPath[];
}

export interface SpineExtra {
  /** Additional bone (sacral lateral masses, dorsal plate), already carved. */
  boneSdf(p: PlanePoint, x: number): number;
  /** Soft tissue inside that bone's envelope (foramina), or -1. */
  soft(p: PlanePoint, x: number): number;
}

export class SpineModel {
  readonly curve: SpineCurve;
  readonly vertebrae: readonly Vertebra[];
  readonly canal: Canal;
  readonly contents: ContentsSpec;
  readonly lesions: readonly EpiduralLesion[];
  readonly extra: SpineExtra | null;
  readonly cortex: number; // shell of the bodies (and sacrum): thin, about 1 mm
  readonly archCortex: number; // shell of the posterior elements: thicker
  private readonly marrowSeeds: MarrowSeeds;
  private readonly sLo: number;
  private readonly sHi: number;
  private readonly roots: { s0: number; s1: number; d: Profile; x: Profile; r2: number }[];

  constructor(o: {
    curve: SpineCurve;
    vertebrae: readonly Vertebra[];
    canal: Canal;
    contents: ContentsSpec;
    lesions: readonly EpiduralLesion[];
    extra: SpineExtra | null;
    cortex: number;
    archCortex: number;
    seed: number;
  }) {
    this.curve = o.curve;
    this.vertebrae = o.vertebrae;
    this.canal = o.canal;
    this.contents = o.contents;
    this.lesions = o.lesions;
    this.extra = o.extra;
    this.cortex = o.cortex;
    this.archCortex = o.archCortex;
    this.marrowSeeds = { grain: hashString(`${o.seed}/marrow/grain`), fat: hashString(`${o.seed}/marrow/fat`), mask: hashString(`${o.seed}/marrow/mask`) };
    const first = o.vertebrae[0]!;
    const last = o.vertebrae[o.vertebrae.length - 1]!;
    this.sLo = first.sTop - 40;
    this.sHi = last.sBottom + 40;
    this.roots = o.contents.roots.map((r) => {
      const s0 = r.s[0]!;
      const s1 = r.s[r.s.length - 1]!;
      return { s0, s1, d: new Profile(s0, s1, (q) => interp(r.s, r.d, q)), x: new Profile(s0, s1, (q) => interp(r.s, r.x, q)), r2: r.r * r.r };
    });
  }

  /** Index of the vertebra whose level (body plus half of each neighbouring disc) contains s. */
  levelIndex(s: number): number {
    const vs = this.vertebrae;
    for (let i = 0; i < vs.length; i++) {
      if (s < vs[i]!.sBottom + vs[i]!.spec.discBelow / 2) return i;
    }
    return vs.length - 1;
  }

  private pool = new Float64Array(0);
  private poolUsed = 0;

  /** Fills the x-independent spine fields (s, d, k, uv) of a plane point in place and returns it. */
  fillPlane(p: PlanePoint): PlanePoint {
    const c = this.curve.nearest(p.y, p.z);
    const k = this.levelIndex(c.s);
    if (this.poolUsed + 6 > this.pool.length) {
      this.pool = new Float64Array(6 * 8192);
      this.poolUsed = 0;
    }
    const uv = this.pool;
    const uo = this.poolUsed;
    this.poolUsed += 6;
    for (let j = 0; j < 3; j++) {
      const vt = this.vertebrae[k - 1 + j];
      uv[uo + 2 * j] = vt ? vt.u(p.y, p.z) : 1e9;
      uv[uo + 2 * j + 1] = vt ? vt.v(p.y, p.z) : 1e9;
    }
    p.s = c.s;
    p.d = c.d;
    p.k = k;
    p.uv = uv;
    p.uo = uo;
    return p;
  }

  classify(x: number, p: PlanePoint): number {
    if (p.d < -48 || p.d > 85 || p.s < this.sLo || p.s > this.sHi) return -1;
    const vs = this.vertebrae;
    const uv = p.uv;
    const base = p.uo - 2 * (p.k - 1); // uv[base + 2 * j] is u in the frame of vertebra j
    const lo = Math.max(0, p.k - 1);
    const hi = Math.min(vs.length - 1, p.k + 1);
    const canalSdf = this.canal.sdf(p.s, p.d, x);
    let bone = Infinity;
    let arch = false; // whether the deepest solid here is an arch (posterior elements)
    let body = -1; // index of the vertebra whose body it is
    let archOf = -1; // ... or whose arch
    // Rib heads first: the bodies' demifacets are carved around them, leaving a joint space.
    let head = Infinity;
    let headOf = -1;
    for (let j = lo; j <= hi; j++) {
      const h = ribHeadSdf(vs[j]!, uv[base + 2 * j]!, uv[base + 2 * j + 1]!, x);
      if (h < head) {
        head = h;
        headOf = j;
      }
    }
    for (let j = lo; j <= hi; j++) {
      const vt = vs[j]!;
      const o = base + 2 * j;
      const u = uv[o]!;
      const v = uv[o + 1]!;
      if (Math.abs(u) > 80) continue;
      let b = vt.bodySdf(u, v, x);
      if (head < 0.7) b = Math.max(b, 0.7 - head);
      if (b < bone) {
        bone = b;
        arch = false;
        body = j;
      }
      const a = Math.max(archSdf(vt, u, v, x), -canalSdf);
      if (a < bone) {
        bone = a;
        arch = true;
        body = -1;
        archOf = j;
      }
    }
    if (head < bone) {
      bone = head;
      arch = true;
      body = -1;
      archOf = headOf;
    }
    if (this.extra && bone >= 0) {
      const e = this.extra.boneSdf(p, x);
      if (e < bone) {
        bone = e;
        body = -1;
        arch = false;
      }
    }
    if (bone < 0) {
      if (body < 0) {
        if (!arch) return bone > -this.cortex ? Tissue.CORTEX : Tissue.MARROW;
        const o = base + 2 * archOf;
        return archBone(this.marrowSeeds, uv[o]!, uv[o + 1]!, x, archOf, bone, this.archCortex);
      }
      return bodyBone(vs[body]!, this.marrowSeeds, uv[base + 2 * body]!, uv[base + 2 * body + 1]!, x, bone, body);
    }
    // Discs fill the space between two neighbouring bodies, bulging a little beyond them.
    for (let j = lo; j < hi; j++) {
      const oa = base + 2 * j;
      const ua = uv[oa]!;
      const ub = uv[oa + 2]!;
      if (ua > 0 && ub < 0) {
        const a = vs[j]!.spec;
        const b = vs[j + 1]!.spec;
        const v = 0.5 * (uv[oa + 1]! + uv[oa + 3]!);
        const D = 0.5 * (a.depth + b.depth);
        const W = 0.5 * (a.halfWidth + b.halfWidth);
        if (Vertebra.crossSection(v, x, D, W, 0.8) < 0) {
          // Nucleus: the gel core, slightly posterior, away from both endplates; the rest is annulus.
          const below = ua - a.height / 2;
          const above = -ub - b.height / 2;
          const f = below / Math.max(0.1, below + above);
          if (a.kind !== 'S' && f > 0.2 && f < 0.8 && Vertebra.crossSection(v + 0.12 * D, x, 0.55 * D, 0.6 * W, 0) < 0) return Tissue.NUCLEUS;
          return Tissue.DISC;
        }
      }
    }
    // Anterior longitudinal ligament: a thin band down the front of the bodies and discs, bridging
    // the bodies' waists (fat and veins lie in the gap), dark on every sequence.
    if (p.d < -3) {
      for (let j = lo; j <= hi; j++) {
        const sp = vs[j]!.spec;
        if (sp.kind === 'Co') continue;
        const o = base + 2 * j;
        const u = uv[o]!;
        const v = uv[o + 1]!;
        if (u < -sp.height / 2 - vs[j]!.discAbove / 2 || u > sp.height / 2 + sp.discBelow / 2) continue;
        if (v > -0.45 * sp.depth || Math.abs(x) > 0.55 * sp.halfWidth) continue;
        const cs = Vertebra.crossSection(v, x, sp.depth, sp.halfWidth, 0);
        if (cs >= 0.9 && cs < 2) return Tissue.LIGAMENT;
      }
    }
    if (canalSdf < 0) return this.canalContents(p.s, p.d, x);
    if (this.extra) {
      const t = this.extra.soft(p, x);
      if (t >= 0) return t;
    }
    if (p.d < -2) return -1; // arch soft tissues are all behind the canal front
    const back = this.canal.back(p.s, x);
    for (let j = lo; j <= hi; j++) {
      const vt = vs[j]!;
      if (!vt.spec.pe) continue;
      const o = base + 2 * j;
      const u = uv[o]!;
      const v = uv[o + 1]!;
      if (inFacetJoint(vt, u, v, x)) return Tissue.LIGAMENT;
      if (inFlavum(vt, u, v, x, back)) return Tissue.LIGAMENT;
      const f = foramen(vt, u, v, x);
      if (f === 2) return Tissue.ROOT;
      if (f === 1) return Tissue.EPIDURAL_FAT;
    }
    return -1;
  }

  /** Inside the bony canal: lesions first (they displace everything), then veins, sac, fat. */
  canalContents(s: number, d: number, x: number): number {
    // Posterior longitudinal ligament: a thin dark band on the back of the bodies and discs, in the
    // midline (it fans out only at the discs); epidural disease lies behind it.
    if (d < 0.9 && Math.abs(x) < 5) return Tissue.LIGAMENT;
    for (const l of this.lesions) {
      if (l.contains(s, d, x)) return l.tissue;
    }
    const c = this.contents;
    // A lesion displaces the sac: its front (or back) moves to just beyond the lesion's free surface.
    let ag = c.anteriorGap(s);
    let pushBack = 0;
    for (const l of this.lesions) {
      const pu = l.push(s);
      if (pu.depth <= 0) continue;
      if (pu.side === 'anterior') ag = Math.max(ag, pu.depth + 0.4);
      else pushBack = Math.max(pushBack, pu.depth + 0.4);
    }
    if (d < ag) return Math.abs(x) > 2.5 ? Tissue.VEIN : Tissue.EPIDURAL_FAT;
    for (const r of this.roots) {
      if (s < r.s0 || s > r.s1) continue;
      const dd = d - r.d.at(s);
      const dx = x - r.x.at(s);
      if (dd * dd + dx * dx < r.r2) return Tissue.ROOT;
    }
    if (s < c.sacEnd) {
      const back = this.canal.back(s, 0);
      const dp = Math.min(back - c.posteriorFat(s), back - pushBack);
      const f = s > c.sacEnd - c.sacTaper ? Math.sqrt((c.sacEnd - s) / c.sacTaper) : 1;
      const mid = 0.5 * (ag + dp);
      const half = 0.5 * (dp - ag) * f;
      const ws = Math.max(0.5, this.canal.halfWidth(s) - c.sacInset) * Math.sqrt(f);
      if (half > 0.5 && ((d - mid) / half) ** 2 + (x / ws) ** 2 < 1) {
        if (s < c.cordTip) {
          const t = Math.min(1, (c.cordTip - s) / c.cordTaper);
          const rc = c.cordRadius * Math.pow(t, 0.7);
          const dc = mid + 0.6 + c.cordShift(s);
          if (((d - dc) / rc) ** 2 + (x / (1.25 * rc)) ** 2 < 1) return Tissue.CORD;
        }
        return Tissue.CSF;
      }
    }
    return Tissue.EPIDURAL_FAT;
  }
}
