/**
 * The CT phantom's chest around the thoracic spine: back and chest-wall layers, sternum, the
 * mediastinum (heart, aorta with its arch, trachea and bronchi, oesophagus, azygos, fat), the lungs
 * with their vessels, and the diaphragm with the liver below it.
 */
import { assertCaudal, polyDistance, smoothPolyline, type P2 } from './polyline';
import type { PhantomModel } from './render';
import { hashString } from './rng';
import { clamp, ellipsoid, interval, roundBox3, smoothstep } from './sdf';
import type { PlanePoint } from './canal';
import type { SpineModel } from './spine';
import { fatStreak, noise3 } from './texture';
import { buildThoracic, type Thoracic } from './thoracic';
import { Tissue } from './tissues';
import type { Vertebra } from './vertebra';

interface P3 {
  x: number;
  y: number;
  z: number;
  r: number;
}

/** Distance to a 3-D tube (polyline with a radius per vertex). Returns distance minus radius. */
function tubeSdf(path: readonly P3[], bb: Box3, x: number, y: number, z: number): number {
  let best = Infinity;
  const far = Math.max(bb[0] - x, x - bb[1], bb[2] - y, y - bb[3], bb[4] - z, z - bb[5]);
  if (far > 0) return far; // outside the tube's bounding box
  for (let i = 0; i < path.length - 1; i++) {
    const a = path[i]!;
    const b = path[i + 1]!;
    const ex = b.x - a.x;
    const ey = b.y - a.y;
    const ez = b.z - a.z;
    const l2 = ex * ex + ey * ey + ez * ez;
    let f = l2 > 0 ? ((x - a.x) * ex + (y - a.y) * ey + (z - a.z) * ez) / l2 : 0;
    f = f < 0 ? 0 : f > 1 ? 1 : f;
    const dx = x - a.x - f * ex;
    const dy = y - a.y - f * ey;
    const dz = z - a.z - f * ez;
    const d = Math.sqrt(dx * dx + dy * dy + dz * dz) - (a.r + f * (b.r - a.r));
    if (d < best) best = d;
  }
  return best;
}

/** Bounding box of a tube, for a cheap early exit. */
type Box3 = readonly [number, number, number, number, number, number];

function boxOf(path: readonly P3[]): Box3 {
  const r = Math.max(...path.map((p) => p.r));
  return [
      Math.min(...path.map((p) => p.x)) - r,
      Math.max(...path.map((p) => p.x)) + r,
      Math.min(...path.map((p) => p.y)) - r,
      Math.max(...path.map((p) => p.y)) + r,
      Math.min(...path.map((p) => p.z)) - r,
    Math.max(...path.map((p) => p.z)) + r,
  ];
}

const EMPTY = new Float64Array(0);

/**
 * Inside the heart's outline (local frame: `a` runs from the apex, about -58, to the base, about +58;
 * `h` is the signed distance to the outline). Myocardium around the chambers (thick around the
 * ventricles, thin around the atria), the interventricular septum, and fat with the coronary vessels
 * in the atrioventricular and interventricular grooves. On a plain CT, blood (~40 HU) and myocardium
 * (~50 HU) differ only a little, and the grooves' fat is what outlines the chambers.
 */
function heartTissue(a: number, b: number, x: number, h: number): number {
  const AV = 15; // atrioventricular groove
  const septum = x + 0.25 * b; // the interventricular plane, slightly oblique
  if (Math.abs(a - AV) < 3.5 && h > -13) return Tissue.FAT;
  if (a < AV) {
    if (Math.abs(septum) < 4 && h > -5) return Tissue.FAT; // interventricular groove
    if (h > -9 || Math.abs(septum) < 5) return Tissue.MUSCLE;
    return Tissue.BLOOD;
  }
  return h > -3 ? Tissue.MUSCLE : Tissue.BLOOD;
}

export class ThoracicPhantom implements PhantomModel {
  readonly th: Thoracic;
  readonly spine: SpineModel;
  private readonly backSkin: readonly P2[];
  private readonly frontSkin: readonly P2[];
  private readonly aorta: P3[];
  private readonly aortaBox: Box3;
  private readonly vessels: { path: P3[]; box: Box3 }[];
  private readonly heart: { y: number; z: number };
  private readonly dome: { y: number; z: number; kPost: number; kAnt: number };
  private readonly sternum: { top: number; angle: number; bottom: number };
  private readonly sCarina: number;
  private readonly sHiatus: number;
  private readonly seedLung: number;

  constructor(seed: number, anchor: { y: number; z: number }) {
    this.th = buildThoracic(seed, anchor);
    this.spine = this.th.spine;
    const V = (n: string): Vertebra => this.th.byName.get(n)!;
    const vs = this.spine.vertebrae;
    this.seedLung = hashString(`${seed}/lung`);
    // Spine coordinates (s, e in front of the bodies, x) -> patient point.
    const at = (s: number, e: number, x: number, r: number): P3 => {
      const c = this.spine.curve.at(s);
      const k = -(this.th.depthAt(s) + e);
      return { x, y: c.y + k * c.ny, z: c.z + k * c.nz, r };
    };

    const back: P2[] = [];
    const front: P2[] = [];
    const A: Readonly<Record<string, number>> = { T1: 88, T2: 104, T3: 122, T4: 135, T5: 145, T6: 150, T7: 153, T8: 155, T9: 155, T10: 152, T11: 148, T12: 145, L1: 140, L2: 138 };
    for (const v of vs) {
      const pe = v.spec.pe!;
      const a = (pe.spAngleDeg * Math.PI) / 180;
      const tip = v.toPatient(pe.spBaseU + pe.spLength * Math.sin(a), pe.canalDepth + 1 + pe.spLength * Math.cos(a));
      back.push({ y: tip.y + 15 * v.ny, z: tip.z + 15 * v.nz });
      const f = v.toPatient(0, -v.spec.depth);
      front.push({ y: f.y - (A[v.spec.name] ?? 140), z: f.z });
    }
    const ext = (pts: P2[]): P2[] => {
      const a = pts[0]!;
      const b = pts[pts.length - 1]!;
      return [{ y: a.y + 4, z: a.z + 50 }, ...pts, { y: b.y, z: b.z - 50 }];
    };
    this.backSkin = assertCaudal(smoothPolyline(ext(back), 2), 'CT back skin');
    const fr = ext(front);
    fr[0] = { y: front[0]!.y + 25, z: front[0]!.z + 50 }; // the neck above the sternal notch
    this.frontSkin = assertCaudal(smoothPolyline(fr, 2), 'CT front skin');

    const sc = (n: string): number => V(n).sCentre;
    this.sCarina = sc('T5') - 3;
    this.sHiatus = sc('T10') + 10;
    this.aorta = [
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
    ];
    this.aortaBox = boxOf(this.aorta);
    const top = vs[0]!.sTop - 40;
    this.vessels = [
      [at(top, 62, -9, 6.5), at(sc('T3') + 2, 62, -7, 7)], // brachiocephalic trunk
      [at(top, 50, 1, 4.5), at(sc('T3') + 4, 52, 1, 5)], // left common carotid
      [at(top, 40, 10, 5), at(sc('T4') - 4, 38, 8, 5.5)], // left subclavian
    ].map((path) => ({ path, box: boxOf(path) }));
    const t8 = V('T8');
    const f8 = t8.toPatient(0, -t8.spec.depth);
    const heartY = f8.y - 80;
    this.heart = { y: heartY, z: t8.oz - 4 };
    const zT9 = V('T9').oz;
    const spineFront = V('T11').toPatient(0, -V('T11').spec.depth);
    const zT12 = V('T12').oz;
    const ySternumBack = f8.y - 155 + 21;
    const zXiphoid = V('T10').oz - 5;
    this.dome = {
      y: heartY,
      z: zT9 - 10,
      kPost: (zT9 - 10 - zT12) / (spineFront.y - heartY) ** 2,
      kAnt: (zT9 - 10 - zXiphoid) / (heartY - ySternumBack) ** 2,
    };
    this.sternum = { top: (V('T2').oz + V('T3').oz) / 2, angle: (V('T4').oz + V('T5').oz) / 2, bottom: zXiphoid };
  }

  plane(y: number, z: number): PlanePoint {
    const p: PlanePoint = {
      y,
      z,
      s: 0,
      d: 0,
      k: 0,
      uv: EMPTY,
      uo: 0,
      back: -polyDistance(this.backSkin, y, z).side,
      front: polyDistance(this.frontSkin, y, z).side,
      aux: 0,
      aux2: 0,
      wx: 0,
      wy: 0,
      wz: 0,
    };
    return this.spine.fillPlane(p);
  }

  slabLevel(p: PlanePoint): number {
    return p.d > -3 && p.d < this.spine.canal.depth(p.s) + 3 ? 1 : 0;
  }

  classify(x: number, p: PlanePoint): number {
    const t = this.spine.classify(x, p);
    if (t >= 0) return t;
    if (p.back < -6 || p.front < 0) return Tissue.AIR;
    const px = Math.abs(x);
    const back = p.back + 4 * (1 - Math.exp(-((x / 14) ** 2)));
    if (back < 0 || p.front < 0) return Tissue.AIR;
    if (back < 2 || p.front < 2) return Tissue.SKIN;
    if (back < 12 || p.front < 10) return Tissue.FAT;
    // Anterior chest wall: sternum (manubrium, joint at the sternal angle, body), pectoral/rectus muscle.
    const st = this.sternum;
    if (p.front < 22) {
      const hw = p.z > st.angle ? 22 : 14;
      const sd = roundBox3(interval(p.front, 10, 21), px - hw, interval(p.z, st.bottom, st.top), 3);
      if (sd < 0) {
        if (Math.abs(p.z - st.angle) < 1.3) return Tissue.DISC;
        return sd > -1.4 ? Tissue.CORTEX : Tissue.MARROW;
      }
      if (p.front < 18) return Tissue.MUSCLE;
    }
    if (p.front < 24) return Tissue.FAT;
    const W = this.th.widthAt(p.s);
    const D = this.th.depthAt(p.s);
    const e = -p.d - D;
    if (p.d > -2 && (px < W + 2 || p.d > 10)) {
      if (px < 2.5 && p.d > this.spine.canal.back(p.s, 0) + 2) return Tissue.INTERSPINOUS;
      return fatStreak(this.seedLung + 31, x, p.d, p.s, 0.04) ? Tissue.FAT : Tissue.MUSCLE;
    }
    // Diaphragm and the liver below it.
    const dm = this.dome;
    const dy = p.y - dm.y;
    const zDome = dm.z - (dy > 0 ? dm.kPost : dm.kAnt) * dy * dy - 6 * Math.tanh(x / 20);
    const aorta = tubeSdf(this.aorta, this.aortaBox, x, p.y, p.z);
    if (p.z < zDome) {
      if (aorta < 0) return Tissue.BLOOD;
      if (e < 26) return e > 0 && e < 6 && px > 3 ? Tissue.MUSCLE : Tissue.FAT; // crura, retrocrural fat
      return p.z > zDome - 4 ? Tissue.MUSCLE : Tissue.VISCERA;
    }
    // Heart: an oval tilted with its apex forward and down, sitting on a pad of epicardial fat.
    const hy = p.y - this.heart.y;
    const hz = p.z - this.heart.z;
    const ha = 0.8 * hy - 0.6 * hz;
    const hb = 0.6 * hy + 0.8 * hz;
    const h = ellipsoid(ha, hb, x - 12, 58, 44, 60);
    if (h < 0 && p.z < zDome + 5) return Tissue.FAT;
    if (aorta < 0) return aorta > -1.8 ? Tissue.MUSCLE : Tissue.BLOOD; // aortic wall (smooth muscle), then blood
    if (h < 0) return heartTissue(ha, hb, x - 12, h);
    for (const v of this.vessels) if (tubeSdf(v.path, v.box, x, p.y, p.z) < 0) return Tissue.BLOOD;
    // Epicardial fat (thicker towards the apex), the fibrous pericardium as a thin soft-tissue line,
    // then a little paracardial fat: on CT the line shows wherever fat lies on both sides of it.
    const epi = 2.2 + 2.5 * clamp(-ha / 58, 0, 1);
    if (h < epi) return Tissue.FAT;
    if (h < epi + 1.1) return Tissue.LIGAMENT; // pericardium
    if (h < epi + 1.1 + 2 * (1 + noise3(this.seedLung + 9, x, p.y, p.z, 20))) return Tissue.FAT; // paracardial fat
    if (p.s < this.sCarina + 28) {
      const tr = this.airway(x, e, p.s);
      if (tr >= 0) return tr;
    }
    if (p.s < this.sHiatus) {
      const q = ((e - 8) / 5.5) ** 2 + ((x - 2) / 8) ** 2;
      if (q < 1) return q < 0.08 ? Tissue.GAS : Tissue.BOWEL; // oesophagus
    }
    if (p.s > this.sCarina && ((e - 3) / 3.5) ** 2 + ((x + 7) / 3.5) ** 2 < 1) return Tissue.BLOOD; // azygos
    // Mediastinal fat out to a half-width that varies smoothly: wide in the superior mediastinum,
    // narrow behind the heart and at the anterior junction line; lung beyond it.
    const sup = 1 - smoothstep(this.sCarina - 5, this.sCarina + 25, p.s);
    const post = 1 - smoothstep(20, 40, e);
    const junction = (1 - smoothstep(35, 60, p.front)) * smoothstep(this.heart.z + 20, this.heart.z + 60, p.z);
    let M = 8 + 9 * sup * (1 - post) + (x > 0 ? 3 : 0) * post;
    M = M * (1 - junction) + 3 * junction;
    M += 2 * noise3(this.seedLung + 5, 0, p.y, p.z, 25);
    if (px < M) return Tissue.FAT;
    // Lung vessels: branching tubes along the zero set of a smooth field, widest by the hila (next to
    // the heart and mediastinum) and tapering towards the periphery, plus finer branches there.
    const v = noise3(this.seedLung, x, p.y, p.z, 11);
    const width = 0.014 + 0.045 * Math.exp(-Math.max(0, h) / 35);
    if (Math.abs(v) < width) return Tissue.LUNG_VESSEL;
    return Math.abs(noise3(this.seedLung + 3, x, p.y, p.z, 5)) < 0.012 ? Tissue.LUNG_VESSEL : Tissue.LUNG;
  }

  /** Trachea down to the carina, then the main bronchi heading out of the mid-sagittal slab. */
  private airway(x: number, e: number, s: number): number {
    let q: number;
    if (s < this.sCarina) q = Math.hypot((e - 27) / 10, x / 10);
    else {
      const off = 2 + (s - this.sCarina) * 0.9;
      q = Math.min(Math.hypot((e - 25) / 6.5, (x - off) / 6.5), Math.hypot((e - 25) / 6.5, (x + off) / 6.5));
    }
    if (q < 0.84) return Tissue.GAS;
    if (q < 1) return Tissue.LIGAMENT; // cartilage rings
    return -1;
  }
}
