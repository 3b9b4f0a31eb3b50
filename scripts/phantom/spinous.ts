/**
 * Spinous processes in their vertebra's frame (u caudal, v posterior, px = |x|): the shape differs
 * by region, so it lives apart from the rest of the arch.
 */
import { clamp, ellipsoid, interval, roundBox3, smin, smoothstep } from './sdf';
import type { PosteriorSpec } from './vertebra';

/**
 * Spinous process, along an axis tilted caudally by spAngle from the lamina. Lumbar: a broad
 * hatchet whose lower border drops towards a thick, rounded posterior end. Thoracic: a long
 * slender blade tapering to a small tubercle.
 */
export function spinousSdf(pe: PosteriorSpec, u: number, v: number, px: number): number {
  const a = (pe.spAngleDeg * Math.PI) / 180;
  const du = Math.sin(a);
  const dv = Math.cos(a);
  const u0 = pe.spBaseU;
  const v0 = pe.canalDepth + 1;
  const along = (u - u0) * du + (v - v0) * dv;
  const perp = -(u - u0) * dv + (v - v0) * du; // positive on the cranial side
  const L = pe.spLength;
  const t = clamp(along / L, 0, 1);
  const H = pe.spHeight / 2;
  if (pe.spTip >= 1) {
    const up = H * (0.78 + 0.12 * t);
    const low = H * (0.72 + (pe.spTip - 0.72) * smoothstep(0.25, 1, t));
    const w = pe.spHalfWidth * (0.85 + 0.4 * smoothstep(0.55, 1, t));
    const r = Math.min(0.6 * (up + low) * 0.5, 5);
    return roundBox3(interval(along, 0, L), interval(perp, -low, up), px - w, r);
  }
  const half = H * (1 - (1 - pe.spTip) * t);
  const blade = roundBox3(interval(along, 0, L - 2), Math.abs(perp) - half, px - pe.spHalfWidth * (1 - 0.3 * t), Math.min(half, 2));
  const tr = Math.max(2.4, 1.25 * H * pe.spTip);
  const tubercle = ellipsoid(along - (L - 2.5), perp + 0.3 * tr, px, 3.2, tr, pe.spHalfWidth + 0.6);
  return smin(blade, tubercle, 1.5);
}
