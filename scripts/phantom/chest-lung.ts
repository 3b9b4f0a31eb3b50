/**
 * The lungs of the chest CT: pulmonary arteries and veins as branching trees grown from each hilum
 * (calibre falls at every division, so vessels taper towards the periphery), bronchi with walls
 * beside the larger arteries, the oblique and (right) horizontal fissures as thin pleural sheets,
 * and the dependent density gradient of a supine patient.
 */
import { Rng } from './rng';
import { smoothstep } from './sdf';
import { noise3 } from './texture';
import { capsule } from './chest-tube';
import { Tissue } from './tissues';

/** Segment record: a (x,y,z,r), b (x,y,z,r), kind (0 vessel, 1 bronchus). */
const REC = 9;
const CELL = 6; // mm, the lookup grid's cell

export interface LungFrame {
  /** Hilum (pulmonary artery entering the lung) per side, x > 0 is the patient's left. */
  hilumY: number;
  hilumZ: number;
  /** Where the inferior pulmonary veins join the left atrium. */
  veinY: number;
  veinZ: number;
  /** Oblique fissure: from its posterior-superior end to its anterior-inferior end (y, z). */
  fissureTop: { y: number; z: number };
  fissureBottom: { y: number; z: number };
  /** Height of the right horizontal fissure. */
  horizontalZ: number;
  /** Most anterior and most posterior lung (y), for the dependent gradient. */
  front: number;
  back: number;
}

export class Lungs {
  private readonly seg: number[] = [];
  private readonly grid: Int32Array; // CSR: start offsets per cell
  private readonly items: Int32Array;
  private readonly lo: [number, number, number];
  private readonly dims: [number, number, number];
  private readonly fn: { y: number; z: number; c: number; len: number };
  private readonly seedF: number;

  constructor(
    seed: number,
    private readonly f: LungFrame,
  ) {
    const rng = new Rng(seed, 'ct/lung-tree');
    this.seedF = seed;
    for (const side of [-1, 1]) {
      // Arteries: roots spread around the hilum in the sagittal plane, leaning laterally or medially
      // (the medial ones feed the paravertebral and retrocardiac lung the paramedian slices cut).
      for (let k = 0; k < 36; k++) {
        const hx = side * rng.range(30, 50);
        const th = (2 * Math.PI * (k + rng.range(-0.3, 0.3))) / 18;
        const lean = k % 3 === 0 ? -0.9 : k % 3 === 1 ? 0.3 : -0.5;
        this.grow(rng, [hx, f.hilumY, f.hilumZ], this.norm([side * lean, Math.cos(th), 1.1 * Math.sin(th)]), 3.6, 0, [side * 48, f.hilumY, f.hilumZ]);
      }
      // Veins: from the left atrium's side, mostly to the lower and posterior lung.
      for (let k = 0; k < 14; k++) {
        const th = Math.PI * (0.15 + (1.1 * (k + rng.range(-0.3, 0.3))) / 14);
        const lean = k % 2 === 0 ? -0.8 : 0.3;
        const vx = side * 34;
        this.grow(rng, [vx, f.veinY, f.veinZ], this.norm([side * lean, Math.cos(th + Math.PI / 2), -Math.abs(Math.sin(th))]), 3.8, 0, [vx, f.veinY, f.veinZ]);
      }
    }
    // Lookup grid over the segments' boxes.
    const s = this.seg;
    const n = s.length / REC;
    const lo: [number, number, number] = [Infinity, Infinity, Infinity];
    const hi: [number, number, number] = [-Infinity, -Infinity, -Infinity];
    for (let i = 0; i < n; i++)
      for (let a = 0; a < 3; a++) {
        const r = Math.max(s[i * REC + 3]!, s[i * REC + 7]!);
        lo[a] = Math.min(lo[a]!, s[i * REC + a]! - r, s[i * REC + 4 + a]! - r);
        hi[a] = Math.max(hi[a]!, s[i * REC + a]! + r, s[i * REC + 4 + a]! + r);
      }
    this.lo = lo;
    this.dims = [0, 1, 2].map((a) => Math.ceil((hi[a]! - lo[a]!) / CELL) + 1) as [number, number, number];
    const [X, Y] = this.dims;
    const cellsOf = (i: number, visit: (c: number) => void): void => {
      const r = Math.max(s[i * REC + 3]!, s[i * REC + 7]!);
      const c0 = [0, 1, 2].map((a) => Math.floor((Math.min(s[i * REC + a]!, s[i * REC + 4 + a]!) - r - lo[a]!) / CELL));
      const c1 = [0, 1, 2].map((a) => Math.floor((Math.max(s[i * REC + a]!, s[i * REC + 4 + a]!) + r - lo[a]!) / CELL));
      for (let cz = c0[2]!; cz <= c1[2]!; cz++) for (let cy = c0[1]!; cy <= c1[1]!; cy++) for (let cx = c0[0]!; cx <= c1[0]!; cx++) visit((cz * Y + cy) * X + cx);
    };
    const total = this.dims[0] * this.dims[1] * this.dims[2];
    const count = new Int32Array(total + 1);
    for (let i = 0; i < n; i++) cellsOf(i, (c) => (count[c + 1] = count[c + 1]! + 1));
    for (let c = 0; c < total; c++) count[c + 1] = count[c + 1]! + count[c]!;
    const fill = count.slice(0, total);
    this.items = new Int32Array(count[total]!);
    for (let i = 0; i < n; i++) cellsOf(i, (c) => (this.items[fill[c]!++] = i));
    this.grid = count;
    const dy = f.fissureBottom.y - f.fissureTop.y;
    const dz = f.fissureBottom.z - f.fissureTop.z;
    const l = Math.hypot(dy, dz);
    this.fn = { y: -dz / l, z: dy / l, c: (dz * f.fissureTop.y - dy * f.fissureTop.z) / l, len: l };
  }

  private norm(v: number[]): [number, number, number] {
    const l = Math.hypot(v[0]!, v[1]!, v[2]!);
    return [v[0]! / l, v[1]! / l, v[2]! / l];
  }

  /**
   * One branch and, recursively, its two daughters: a larger one that keeps near the parent's course
   * and a smaller one that leaves at a wider angle (the lung's asymmetric dichotomy). Each division
   * thins the daughters by a Murray-like factor, so calibre follows the distance from the hilum.
   */
  private grow(rng: Rng, p: readonly number[], dir: readonly number[], r: number, gen: number, hilum: readonly number[]): void {
    const len = (8 + 3.5 * r) * rng.range(0.8, 1.25);
    const end = [p[0]! + dir[0]! * len, p[1]! + dir[1]! * len, p[2]! + dir[2]! * len];
    const rEnd = r * 0.93;
    // Two pieces with a jittered joint, so a branch curves gently instead of running ruler-straight.
    const j = 0.12 * len;
    const mid = [0, 1, 2].map((a) => (p[a]! + end[a]!) / 2 + rng.range(-j, j));
    const rMid = (r + rEnd) / 2;
    this.seg.push(p[0]!, p[1]!, p[2]!, r, mid[0]!, mid[1]!, mid[2]!, rMid, 0);
    this.seg.push(mid[0]!, mid[1]!, mid[2]!, rMid, end[0]!, end[1]!, end[2]!, rEnd, 0);
    if (r > 2) {
      // The bronchus runs beside its artery; its wall is about a fifth of its radius.
      const side = this.norm(this.cross(dir, [rng.range(-1, 1), rng.range(-1, 1), rng.range(-1, 1)]));
      const rb = 0.95 * r;
      const o = r + rb + 0.6;
      this.seg.push(p[0]! + side[0]! * o, p[1]! + side[1]! * o, p[2]! + side[2]! * o, rb, end[0]! + side[0]! * o, end[1]! + side[1]! * o, end[2]! + side[2]! * o, rb * 0.93, 1);
    }
    if (rEnd < 0.42 || gen > 20) return;
    const out = this.norm([end[0]! - hilum[0]!, end[1]! - hilum[1]!, end[2]! - hilum[2]!]);
    for (const [k, ang] of [
      [0.9, rng.range(0.3, 0.6)],
      [0.7, rng.range(0.8, 1.2)],
    ] as const) {
      const axis = this.norm(this.cross(dir, [rng.range(-1, 1), rng.range(-1, 1), rng.range(-1, 1)]));
      const d = this.rotate(dir, axis, ang);
      // Daughters past the first divisions turn towards the sagittal plane: the lung is deeper (front to
      // back) and taller than the medial strip these slices cut is wide, so most vessels there run in it.
      const flat = gen > 1 ? 0.55 : 1;
      this.grow(rng, end, this.norm([flat * (d[0]! + 0.2 * out[0]!), d[1]! + 0.2 * out[1]!, d[2]! + 0.2 * out[2]!]), rEnd * k, gen + 1, hilum);
    }
  }

  private cross(a: readonly number[], b: readonly number[]): number[] {
    return [a[1]! * b[2]! - a[2]! * b[1]!, a[2]! * b[0]! - a[0]! * b[2]!, a[0]! * b[1]! - a[1]! * b[0]!];
  }

  /** Rodrigues' rotation of v about a unit axis. */
  private rotate(v: readonly number[], k: readonly number[], a: number): number[] {
    const c = Math.cos(a);
    const s = Math.sin(a);
    const kv = k[0]! * v[0]! + k[1]! * v[1]! + k[2]! * v[2]!;
    const x = this.cross(k, v);
    return [0, 1, 2].map((i) => v[i]! * c + x[i]! * s + k[i]! * kv * (1 - c));
  }

  /** Tissue of a point the envelope has already placed in the lung. */
  classify(x: number, y: number, z: number): number {
    // Fissures: two layers of visceral pleura, a fraction of a millimetre, gently undulating.
    const wob = 1.5 * noise3(this.seedF + 41, x, y, z, 30);
    // Signed distance to the oblique fissure, bowed forward in its middle (a gentle S on sagittal images).
    const tf = (this.fn.z * (y - this.f.fissureTop.y) - this.fn.y * (z - this.f.fissureTop.z)) / this.fn.len;
    const bow = tf > 0 && tf < 1 ? 7 * Math.sin(Math.PI * tf) - 2 * Math.sin(2 * Math.PI * tf) : 0;
    const fo = this.fn.y * y + this.fn.z * z + this.fn.c + wob + bow;
    if (Math.abs(fo) < 0.3) return Tissue.LIGAMENT;
    if (x < 0 && fo < 0 && Math.abs(z - this.f.horizontalZ + 0.12 * (y - this.f.hilumY) + wob) < 0.3) return Tissue.LIGAMENT;
    // Below the tree's resolution: the smallest vessels and interlobular septa as faint threads, each
    // where two independent noise fields are both near zero (the intersection of two surfaces is a
    // curve), faded out near the hila where the tree's own branches crowd.
    const sd = this.seedF + 43;
    const n1 = noise3(sd, x, y, z, 7);
    if (n1 > -0.08 && n1 < 0.08 && Math.abs(noise3(sd + 1, x, y, z, 7)) < 0.08) return Tissue.LUNG_VESSEL;
    const cx = Math.floor((x - this.lo[0]) / CELL);
    const cy = Math.floor((y - this.lo[1]) / CELL);
    const cz = Math.floor((z - this.lo[2]) / CELL);
    const [X, Y, Z] = this.dims;
    if (cx < 0 || cy < 0 || cz < 0 || cx >= X || cy >= Y || cz >= Z) return Tissue.LUNG;
    const c = (cz * Y + cy) * X + cx;
    const s = this.seg;
    let t: number = Tissue.LUNG;
    for (let j = this.grid[c]!; j < this.grid[c + 1]!; j++) {
      const o = this.items[j]! * REC;
      const d = capsule(s[o]!, s[o + 1]!, s[o + 2]!, s[o + 3]!, s[o + 4]!, s[o + 5]!, s[o + 6]!, s[o + 7]!, x, y, z);
      if (d >= 0) continue;
      if (s[o + 8] === 0) return Tissue.LUNG_VESSEL;
      t = d < -Math.max(0.5, 0.2 * s[o + 3]!) ? Tissue.GAS : Tissue.LIGAMENT; // bronchial lumen, wall
    }
    return t;
  }

  /** Extra HU of the lung at depth y: the dependent (posterior) lung holds more blood and less air. */
  dependentHu(y: number): number {
    return 70 * smoothstep(this.f.front, this.f.back, y);
  }
}
