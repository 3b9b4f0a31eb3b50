/**
 * Epidural lesions shaped by the space they grow in: a lens lying against one wall of the canal
 * (the back of the vertebral bodies, or the laminae and ligamentum flavum), thickest in the middle
 * and tapering to a feather edge at both ends, its free surface convex towards the thecal sac, which
 * it pushes away (`push`). Shapes live in canal coordinates (s along the spine, d from the canal
 * front, x lateral), so a lesion "in the dorsal epidural space from L5-S1 into the sacral canal" is
 * written just like that; the canal walls clip it where it meets bone. A slow noise lobulates the
 * free surface by a millimetre or so.
 */
import { noise3 } from './texture';
import { lesionTissue } from './tissues';

export interface LensSpec {
  id: string;
  site: string;
  index: number; // 0..2, selects the tissue class
  seed: number;
  sFrom: number;
  sTo: number;
  /** which wall the lesion lies on */
  side: 'anterior' | 'posterior';
  /** the wall's depth d at (s, x): 0 for the canal front, the canal back for a dorsal lesion */
  wall: (s: number, x: number) => number;
  /** greatest thickness (mm) at s, before the lens profile; lets a lesion narrow with the canal */
  thickness: (s: number) => number;
  halfWidth: number;
}

export class EpiduralLesion {
  readonly id: string;
  readonly site: string;
  readonly tissue: number;
  private readonly spec: LensSpec;
  private readonly box: { sMin: number; sMax: number; dMin: number; dMax: number; xMax: number };

  private constructor(spec: LensSpec) {
    this.spec = spec;
    this.id = spec.id;
    this.site = spec.site;
    this.tissue = lesionTissue(spec.index);
    let dMin = Infinity;
    let dMax = -Infinity;
    for (let s = spec.sFrom; s <= spec.sTo; s += 0.5) {
      for (const x of [0, spec.halfWidth]) {
        const w = spec.wall(s, x);
        const t = 1.3 * spec.thickness(s) + 1;
        dMin = Math.min(dMin, spec.side === 'anterior' ? w - 1 : w - t);
        dMax = Math.max(dMax, spec.side === 'anterior' ? w + t : w + 1);
      }
    }
    this.box = { sMin: spec.sFrom, sMax: spec.sTo, dMin, dMax, xMax: spec.halfWidth };
  }

  static lens(spec: LensSpec): EpiduralLesion {
    return new EpiduralLesion(spec);
  }

  /** Thickness at (s, x) from the wall: a lens along s, rounded across x, lobulated. */
  private thick(s: number, x: number): number {
    const sp = this.spec;
    const t = (2 * s - sp.sFrom - sp.sTo) / (sp.sTo - sp.sFrom);
    if (t <= -1 || t >= 1) return 0;
    const along = Math.pow(1 - t * t, 0.6);
    const xw = sp.halfWidth * (0.55 + 0.45 * Math.sqrt(1 - t * t));
    const r = x / xw;
    if (r * r >= 1) return 0;
    const across = Math.pow(1 - r * r, 0.5);
    const lob = 1 + 0.14 * noise3(this.spec.seed, s, 11.5 * this.spec.index, x, 5);
    return sp.thickness(s) * along * across * lob;
  }

  contains(s: number, d: number, x: number): boolean {
    const b = this.box;
    if (s < b.sMin || s > b.sMax || d < b.dMin || d > b.dMax || Math.abs(x) > b.xMax) return false;
    const th = this.thick(s, x);
    if (th <= 0) return false;
    const w = this.spec.wall(s, x);
    return this.spec.side === 'anterior' ? d < w + th : d > w - th;
  }

  /**
   * How far the lesion's free surface reaches into the canal at the midline, measured from the wall,
   * for the thecal sac to move away from it (0 where the lesion is absent).
   */
  push(s: number): { side: 'anterior' | 'posterior'; depth: number } {
    return { side: this.spec.side, depth: this.thick(s, 0) };
  }

  /** Bounding box in canal coordinates, for truth sampling. */
  bounds(): { sMin: number; sMax: number; dMin: number; dMax: number; xMax: number } {
    return this.box;
  }
}
