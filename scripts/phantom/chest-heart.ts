/**
 * The heart of the chest CT, non-contrast: blood (~40 HU) and myocardium (~50 HU) barely differ, so
 * what gives the heart its shape is its outline and the fat in its grooves. Four chambers as
 * ellipsoids (right ventricle anterior behind the sternum, left ventricle posterior-inferior with its
 * apex on the diaphragm, left atrium posterior against the oesophagus, right atrium to the right);
 * where two chambers meet, the crease between their smooth union and their plain union is the
 * atrioventricular or interventricular groove, filled with fat and carrying a coronary artery (a few
 * calcified specks). One pericardial sac wraps them all: epicardial fat, the pericardium as a thin
 * line, then paracardial fat. The left ventricle is a spheroid along the heart's long axis, its apex
 * pointing forward, down and to the left; the left atrium is flattened between the aortic root and the
 * oesophagus, with the four pulmonary veins entering its sides.
 */
import { tube, tubeSdf, type Tube } from './chest-tube';
import { clamp } from './sdf';
import { noise3 } from './texture';
import { Tissue } from './tissues';

interface Chamber {
  x: number;
  y: number;
  z: number;
  rx: number;
  ry: number;
  rz: number;
  wall: number; // myocardium (mm)
  /** Long axis (unit) of a spheroid chamber: rx along it, ry = rz across it. Axis-aligned without one. */
  axis?: readonly [number, number, number];
}

/**
 * Ellipsoid distance by the first-order formula everywhere (sdf.ts's version returns a box bound far
 * out, which the smooth unions here would turn into straight creases).
 */
function ellipsoidFull(px: number, py: number, pz: number, rx: number, ry: number, rz: number): number {
  const ax = px / rx;
  const ay = py / ry;
  const az = pz / rz;
  const k0 = Math.sqrt(ax * ax + ay * ay + az * az);
  const k1 = Math.sqrt((ax / rx) ** 2 + (ay / ry) ** 2 + (az / rz) ** 2);
  return k1 === 0 ? -Math.min(rx, ry, rz) : (k0 * (k0 - 1)) / k1;
}

/** Smooth minimum (polynomial): rounds the crease where two solids meet, by about k mm. */
function smin(a: number, b: number, k: number): number {
  const h = clamp(0.5 + (0.5 * (b - a)) / k, 0, 1);
  return b + (a - b) * h - k * h * (1 - h);
}

export class Heart {
  private readonly rv: Chamber;
  private readonly lv: Chamber;
  private readonly la: Chamber;
  private readonly ra: Chamber;
  /** Pulmonary veins from the left atrium's sides out towards the hila. */
  readonly veins: Tube[];

  /** (y, z): the heart's centre; apex and base follow from it. */
  constructor(
    private readonly seed: number,
    readonly y: number,
    readonly z: number,
  ) {
    this.rv = { x: -2, y: y - 31, z: z - 8, rx: 36, ry: 23, rz: 33, wall: 4 };
    const ax = [0.55, -0.5, -0.67] as const;
    const n = Math.hypot(...ax);
    this.lv = { x: 20, y: y + 2, z: z - 14, rx: 44, ry: 28, rz: 28, wall: 11, axis: [ax[0] / n, ax[1] / n, ax[2] / n] };
    this.la = { x: 6, y: y + 38, z: z + 20, rx: 30, ry: 11, rz: 21, wall: 2.5 };
    this.ra = { x: -30, y: y + 8, z: z + 8, rx: 26, ry: 25, rz: 29, wall: 2.5 };
    const la = this.la;
    this.veins = [-1, 1].flatMap((side) => [
      [
        { x: la.x + side * 20, y: la.y + 2, z: la.z - 8, r: 6 },
        { x: la.x + side * 34, y: la.y + 8, z: la.z - 12, r: 5.5 },
        { x: la.x + side * 46, y: la.y + 10, z: la.z - 18, r: 5 },
      ], // inferior
      [
        { x: la.x + side * 20, y: la.y - 2, z: la.z + 8, r: 6 },
        { x: la.x + side * 34, y: la.y - 4, z: la.z + 18, r: 5.5 },
        { x: la.x + side * 46, y: la.y - 2, z: la.z + 30, r: 5 },
      ], // superior
    ]).map(tube);
  }

  /** Blood of a pulmonary vein at a point. */
  inVein(x: number, y: number, z: number): boolean {
    for (const v of this.veins) if (tubeSdf(v.path, v.box, x, y, z) < 0) return true;
    return false;
  }

  private d(c: Chamber, x: number, y: number, z: number): number {
    const px = x - c.x;
    const py = y - c.y;
    const pz = z - c.z;
    if (c.axis) {
      const a = px * c.axis[0] + py * c.axis[1] + pz * c.axis[2];
      const q = Math.sqrt(Math.max(0, px * px + py * py + pz * pz - a * a));
      return ellipsoidFull(a, q, 0, c.rx, c.ry, c.rz);
    }
    return ellipsoidFull(px, py, pz, c.rx, c.ry, c.rz);
  }

  /**
   * Signed distance to the pericardial sac: one smooth hull around all four chambers (wide creases
   * where they meet, which the grooves' fat fills) plus a layer of epicardial fat, thicker towards
   * the apex. The caller uses it for the fat pad on the diaphragm and to skip far points.
   */
  outline(x: number, y: number, z: number): number {
    const v = smin(this.d(this.rv, x, y, z), this.d(this.lv, x, y, z), 14);
    const a = smin(this.d(this.la, x, y, z), this.d(this.ra, x, y, z), 14);
    return smin(v, a, 30) - (1.8 + 2.5 * clamp((this.z - z) / 50, 0, 1));
  }

  /** Tissue at a point, or -1 outside the pericardial fat. `h` is outline(x, y, z). */
  classify(x: number, y: number, z: number, h: number): number {
    if (h >= 0) {
      // The fibrous pericardium as a thin line, then a little paracardial fat.
      // (Of uneven thickness, and lost in places where it lies on the heart without fat between.)
      const p = 0.3 + 0.55 * (1 + noise3(this.seed + 11, x, y, z, 12));
      if (h < p) return Tissue.LIGAMENT;
      if (h < p + 2 * (1 + noise3(this.seed + 9, x, y, z, 20))) return Tissue.FAT;
      return -1;
    }
    const rv = this.d(this.rv, x, y, z);
    const lv = this.d(this.lv, x, y, z);
    const la = this.d(this.la, x, y, z);
    const ra = this.d(this.ra, x, y, z);
    const v = Math.min(rv, lv);
    const a = Math.min(la, ra);
    const m = Math.min(v, a);
    if (m > 0) {
      // Epicardial fat; at the floor of a groove the coronary artery runs, calcified in a few places.
      const av = m < 3.2 && Math.abs(v - a) < 2.6 + 0.5 * noise3(this.seed + 3, x, y, z, 6);
      const iv = Math.abs(rv - lv) < 2.2 && m < 2.6;
      if (av || iv) return noise3(this.seed + 17, x, y, z, 2.5) > 0.68 ? Tissue.CALCIUM : Tissue.BLOOD;
      return Tissue.FAT;
    }
    // Myocardium around each chamber's blood; the septum where the ventricles meet.
    const c = rv < lv ? (rv < a ? this.rv : la < ra ? this.la : this.ra) : lv < a ? this.lv : la < ra ? this.la : this.ra;
    if (this.d(c, x, y, z) > -c.wall) return Tissue.MUSCLE;
    if (Math.abs(rv - lv) < 5 && Math.max(rv, lv) < 0) return Tissue.MUSCLE; // interventricular septum
    return Tissue.BLOOD;
  }
}
