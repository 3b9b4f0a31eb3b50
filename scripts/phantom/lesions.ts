/**
 * Epidural lesions as soft lobulated blobs: a sum of Gaussian "metaballs" strung along the canal plus
 * a little smooth noise on the iso-surface, thresholded. Shapes live in canal coordinates (s along
 * the spine, d from the canal front, x lateral), so a lesion "in the dorsal epidural space from L5-S1
 * into the sacral canal" is written just like that; the canal walls clip it where it meets bone.
 */
import { Rng } from './rng';
import { noise3 } from './texture';
import { lesionTissue } from './tissues';

export interface LesionBlob {
  s: number;
  d: number;
  x: number;
  rs: number;
  rd: number;
  rx: number;
  w: number;
}

export interface LesionChainSpec {
  id: string;
  site: string;
  index: number; // 0..2, selects the tissue class
  seed: number;
  sFrom: number;
  sTo: number;
  /** centre depth (d) of the lesion at s */
  dAt: (s: number) => number;
  dRadius: number;
  xRadius: number;
  count: number;
}

export class EpiduralLesion {
  readonly id: string;
  readonly site: string;
  readonly tissue: number;
  readonly blobs: readonly LesionBlob[];
  private readonly seed: number;
  private readonly sMin: number;
  private readonly sMax: number;
  private readonly dMin: number;
  private readonly dMax: number;
  private readonly xMax: number;

  constructor(id: string, site: string, index: number, seed: number, blobs: readonly LesionBlob[]) {
    this.id = id;
    this.site = site;
    this.tissue = lesionTissue(index);
    this.blobs = blobs;
    this.seed = seed;
    // Beyond 2 radii a blob contributes < e^-4 = 0.018, so this box holds the whole surface.
    this.sMin = Math.min(...blobs.map((b) => b.s - 2 * b.rs));
    this.sMax = Math.max(...blobs.map((b) => b.s + 2 * b.rs));
    this.dMin = Math.min(...blobs.map((b) => b.d - 2 * b.rd));
    this.dMax = Math.max(...blobs.map((b) => b.d + 2 * b.rd));
    this.xMax = Math.max(...blobs.map((b) => Math.abs(b.x) + 2 * b.rx));
  }

  /** Lobulated chain: blob centres jitter in depth and side, radii vary, ends are smaller. */
  static chain(spec: LesionChainSpec): EpiduralLesion {
    const rng = new Rng(spec.seed, `lesion/${spec.id}`);
    const blobs: LesionBlob[] = [];
    const n = spec.count;
    for (let i = 0; i < n; i++) {
      const t = n === 1 ? 0.5 : i / (n - 1);
      const s = spec.sFrom + (spec.sTo - spec.sFrom) * t + rng.range(-1, 1);
      const endTaper = 0.75 + 0.25 * Math.sin(Math.PI * t);
      const spacing = (spec.sTo - spec.sFrom) / Math.max(1, n - 1);
      blobs.push({
        s,
        d: spec.dAt(s) + rng.range(-0.4, 0.4) * spec.dRadius,
        x: rng.range(-0.25, 0.25) * spec.xRadius,
        rs: spacing * rng.range(0.75, 1.0),
        rd: spec.dRadius * endTaper * rng.range(0.85, 1.1),
        rx: spec.xRadius * endTaper * rng.range(0.85, 1.1),
        w: rng.range(0.85, 1.1),
      });
    }
    return new EpiduralLesion(spec.id, spec.site, spec.index, spec.seed, blobs);
  }

  field(s: number, d: number, x: number): number {
    let f = 0;
    for (const b of this.blobs) {
      const q = ((s - b.s) / b.rs) ** 2 + ((d - b.d) / b.rd) ** 2 + ((x - b.x) / b.rx) ** 2;
      if (q < 9) f += b.w * Math.exp(-q);
    }
    // Lobulation: the surface wobbles by a millimetre or so.
    return f + 0.1 * noise3(this.seed, s, d * 1.3, x, 4.5);
  }

  contains(s: number, d: number, x: number): boolean {
    if (s < this.sMin || s > this.sMax || d < this.dMin || d > this.dMax || Math.abs(x) > this.xMax) return false;
    return this.field(s, d, x) > 0.5;
  }

  /** Bounding box in canal coordinates, for truth sampling. */
  bounds(): { sMin: number; sMax: number; dMin: number; dMax: number; xMax: number } {
    return { sMin: this.sMin, sMax: this.sMax, dMin: this.dMin, dMax: this.dMax, xMax: this.xMax };
  }
}
