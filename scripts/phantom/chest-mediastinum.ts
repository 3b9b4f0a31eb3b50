/**
 * The mediastinum of the chest CT apart from the heart: the aorta (wall, a few calcified specks in the
 * arch) and its branches, the pulmonary trunk dividing under the arch into the right and left
 * pulmonary arteries, the left brachiocephalic vein crossing in front of the arch branches, the
 * trachea (C-shaped cartilage rings, a membranous back wall) and main bronchi, the collapsed
 * oesophagus with a wisp of air, the azygos vein and a few lymph nodes in the fat.
 */
import { noise3 } from './texture';
import { tube, tubeSdf, type P3, type Tube } from './chest-tube';
import { Tissue } from './tissues';

/** Spine coordinates (s along the curve, e in front of the vertebral bodies, x) to a patient point. */
export type At = (s: number, e: number, x: number, r: number) => P3;

/** Levels along the spine the mediastinum is laid out by (s of each body's centre by name). */
export type LevelOf = (name: string) => number;

export class Mediastinum {
  readonly aorta: Tube;
  private readonly vessels: Tube[];
  private readonly nodes: P3[];
  readonly sCarina: number;
  readonly sHiatus: number;
  private readonly sArch: number;

  constructor(
    private readonly seed: number,
    at: At,
    sc: LevelOf,
  ) {
    this.sCarina = sc('T5') - 3;
    this.sHiatus = sc('T10') + 10;
    this.sArch = sc('T5');
    this.aorta = tube([
      at(sc('T7'), 92, -3, 15),
      at(sc('T5'), 86, -3, 15),
      at(sc('T4') - 4, 74, -2, 14.5),
      at(sc('T3') + 5, 56, 1, 13.5),
      at(sc('T4') - 3, 34, 8, 12.5),
      at(sc('T4') + 6, 17, 14, 12),
      at(sc('T6'), 13, 16, 11.5),
      at(sc('T10'), 11, 13, 11.5),
      at(sc('T12'), 8, 7, 11),
      at(sc('L2'), 6, 4, 10.5),
    ]);
    const top = sc('T1') - 50;
    const bif = at(sc('T5') + 2, 60, 6, 12);
    this.vessels = [
      [at(top, 62, -9, 6.5), at(sc('T3') + 2, 62, -7, 7)], // brachiocephalic trunk
      [at(top, 50, 1, 4.5), at(sc('T3') + 4, 52, 1, 5)], // left common carotid
      [at(top, 40, 10, 5), at(sc('T4') - 4, 38, 8, 5.5)], // left subclavian
      [at(sc('T2') + 8, 82, 55, 5.5), at(sc('T3'), 84, 10, 6), at(sc('T3') + 10, 82, -25, 7)], // left brachiocephalic vein
      [at(sc('T7') - 2, 104, 12, 12), at(sc('T6') - 2, 88, 11, 13), bif], // pulmonary trunk
      [bif, at(sc('T5') + 6, 50, -12, 10.5), at(sc('T5') + 9, 44, -48, 9.5)], // right pulmonary artery
      [bif, at(sc('T5') - 2, 46, 24, 10), at(sc('T5') + 2, 40, 48, 9.5)], // left pulmonary artery, over the left bronchus
    ].map(tube);
    this.nodes = [
      at(sc('T4') - 2, 98, 4, 4), // prevascular
      at(sc('T3') + 6, 40, -11, 3.5), // right paratracheal
      at(this.sCarina + 14, 30, 1, 5), // subcarinal
      at(sc('T5') - 6, 46, 9, 3), // aortopulmonary window
      at(sc('T7'), 20, -4, 2.5), // paraoesophageal
    ];
  }

  /** The aorta: wall (with calcified plaque in the arch) and blood, or -1. `d` is its tube distance. */
  aortaTissue(x: number, y: number, z: number, s: number, d: number): number {
    if (d >= 0) return -1;
    if (d > -1.8) return s < this.sArch && noise3(this.seed + 23, x, y, z, 2.2) > 0.7 ? Tissue.CALCIUM : Tissue.MUSCLE;
    return Tissue.BLOOD;
  }

  /** Vessels, airway, oesophagus, azygos and nodes at a point (e, s in spine coordinates), or -1. */
  classify(x: number, y: number, z: number, e: number, s: number): number {
    for (const v of this.vessels) if (tubeSdf(v.path, v.box, x, y, z) < 0) return Tissue.BLOOD;
    if (s < this.sCarina + 28) {
      const tr = this.airway(x, e, s);
      if (tr >= 0) return tr;
    }
    if (s < this.sHiatus) {
      const q = ((e - 8) / 5.5) ** 2 + ((x - 2) / 8) ** 2;
      if (q < 1) return q < 0.06 + 0.06 * noise3(this.seed + 29, x, y, z, 12) ? Tissue.GAS : Tissue.BOWEL; // oesophagus
    }
    if (s > this.sCarina && ((e - 3) / 3.5) ** 2 + ((x + 7) / 3.5) ** 2 < 1) return Tissue.BLOOD; // azygos
    for (const n of this.nodes) {
      const q = ((x - n.x) / (0.8 * n.r)) ** 2 + ((y - n.y) / n.r) ** 2 + ((z - n.z) / (1.3 * n.r)) ** 2;
      if (q < 1) return q > 0.6 && noise3(this.seed + 31, x, y, z, 1.5) > 0.3 ? Tissue.FAT : Tissue.NODE; // fatty hilum
    }
    return -1;
  }

  /**
   * Trachea down to the carina, then the main bronchi heading out of the mid-sagittal slab. The
   * cartilage comes in C-shaped rings about 4 mm apart, open at the back where the wall is membrane.
   */
  private airway(x: number, e: number, s: number): number {
    // The trachea ends in a rounded cap just below the carina; the main bronchi leave from a little
    // above it, so the split is a ridge (the carina), not a step.
    const below = Math.max(0, s - this.sCarina);
    const qt = Math.hypot((e - 27) / 10, x / 10, below / 7);
    const t = Math.max(0, s - this.sCarina + 6);
    const off = 2 + 0.9 * t;
    const eb = 27 - 2 * Math.min(1, t / 10);
    const qb = t > 0 ? Math.min(Math.hypot((e - eb) / 6.5, (x - off) / 6.5), Math.hypot((e - eb) / 6.5, (x + off) / 6.5)) : Infinity;
    const q = Math.min(qt, qb);
    const back = e < (qt < qb ? 22 : eb - 3.5);
    const ring = ((s % 4) + 4) % 4 < 2.4;
    if (q < 0.84) return Tissue.GAS;
    if (q < 1) return ring && !back ? Tissue.CARTILAGE : Tissue.LIGAMENT;
    return -1;
  }
}
