/**
 * The MR phantom's whole body around the lumbosacral spine: back skin with subcutaneous fat and a
 * midline furrow / natal cleft, paraspinal muscles, and in front the retroperitoneum (aorta, IVC,
 * psoas, crura), bowel and mesenteric fat, and the pelvis (rectum, bladder, pubis).
 */
import { buildLumbosacral, type Lumbosacral } from './lumbosacral';
import { assertCaudal, polyDistance, smoothPolyline, type P2 } from './polyline';
import type { PhantomModel } from './render';
import { hashString } from './rng';
import { ellipsoid, interp, Profile } from './sdf';
import type { PlanePoint } from './canal';
import type { SpineModel } from './spine';
import { kidney, pelvicOrgan, subcutaneous } from './mr-organs';
import { flank, flankLift, LATERAL_FROM, type FlankLevels } from './mr-flank';
import { fatStreak, fbm3, noise3 } from './texture';
import { Tissue } from './tissues';
import type { Vertebra } from './vertebra';

const EMPTY = new Float64Array(0);

export class LumbosacralPhantom implements PhantomModel {
  readonly ls: Lumbosacral;
  readonly spine: SpineModel;
  private readonly skin: readonly P2[];
  private readonly rectum: readonly P2[];
  private readonly rectumJunction: number; // arc length where the rectum turns into the anal canal
  private readonly bladder: { y: number; z: number };
  private readonly pubis: { y: number; z: number };
  private readonly liver: { y: number; z: number };
  private readonly depthP: Profile;
  private readonly widthP: Profile;
  private readonly bulgeP: Profile;
  private readonly cleftP: Profile;
  private readonly fatP: Profile;
  private readonly sS1: number;
  private readonly sL1: number;
  private readonly sL4: number;
  private readonly sL5: number;
  private readonly sS3: number;
  private readonly sCoTip: number;
  private readonly seedBowel: number;
  private readonly seedGas: number;
  private readonly flankLv: FlankLevels;

  constructor(seed: number, anchor: { y: number; z: number }) {
    this.ls = buildLumbosacral(seed, anchor);
    this.spine = this.ls.spine;
    const V = (n: string): Vertebra => this.ls.byName.get(n)!;
    const curve = this.spine.curve;
    const vs = this.spine.vertebrae;
    const keys = vs.map((v) => v.sCentre);
    const lo = vs[0]!.sTop - 80;
    const hi = vs[vs.length - 1]!.sBottom + 80;
    this.depthP = new Profile(lo, hi, (q) => interp(keys, vs.map((v) => v.spec.depth), q));
    this.widthP = new Profile(lo, hi, (q) => interp(keys, vs.map((v) => v.spec.halfWidth), q));
    this.sS1 = V('S1').sTop;
    this.sL1 = V('L1').sCentre;
    this.sL4 = V('L4').sCentre;
    this.sL5 = V('L5').sCentre;
    this.sS3 = V('S3').sCentre;
    const co = V('Co3');
    this.sCoTip = co.sBottom;
    // Skin relief along the spine: paramedian bulge (muscles, buttocks), natal cleft, fat thickness.
    this.bulgeP = new Profile(lo, hi, (q) => interp([this.sL1, this.sS1, this.sCoTip], [6, 9, 26], q));
    this.cleftP = new Profile(lo, hi, (q) => interp([this.sS3, this.sCoTip + 10], [0, 32], q));
    this.fatP = new Profile(lo, hi, (q) => interp([this.sL1, this.sS1, this.sCoTip], [15, 15, 20], q));
    this.flankLv = { sL1: this.sL1, sL5: this.sL5, sCrest: V('L5').sTop - 4, sCoTip: this.sCoTip };
    this.seedBowel = hashString(`${seed}/bowel`);
    this.seedGas = hashString(`${seed}/gas`);

    // Back skin: 18 mm behind the spinous process tips, ~20 mm behind the dorsal sacrum.
    const pts: P2[] = [];
    for (const v of vs) {
      const pe = v.spec.pe;
      if (pe) {
        const a = (pe.spAngleDeg * Math.PI) / 180;
        const tip = v.toPatient(pe.spBaseU + pe.spLength * Math.sin(a), pe.canalDepth + 1 + pe.spLength * Math.cos(a));
        pts.push({ y: tip.y + 18 * v.ny, z: tip.z + 18 * v.nz });
      } else {
        const c = curve.at(v.sCentre);
        const behind = v.spec.kind === 'S' ? this.spine.canal.depth(v.sCentre) + 31 : 24;
        pts.push({ y: c.y + behind * c.ny, z: c.z + behind * c.nz });
      }
    }
    const first = pts[0]!;
    const last = pts[pts.length - 1]!;
    this.skin = assertCaudal(smoothPolyline([{ y: first.y - 12, z: first.z + 60 }, ...pts, { y: last.y + 4, z: last.z - 40 }, { y: last.y + 6, z: last.z - 90 }], 2), 'MR back skin');

    // Rectum along the sacral concavity, then the anal canal heading down and back.
    const rp: P2[] = [];
    for (const n of ['S2', 'S3', 'S4', 'S5', 'Co1', 'Co2', 'Co3']) {
      const v = V(n);
      rp.push(v.toPatient(0, -v.spec.depth - 19));
    }
    const r0 = rp[rp.length - 1]!;
    const smoothed = assertCaudal(smoothPolyline([...rp, { y: r0.y + 6, z: r0.z - 22 }, { y: r0.y + 16, z: r0.z - 50 }, { y: r0.y + 24, z: r0.z - 90 }], 2), 'rectum');
    this.rectum = smoothed;
    this.rectumJunction = polyDistance(smoothed, r0.y, r0.z).t;
    this.bladder = { y: r0.y - 62, z: r0.z - 8 };
    this.pubis = { y: r0.y - 108, z: r0.z - 40 };
    const t11 = V('T11').toPatient(0, -V('T11').spec.depth);
    this.liver = { y: t11.y - 125, z: t11.z + 8 };
  }

  plane(y: number, z: number): PlanePoint {
    const r = polyDistance(this.rectum, y, z);
    // The bowel pattern's domain warp depends on (y, z) only, so it is computed once per pixel.
    const sd = this.seedBowel;
    const wx = 6 * noise3(sd + 11, 0, y, z, 14);
    const wy = y + 6 * noise3(sd + 12, 0, y, z, 14);
    const wz = z + 6 * noise3(sd + 13, 0, y, z, 14);
    const p: PlanePoint = { y, z, s: 0, d: 0, k: 0, uv: EMPTY, uo: 0, back: -polyDistance(this.skin, y, z).side, front: 0, aux: r.side, aux2: r.t, wx, wy, wz };
    return this.spine.fillPlane(p);
  }

  slabLevel(p: PlanePoint): number {
    if (p.d < -62 || p.d > 90) return 0;
    return p.d > -3 && p.d < this.spine.canal.depth(p.s) + 3 ? 2 : 1;
  }

  classify(x: number, p: PlanePoint): number {
    const t = this.spine.classify(x, p);
    if (t >= 0) return t;
    const s = p.s;
    // Skin surface: paramedian muscles bulge behind the midline furrow; buttocks and natal cleft below.
    if (p.back < -30) return Tissue.AIR; // beyond any buttock bulge
    const bulge = this.bulgeP.at(s) * (1 - Math.exp(-((x / 16) ** 2)));
    const cleft = this.cleftP.at(s) * Math.exp(-((x / 5.5) ** 2));
    const lateral = Math.abs(x) > LATERAL_FROM; // beyond the sagittal slab: the flanks (mr-flank.ts)
    const back = lateral ? p.back + bulge - cleft - flankLift(Math.abs(x)) : p.back + bulge - cleft;
    if (back < 0) return Tissue.AIR;
    if (back < 2) return Tissue.SKIN;
    const fatDepth = this.fatP.at(s);
    if (back < 2 + fatDepth) return subcutaneous(this.seedGas + 51, x, p, back - 2, fatDepth);

    // Rectum / anal canal (a tube around its axis, slightly left of midline). The patient lies
    // supine: gas rises to the anterior (non-dependent) side of the lumen, stool lies behind it.
    const rr = p.aux2 < this.rectumJunction ? 14 : 7.5;
    const q = Math.sqrt(p.aux * p.aux + 0.64 * (x - 3) * (x - 3));
    if (q < rr && p.aux2 > 4) {
      const wall = 2.5 + 0.8 * noise3(this.seedGas + 3, x, p.y, p.z, 6);
      if (q > rr - wall || rr < 10) return Tissue.BOWEL; // the anal canal is closed
      const level = -0.35 * rr + 3 * fbm3(this.seedGas, x, p.y, p.z, 9);
      return p.aux < level ? Tissue.GAS : Tissue.BOWEL;
    }
    const organ = pelvicOrgan(this.bladder, x, p);
    if (organ >= 0) return organ;
    // Beyond the sagittal slab the flank's muscles come first: the kidney lies in front of them.
    if (lateral) {
      const t = flank(Math.abs(x), p, back - 2 - fatDepth, this.flankLv);
      if (t >= 0) return t;
    }
    const kid = kidney(this.sL1, x, p);
    if (kid >= 0) return kid;
    if (p.d > 2) return this.posterior(x, p);
    if (s < this.sS1 - 4) return this.retroperitoneum(x, p);
    return this.pelvis(x, p);
  }

  private posterior(x: number, p: PlanePoint): number {
    const px = Math.abs(x);
    if (p.s > this.sCoTip - 6) return px < 22 ? Tissue.FAT : Tissue.MUSCLE; // ischioanal fat / gluteus
    if (px < 3.2 && p.s < this.sS1 && p.d > this.spine.canal.back(p.s, 0) + 2) return Tissue.INTERSPINOUS;
    // The fat plane between multifidus (medial, on the laminae) and the erector spinae (lateral),
    // running back and out from the facets: a lateral slice cuts it obliquely, as a soft bright line.
    if (p.s < this.sS1 + 10 && p.d > 12) {
      const plane = 17 + 0.28 * (p.d - 18) + 2.5 * noise3(this.seedGas + 41, x, p.d, p.s, 16);
      const w = 0.5 + 0.45 * noise3(this.seedGas + 43, x, p.d, p.s, 9);
      if (Math.abs(px - plane) < w) return Tissue.FAT;
    }
    // Paraspinal muscles: fat between some fascicles, a little more low in the back.
    const share = p.s > this.sL4 ? 0.05 : 0.03;
    return fatStreak(this.seedGas + 31, x, p.d, p.s, share) ? Tissue.FAT : Tissue.MUSCLE;
  }

  private retroperitoneum(x: number, p: PlanePoint): number {
    const s = p.s;
    const px = Math.abs(x);
    const D = this.depthP.at(s);
    const W = this.widthP.at(s);
    const e = -p.d - D; // distance in front of the vertebral bodies
    // Psoas grows from L1 to L5 beside the bodies.
    if (s > this.sL1 - 12) {
      const g = Math.min(1, Math.max(0, (s - this.sL1) / (this.sL5 - this.sL1)));
      const rp = 7 + 12 * g;
      const cx = W + 0.45 * rp;
      if (((px - cx) / rp) ** 2 + ((p.d + 0.5 * D + 2 * g) / (1.1 * rp)) ** 2 < 1) return Tissue.MUSCLE;
    }
    if (s < this.sL1 + 20 && e > -1 && e < 5 && px > 4 && px < W + 6) return Tissue.MUSCLE; // crura
    if (e < 0) return Tissue.FAT;
    // Aorta (flow void) left of midline, bifurcating at L4; IVC on the right down to L5.
    const ax = s < this.sL4 ? 13 : 13 + 0.9 * (s - this.sL4);
    const ar = s < this.sL4 ? 10.5 : 7.5;
    if (((e - 14) / ar) ** 2 + ((x - ax) / ar) ** 2 < 1) return Tissue.ARTERY;
    const vx = s < this.sL5 ? -17 : -17 - 0.9 * (s - this.sL5);
    if (((e - 15) / 9) ** 2 + ((x - vx) / 12) ** 2 < 1) return Tissue.IVC;
    if (e < 5) return Tissue.FAT;
    // Liver / pancreas high in the field: a rounded organ with a slightly irregular edge.
    const lv = this.liver;
    const le = ellipsoid(p.y - lv.y, p.z - lv.z, x, 80, 48, 300);
    if (le < 7 && le + 6 * fbm3(this.seedBowel + 1, x, p.y, p.z, 20) < 0) return Tissue.VISCERA;
    return e < 24 ? this.bowel(x, p, 1.5) : this.bowel(x, p, 0);
  }

  private pelvis(x: number, p: PlanePoint): number {
    const px = Math.abs(x);
    const e = -p.d - this.ls.sacralDepth(p.s);
    const pu = this.pubis;
    const pb = ellipsoid((p.y - pu.y) * 0.9 + (p.z - pu.z) * 0.45, p.z - pu.z, x, 9, 20, 45);
    if (pb < 0) return px < 2 ? Tissue.DISC : pb > -1.5 ? Tissue.CORTEX : Tissue.MARROW;
    if (p.s < this.sCoTip && e < 14 && px > 17) return Tissue.MUSCLE; // piriformis
    if (p.s < this.sCoTip && e < 6) return Tissue.FAT; // presacral space
    if (p.s > this.sCoTip) return px < 25 ? Tissue.FAT : Tissue.MUSCLE; // ischioanal fossa, levators
    return this.bowel(x, p, 1);
  }

  /**
   * Small bowel and sigmoid: tubes (walls around a lumen of chyme, fluid or gas) winding through
   * mesenteric fat. `fatBias` thins the loops so more fat shows between them.
   */
  private bowelCache: { p: PlanePoint | null; x: number; bias: number; t: number } = { p: null, x: NaN, bias: NaN, t: 0 };

  /** Bowel pattern per slice, not per sample (no partial volume needed there); memoised per pixel. */
  private bowel(x: number, p: PlanePoint, fatBias: number): number {
    const xq = Math.round(x / 2) * 2;
    const c = this.bowelCache;
    if (c.p === p && c.x === xq && c.bias === fatBias) return c.t;
    const t = this.bowelAt(xq, p, fatBias);
    c.p = p;
    c.x = xq;
    c.bias = fatBias;
    c.t = t;
    return t;
  }

  private bowelAt(x: number, p: PlanePoint, fatBias: number): number {
    // A tube is where two independent smooth fields are both near zero: the neighbourhood of the curve
    // where their zero surfaces cross. Four such families, domain-warped, pack the abdomen with loops.
    const sd = this.seedBowel;
    const wx = x + p.wx;
    const R = 0.36 - 0.04 * fatBias;
    for (let f = 0; f < 4; f++) {
      const k = sd + 101 * f;
      const a = noise3(k, wx, p.wy, p.wz, 22);
      if (Math.abs(a) > R) continue;
      const b = noise3(k + 7, wx, p.wy, p.wz, 22);
      if (Math.abs(b) > R) continue;
      // Calibre varies along a loop; where it narrows the loop is collapsed (wall on wall, no lumen).
      const cal = 0.55 + 0.45 * (1 + noise3(k + 17, wx, p.wy, p.wz, 26));
      const Rl = R * Math.min(1, cal);
      const r = Math.sqrt(a * a + b * b) / Rl;
      if (r > 1) continue;
      if (cal < 0.68 || r > 0.75) return Tissue.BOWEL; // collapsed loop, or the wall
      // Folds (valvulae, haustra) reach in from the wall of distended loops.
      if (r > 0.45 && noise3(k + 19, wx, p.wy, p.wz, 2.6) > 0.25) return Tissue.BOWEL;
      // Lumen: runs of fluid, chyme and gas along the loop.
      const q = noise3(k + 13, wx, p.wy, p.wz, 18);
      if (q > 0.35) return Tissue.GAS;
      if (q < -0.12) return Tissue.URINE; // fluid
      return Tissue.BOWEL;
    }
    return Tissue.FAT;
  }
}
