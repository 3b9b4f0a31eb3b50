/**
 * The anterior chest wall of the CT: the sternum (manubrium, body, xiphoid) with a cortical rim around
 * a cancellous core, the manubriosternal and xiphisternal joints, the costal cartilages meeting its
 * lateral borders (cut by the paramedian slices as ovals), and the pectoral muscle, thin at the midline.
 */
import { clamp, interval, lerp, roundBox3, smoothstep } from './sdf';
import { Rng } from './rng';
import { noise3 } from './texture';
import { Tissue } from './tissues';

const FRONT = 9; // sternum's anterior surface, depth inside the skin (mm)

export class Sternum {
  private readonly cartilages: { z: number; h: number; a: number; slope: number }[]; // costal cartilages 1-7

  /** Heights: top of the manubrium, sternal angle, xiphisternal joint, tip of the xiphoid. */
  constructor(
    private readonly seed: number,
    private readonly top: number,
    private readonly angle: number,
    private readonly joint: number,
    private readonly tip: number,
  ) {
    const body = angle - joint;
    // Where each meets the sternum, its half-height and half-depth, and its course (the upper ones run
    // out nearly level, the lower ones drop): no two alike, the first the stoutest.
    const rng = new Rng(seed, 'ct/costal-cartilage');
    this.cartilages = [top - 12, angle, ...[0.22, 0.42, 0.6, 0.78, 0.94].map((f) => angle - f * body)].map((z, k) => ({
      z,
      h: (k === 0 ? 7 : 5.2) * rng.range(0.85, 1.15),
      a: (k === 0 ? 5.5 : 4.6) * rng.range(0.85, 1.15),
      slope: 0.1 + 0.06 * k + rng.range(-0.04, 0.04),
    }));
  }

  /** Deepest extent of the wall here (depth inside the skin), where the mediastinum begins. */
  depth(z: number): number {
    return FRONT + this.thickness(z) + 3;
  }

  /** Antero-posterior thickness of the bone at height z, with a slight waist between sternebrae. */
  private thickness(z: number): number {
    if (z > this.angle) return lerp(12, 15, clamp((z - this.angle) / (this.top - this.angle), 0, 1));
    if (z > this.joint) {
      const f = (this.angle - z) / (this.angle - this.joint);
      return 10.5 - 1.2 * f - 0.8 * Math.exp(-((((f * 4) % 1) - 0.5) ** 2) / 0.01);
    }
    return lerp(3, 7, clamp((z - this.tip) / (this.joint - this.tip), 0, 1));
  }

  private halfWidth(z: number): number {
    if (z > this.angle) return lerp(19, 26, clamp((z - this.angle) / (this.top - this.angle), 0, 1));
    if (z > this.joint) {
      const f = (this.angle - z) / (this.angle - this.joint);
      return 11.5 + 2.5 * Math.sin(Math.PI * f * 0.8);
    }
    return lerp(3, 10, clamp((z - this.tip) / (this.joint - this.tip), 0, 1));
  }

  /** Tissue at depth `front` inside the anterior skin, or -1 behind the wall. */
  classify(x: number, front: number, z: number): number {
    const px = Math.abs(x);
    const T = this.thickness(z);
    const hw = this.halfWidth(z);
    const sd = roundBox3(interval(front, FRONT, FRONT + T), px - hw, interval(z, this.tip, this.top), 2.5);
    if (sd < 0) {
      if (Math.abs(z - this.angle) < 0.9 || Math.abs(z - this.joint) < 0.6) return Tissue.DISC; // fibrocartilage joints
      if (z < this.joint - 0.5 * (this.joint - this.tip)) return Tissue.CARTILAGE; // the xiphoid's unossified tip
      // The cortex is thicker in front than behind, and uneven: a rim of constant width reads as drawn.
      const rim = 0.75 + 0.6 * clamp((FRONT + T / 2 - front) / (T / 2), 0, 1) + 0.35 * noise3(this.seed, x, front, z, 4);
      return sd > -rim ? Tissue.CORTEX : Tissue.STERNUM_MARROW;
    }
    // Costal cartilages: each leaves the sternal border and runs laterally and a little downwards.
    if (px > hw - 5 && z > this.tip) {
      for (const c of this.cartilages) {
        const zc = c.z - c.slope * Math.max(0, px - hw);
        const q = ((front - FRONT - T / 2) / c.a) ** 2 + ((z - zc) / c.h) ** 2;
        if (q < 1) return Tissue.CARTILAGE;
      }
    }
    // Pectoralis major over the wall, thin at the midline where only its aponeurosis crosses.
    if (front < FRONT && front > FRONT - 7 * smoothstep(6, 30, px)) return Tissue.MUSCLE;
    if (px > hw && front >= FRONT && front < FRONT + T) return Tissue.MUSCLE; // intercostal muscle between cartilages
    return front < FRONT ? Tissue.FAT : -1;
  }
}
