/**
 * The mediastinum of the chest CT apart from the heart: the aorta (wall, a few calcified specks in the
 * arch) as one 3-D tube along a believable centreline (the ascending aorta right of the midline, the
 * arch running from right-anterior to left-posterior past the left side of the trachea, the
 * descending aorta beside the left of the vertebral bodies) and its branches; the pulmonary trunk
 * dividing under the arch; the superior vena cava right of the ascending aorta, fed by the left
 * brachiocephalic vein and by the azygos arch over the right main bronchus; the trachea as a straight,
 * inclined tube from the thoracic inlet to the carina (C-shaped cartilage rings, a membranous back
 * wall) and the main bronchi; the collapsed oesophagus with a wisp of air and a few lymph nodes.
 * The sagittal slices cut these tubes: nothing here is drawn per slice.
 */
import { capsule, tube, tubeSdf, type P3, type Tube } from './chest-tube';
import { noise3 } from './texture';
import { Tissue } from './tissues';

/** Spine coordinates (s along the curve, e in front of the vertebral bodies, x) to a patient point. */
export type At = (s: number, e: number, x: number, r: number) => P3;

/** Levels along the spine the mediastinum is laid out by (s of each body's centre by name). */
export type LevelOf = (name: string) => number;

/** Airway wall (cartilage or membrane) thickness, mm. */
const WALL = 1.8;
/** Tracheal rings: one every RING_PITCH mm along the axis, RING_WIDTH mm of it cartilage. */
const RING_PITCH = 4;
const RING_WIDTH = 2.2;
const RING_BULGE = 0.45;

export class Mediastinum {
  readonly aorta: Tube;
  private readonly arteries: Tube[];
  private readonly veins: Tube[];
  private readonly nodes: P3[];
  /** Trachea from the thoracic inlet to the carina; main bronchi from the carina out to the hila. */
  private readonly trachea: readonly [P3, P3];
  private readonly bronchi: Tube[];
  private readonly airBox: readonly [number, number, number, number, number, number];
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
    const top = sc('T1') - 50;
    // Aortic root at the heart's base, the ascending aorta up and a little right, the arch over the
    // right pulmonary artery and past the left of the trachea, then down beside the left of the bodies,
    // drifting to the midline at the hiatus.
    this.aorta = tube([
      at(sc('T7'), 92, -4, 14),
      at(sc('T6'), 90, -10, 15),
      at(sc('T5'), 86, -14, 15),
      at(sc('T4') - 2, 80, -14, 14.5),
      at(sc('T3') + 6, 70, -8, 13.5),
      at(sc('T3') + 4, 60, 4, 13),
      at(sc('T3') + 8, 46, 16, 12.5),
      at(sc('T4'), 32, 22, 12),
      at(sc('T4') + 8, 20, 23, 12),
      at(sc('T5') + 4, 12, 23, 11.5),
      at(sc('T7'), 8, 22, 11.5),
      at(sc('T9'), 8, 19, 11.5),
      at(sc('T11'), 8, 12, 11),
      at(sc('T12'), 7, 7, 11),
      at(sc('L2'), 6, 4, 10.5),
    ]);
    const bif = at(sc('T5') + 2, 58, 9, 12);
    this.arteries = [
      [at(sc('T3') + 4, 64, 0, 6.5), at(sc('T2'), 60, -7, 6.5), at(top, 56, -13, 6.5)], // brachiocephalic trunk, obliquely across the front of the trachea
      [at(sc('T3') + 4, 54, 6, 5), at(top, 52, 9, 4.5)], // left common carotid
      [at(sc('T3') + 8, 42, 16, 5.5), at(top, 38, 20, 5)], // left subclavian
      [at(sc('T7') - 2, 104, 15, 12), at(sc('T6') - 2, 88, 14, 13), bif], // pulmonary trunk, left of the ascending aorta
      [bif, at(sc('T5') + 5, 52, -10, 10.5), at(sc('T5') + 9, 42, -48, 9.5)], // right pulmonary artery: across the midline under the arch, behind the SVC
      [bif, at(sc('T5') - 2, 46, 24, 10), at(sc('T5') + 2, 40, 48, 9.5)], // left pulmonary artery, over the left bronchus
    ].map(tube);
    const svcTop = at(sc('T3') + 4, 58, -19, 9);
    this.veins = [
      [at(top, 62, -17, 8.5), svcTop, at(sc('T5'), 56, -21, 10), at(sc('T6') + 4, 60, -22, 10)], // superior vena cava into the right atrium
      [at(sc('T2') + 6, 84, 55, 5.5), at(sc('T3') - 2, 84, 12, 6), at(sc('T3') + 2, 74, -12, 7), svcTop], // left brachiocephalic vein
      // Azygos: up the right front of the bodies, then its arch forwards over the right main bronchus into the SVC.
      [at(sc('L1'), 2, -6, 3.5), at(sc('T8'), 3, -7, 4), at(sc('T5') + 6, 4, -9, 4.5), at(this.sCarina - 2, 14, -14, 5), at(this.sCarina - 5, 34, -17, 5), at(this.sCarina - 2, 50, -20, 5.5)],
    ].map(tube);
    // The trachea runs straight down and back: farther from the spine at the inlet than at the carina.
    const carina = at(this.sCarina, 24, 0, 8);
    this.trachea = [at(top + 10, 38, 0, 8), carina];
    // Right main bronchus short and steep, left long and nearly level under the arch.
    this.bronchi = [
      [carina, at(this.sCarina + 12, 24, -14, 7), at(this.sCarina + 24, 26, -32, 6)],
      [carina, at(this.sCarina + 10, 22, 16, 6.5), at(this.sCarina + 20, 22, 44, 6)],
    ].map(tube);
    const all = [...this.trachea, ...this.bronchi.flatMap((b) => b.path)];
    const lo = (k: 'x' | 'y' | 'z'): number => Math.min(...all.map((p) => p[k] - p.r)) - 1;
    const hi = (k: 'x' | 'y' | 'z'): number => Math.max(...all.map((p) => p[k] + p.r)) + 1;
    this.airBox = [lo('x'), hi('x'), lo('y'), hi('y'), lo('z'), hi('z')];
    this.nodes = [
      at(sc('T4') - 2, 100, 4, 4), // prevascular
      at(sc('T3') + 8, 42, -12, 3.5), // right paratracheal
      at(this.sCarina + 14, 30, 1, 5), // subcarinal
      at(sc('T5') - 6, 48, 9, 3), // aortopulmonary window
      at(sc('T7'), 20, -4, 2.5), // paraoesophageal
    ];
  }

  /** The aorta: wall (with calcified plaque in the arch) and blood, or -1. `d` is its tube distance. */
  aortaTissue(x: number, y: number, z: number, s: number, d: number): number {
    if (d >= 0) return -1;
    if (d > -1.8) return s < this.sArch && noise3(this.seed + 23, x, y, z, 2.2) > 0.8 ? Tissue.CALCIUM : Tissue.MUSCLE;
    return Tissue.BLOOD;
  }

  /** Vessels, oesophagus, azygos and nodes at a point (e, s in spine coordinates), or -1. */
  classify(x: number, y: number, z: number, e: number, s: number): number {
    for (const v of this.arteries) if (tubeSdf(v.path, v.box, x, y, z) < 0) return Tissue.BLOOD;
    for (const v of this.veins) if (tubeSdf(v.path, v.box, x, y, z) < 0) return Tissue.VEIN;
    if (s < this.sHiatus) {
      const q = ((e - 8) / 5.5) ** 2 + ((x - 2) / 8) ** 2;
      if (q < 1) return q < 0.06 + 0.06 * noise3(this.seed + 29, x, y, z, 12) ? Tissue.GAS : Tissue.BOWEL; // oesophagus
    }
    for (const n of this.nodes) {
      const q = ((x - n.x) / (0.8 * n.r)) ** 2 + ((y - n.y) / n.r) ** 2 + ((z - n.z) / (1.3 * n.r)) ** 2;
      if (q < 1) return q > 0.6 && noise3(this.seed + 31, x, y, z, 1.5) > 0.3 ? Tissue.FAT : Tissue.NODE; // fatty hilum
    }
    return -1;
  }

  /**
   * Trachea and main bronchi: air inside a wall of cartilage rings (C-shaped, open at the back where
   * the wall is membrane), or -1. Checked before the aorta, which the trachea indents.
   */
  airway(x: number, y: number, z: number): number {
    const b = this.airBox;
    if (x < b[0] || x > b[1] || y < b[2] || y > b[3] || z < b[4] || z > b[5]) return -1;
    const [a, c] = this.trachea;
    const dt = capsule(a.x, a.y, a.z, a.r, c.x, c.y, c.z, c.r, x, y, z);
    let db = Infinity;
    for (const br of this.bronchi) db = Math.min(db, tubeSdf(br.path, br.box, x, y, z));
    if (dt > 1 && db >= 0) return -1;
    // Position along the tracheal axis, and whether the point is on the back (membranous) wall.
    const ex = c.x - a.x;
    const ey = c.y - a.y;
    const ez = c.z - a.z;
    const len = Math.sqrt(ex * ex + ey * ey + ez * ez);
    const t = ((x - a.x) * ex + (y - a.y) * ey + (z - a.z) * ez) / len;
    const dy = y - (a.y + (t / len) * ey); // columns run posterior: +y is back
    const back = dy > 0.45 * a.r;
    const ring = !back && t > 0 && t - RING_PITCH * Math.floor(t / RING_PITCH) < RING_WIDTH;
    // Each ring stands a little proud of the wall (a smooth swell, not a step), so the outline is gently
    // corrugated, as on real scans.
    // (Only the front of the ring swells: a tangential cut through the side wall would show beads.)
    const front = Math.min(1, Math.max(0, -dy / (0.6 * a.r)));
    const bulge = t <= 0 ? 0 : front * RING_BULGE * (0.5 + 0.5 * Math.cos((2 * Math.PI * (t - RING_WIDTH / 2)) / RING_PITCH));
    const outer = Math.min(dt - bulge, db);
    if (outer >= 0) return -1;
    if (Math.min(dt, db) < -WALL) return Tissue.GAS;
    if (db < dt - 0.5) return Tissue.LIGAMENT; // bronchial wall: cartilage plates too small to resolve
    return ring ? Tissue.CARTILAGE : Tissue.LIGAMENT;
  }
}
