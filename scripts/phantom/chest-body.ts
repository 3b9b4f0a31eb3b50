/**
 * The CT phantom's chest around the thoracic spine: the envelope (skin, fat, back muscles), and the
 * order in which the chest's parts claim a point: chest wall (`chest-wall.ts`), diaphragm with the
 * liver and stomach below it, heart (`chest-heart.ts`), mediastinum (`chest-mediastinum.ts`),
 * mediastinal fat, and the lungs (`chest-lung.ts`).
 */
import { assertCaudal, polyDistance, smoothPolyline, type P2 } from './polyline';
import type { PhantomModel } from './render';
import { hashString } from './rng';
import { ellipsoid, smoothstep } from './sdf';
import { Heart } from './chest-heart';
import { Lungs } from './chest-lung';
import { Mediastinum } from './chest-mediastinum';
import { tube, tubeSdf, type P3, type Tube } from './chest-tube';
import { Sternum } from './chest-wall';
import type { PlanePoint } from './canal';
import type { SpineModel } from './spine';
import { fatStreak, noise3 } from './texture';
import { buildThoracic, type Thoracic } from './thoracic';
import { Tissue } from './tissues';
import type { Vertebra } from './vertebra';

const EMPTY = new Float64Array(0);

export class ThoracicPhantom implements PhantomModel {
  readonly th: Thoracic;
  readonly spine: SpineModel;
  private readonly backSkin: readonly P2[];
  private readonly frontSkin: readonly P2[];
  private readonly heart: Heart;
  private readonly med: Mediastinum;
  private readonly lungs: Lungs;
  private readonly sternum: Sternum;
  private readonly dome: { y: number; z: number; kPost: number; kAnt: number };
  private readonly stomach: { x: number; y: number; z: number; level: number };
  private readonly liverVeins: Tube[];
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
    this.med = new Mediastinum(this.seedLung + 50, at, sc);
    const t8 = V('T8');
    const f8 = t8.toPatient(0, -t8.spec.depth);
    const heartY = f8.y - 80;
    this.heart = new Heart(this.seedLung + 60, heartY, t8.oz - 4);
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
    this.sternum = new Sternum(this.seedLung + 80, (V('T2').oz + V('T3').oz) / 2, (V('T4').oz + V('T5').oz) / 2, zXiphoid + 14, zXiphoid - 22);
    // The gastric fundus under the left dome: gas rises to its front (the patient lies supine).
    const fundus = at(sc('T11'), 40, 44, 0);
    this.stomach = { x: fundus.x, y: fundus.y, z: fundus.z, level: fundus.y - 12 };
    // The IVC through the back of the liver to the right atrium, and the hepatic veins fanning out
    // from it forwards and down (a little under the liver's density on a plain CT).
    const ivcTop = at(sc('T9') + 6, 42, -16, 11);
    this.liverVeins = [
      [at(sc('L2'), 32, -18, 10), at(sc('T11'), 36, -17, 11), ivcTop],
      [at(sc('T10') - 4, 46, -14, 5), at(sc('T11') + 10, 90, -10, 3), at(sc('L1') + 10, 130, -6, 1.5)], // middle
      [at(sc('T10') - 4, 46, -4, 4.5), at(sc('T11') + 4, 80, 14, 3), at(sc('T12') + 16, 120, 30, 1.5)], // left
      [at(sc('T10'), 44, -24, 5), at(sc('T11') + 14, 70, -40, 3.5), at(sc('L1') + 10, 90, -60, 2)], // right
    ].map(tube);
    const hil = at(sc('T6') + 4, 42, 0, 0);
    const vein = at(sc('T8') - 4, 34, 0, 0);
    const fTop = at(sc('T4'), -22, 0, 0);
    const fBot = at(sc('T10'), 110, 0, 0);
    this.lungs = new Lungs(this.seedLung + 70, {
      hilumY: hil.y,
      hilumZ: hil.z,
      veinY: vein.y,
      veinZ: vein.z,
      fissureTop: fTop,
      fissureBottom: fBot,
      horizontalZ: at(sc('T7'), 0, 0, 0).z,
      front: ySternumBack,
      back: spineFront.y + 30,
    });
  }

  /** Extra HU of aerated lung at depth y (the dependent gradient; applied after rendering). */
  dependentHu(y: number): number {
    return this.lungs.dependentHu(y);
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
    if (back < 12 || p.front < 4) return Tissue.FAT; // in front, the wall (chest-wall.ts) has its own fat and muscle
    // Anterior chest wall: the sternum and costal cartilages; below the xiphoid, the rectus sheath.
    if (p.front < this.sternum.depth(p.z)) {
      const w = this.sternum.classify(x, p.front, p.z);
      if (w >= 0) return w;
    } else if (p.front < 22 && p.z < this.dome.z - 60) return p.front < 18 ? Tissue.MUSCLE : Tissue.FAT;
    const W = this.th.widthAt(p.s);
    const D = this.th.depthAt(p.s);
    const e = -p.d - D;
    if (p.d > -2 && (px < W + 2 || p.d > 10)) {
      if (px < 2.5 && p.d > this.spine.canal.back(p.s, 0) + 2) return Tissue.INTERSPINOUS;
      // The fascial plane between the superficial layer (trapezius, rhomboids) and the deep erector
      // spinae: a thin sheet of fat of uneven thickness, some way under the subcutaneous fat.
      const plane = back - 19 - 3 * noise3(this.seedLung + 33, x, p.y, p.z, 30);
      if (plane > 0 && plane < 0.7 + 0.6 * noise3(this.seedLung + 35, x, p.y, p.z, 12)) return Tissue.FAT;
      // A second, deeper plane between the erector spinae and the transversospinalis beside the arches.
      const deep = back - 38 - 4 * noise3(this.seedLung + 37, x, p.y, p.z, 40);
      if (px > 8 && deep > 0 && deep < 0.6 + 0.7 * noise3(this.seedLung + 39, x, p.y, p.z, 10)) return Tissue.FAT;
      return fatStreak(this.seedLung + 31, x, p.d, p.s, 0.07) ? Tissue.FAT : Tissue.MUSCLE;
    }
    // Diaphragm and the upper abdomen below it: liver, and the gastric fundus on the left.
    const dm = this.dome;
    const dy = p.y - dm.y;
    const zDome = dm.z - (dy > 0 ? dm.kPost : dm.kAnt) * dy * dy - 6 * Math.tanh(x / 20);
    const aorta = tubeSdf(this.med.aorta.path, this.med.aorta.box, x, p.y, p.z);
    if (p.z < zDome) {
      if (aorta < 0) return this.med.aortaTissue(x, p.y, p.z, p.s, aorta);
      // Crura and retrocrural fat; the fat's front edge wanders (a straight band along the spine reads as drawn).
      if (e < 24 + 5 * noise3(this.seedLung + 41, x, p.y, p.z, 18)) return e > 0 && e < 6 && px > 3 ? Tissue.MUSCLE : Tissue.FAT;
      if (p.z > zDome - 4) return Tissue.MUSCLE;
      const st = this.stomach;
      const g = ellipsoid(x - st.x, p.y - st.y, p.z - st.z, 36, 34, 30);
      if (g < 0) return g > -3 ? Tissue.BOWEL : p.y < st.level ? Tissue.GAS : Tissue.BOWEL; // wall, gas over fluid
      if (g < 3) return Tissue.FAT;
      for (let k = 0; k < this.liverVeins.length; k++) {
        const v = this.liverVeins[k]!;
        if (tubeSdf(v.path, v.box, x, p.y, p.z) < 0) return k === 0 ? Tissue.IVC : Tissue.VEIN;
      }
      return Tissue.VISCERA;
    }
    // The heart sits on a pad of epicardial fat on the diaphragm.
    const h = this.heart.outline(x, p.y, p.z);
    if (h < 0 && p.z < zDome + 5) return Tissue.FAT;
    const air = this.med.airway(x, p.y, p.z);
    if (air >= 0) return air;
    const ao = this.med.aortaTissue(x, p.y, p.z, p.s, aorta);
    if (ao >= 0) return ao;
    if (h < 6) {
      const ht = this.heart.classify(x, p.y, p.z, h);
      if (ht >= 0) return ht;
    }
    if (this.heart.inVein(x, p.y, p.z)) return Tissue.BLOOD;
    const m = this.med.classify(x, p.y, p.z, e, p.s);
    if (m >= 0) return m;
    // Mediastinal fat out to a half-width that varies smoothly: wide in the superior mediastinum,
    // narrow behind the heart and at the anterior junction line; lung beyond it.
    const sCarina = this.med.sCarina;
    const sup = 1 - smoothstep(sCarina - 5, sCarina + 25, p.s);
    const post = 1 - smoothstep(20, 40, e);
    const junction = (1 - smoothstep(35, 60, p.front)) * smoothstep(this.heart.z + 20, this.heart.z + 60, p.z);
    let M = 8 + 9 * sup * (1 - post) + (x > 0 ? 3 : 0) * post;
    M = M * (1 - junction) + 4.5 * junction;
    M += 2 * noise3(this.seedLung + 5, 0, p.y, p.z, 25); // (at least 2.5 mm: the lungs meet at a line, not across the midline)
    if (px < M) return this.fatStrand(x, p.y, p.z, p.front) ? Tissue.FASCIA : Tissue.FAT;
    return this.lungs.classify(x, p.y, p.z);
  }

  /**
   * Soft strands in the mediastinal fat: thin fibrous septa and small vessels everywhere, and in the
   * anterior mediastinum behind the sternum, the involuted thymus as a few more, thicker strands.
   * Each is a zero set of a warped noise, faded in and out by a slow mask so no line runs on for ever.
   */
  private fatStrand(x: number, y: number, z: number, front: number): boolean {
    const sd = this.seedLung + 90;
    const mask = noise3(sd + 1, x, y, z, 14);
    if (mask < -0.1) return false;
    const thymus = (1 - smoothstep(30, 55, front)) * smoothstep(this.heart.z + 25, this.heart.z + 55, z);
    const w = (0.025 + 0.05 * thymus) * Math.min(1, 2 * (mask + 0.1));
    const warp = 1.2 * noise3(sd + 2, x, y, z, 8);
    return Math.abs(noise3(sd, x + warp, y - warp, z * 0.7, 10)) < w;
  }
}
