/**
 * Each vertebral body's own shape, so no two levels are copies: endplate concavity (deepest in the
 * upper lumbar spine, a little behind the centre), the anterior waist, the rounding of the rims, a
 * wedge (the anterior wall shorter at the thoracolumbar junction and in the mid-thoracic kyphosis,
 * taller at L5), plus small seeded asymmetries as every real spine has. Posterior heights and AP
 * depths stay in the level tables (they place the levels); this only shapes what lies between.
 */
import { Rng } from './rng';

export interface BodyShape {
  cavityTop: number; // mm, superior endplate
  cavityBottom: number; // mm, inferior endplate
  cavityAt: number; // where the concavity is deepest, as a share of the depth from the posterior wall
  waist: number; // anterior wall concavity (share of the depth at mid-height)
  waistLat: number; // lateral wall concavity (share of the half-width)
  rim: number; // rounding radius where endplates meet the walls (mm)
  wedge: number; // anterior minus posterior height (mm)
  tiltTop: number; // extra anterior height of the superior endplate only (mm): asymmetry
  tiltBottom: number;
}

type Base = [cavityTop: number, cavityBottom: number, waist: number, rim: number, wedge: number];

// Sagittal measurements, rounded, as textbooks and morphometric series give them: endplate concavity
// 1-2.5 mm (deepest at L1-L3, flatter in the thoracic spine and at L5), anterior heights 1-2 mm less
// than posterior at T5-L1 (physiological wedging), L5 about 3-5 mm taller in front.
const BASE: Readonly<Record<string, Base>> = {
  T1: [0.9, 1.0, 0.04, 2.0, -0.3],
  T2: [1.0, 1.0, 0.04, 2.0, -0.5],
  T3: [1.0, 1.1, 0.05, 2.2, -0.8],
  T4: [1.1, 1.1, 0.05, 2.2, -1.0],
  T5: [1.1, 1.2, 0.05, 2.3, -1.3],
  T6: [1.2, 1.2, 0.06, 2.4, -1.5],
  T7: [1.2, 1.3, 0.06, 2.4, -1.6],
  T8: [1.3, 1.3, 0.06, 2.5, -1.5],
  T9: [1.3, 1.4, 0.06, 2.6, -1.2],
  T10: [1.4, 1.5, 0.06, 2.6, -1.0],
  T11: [1.5, 1.6, 0.07, 2.8, -1.4],
  T12: [1.7, 1.8, 0.07, 2.9, -2.0],
  L1: [2.3, 2.0, 0.09, 3.0, -1.6],
  L2: [2.5, 2.2, 0.1, 3.2, -0.7],
  L3: [2.1, 2.0, 0.1, 3.4, 0.3],
  L4: [1.7, 1.6, 0.085, 3.5, 1.2],
  L5: [1.3, 1.1, 0.07, 3.6, 4.5],
};

const FLAT: BodyShape = { cavityTop: 0, cavityBottom: 0, cavityAt: 0.45, waist: 0.085, waistLat: 0.06, rim: 3.2, wedge: 0, tiltTop: 0, tiltBottom: 0 };

/** The shape of one level's body; sacral and coccygeal segments keep flat fused ends. */
export function bodyShape(seed: number, name: string): BodyShape {
  const b = BASE[name];
  if (!b) return FLAT;
  const r = new Rng(seed, `body-shape/${name}`);
  const j = (spread: number): number => 1 + spread * (2 * r.float() - 1);
  return {
    cavityTop: b[0] * j(0.18),
    cavityBottom: b[1] * j(0.18),
    cavityAt: 0.42 + 0.08 * r.float(),
    waist: b[2] * j(0.25),
    waistLat: 0.05 * j(0.3),
    rim: b[3] * j(0.15),
    wedge: b[4] + 0.4 * (2 * r.float() - 1),
    tiltTop: 0.5 * (2 * r.float() - 1),
    tiltBottom: 0.5 * (2 * r.float() - 1),
  };
}

/** A level's body detail: its shape, its shell (walls ~0.6 mm, endplates ~1 mm) and where its basivertebral vein enters. */
export function levelBody(seed: number, name: string, kind: 'T' | 'L' | 'S' | 'Co'): { shape: BodyShape; shell: { wall: number; endplate: number }; bvLevel: number } {
  const fused = kind === 'S' || kind === 'Co';
  const r = new Rng(seed, `basivertebral/${name}`);
  return { shape: bodyShape(seed, name), shell: fused ? { wall: 0.9, endplate: 0.9 } : { wall: 0.55, endplate: 1.15 }, bvLevel: 1.6 * (2 * r.float() - 1) };
}

/** Spinous processes differ level to level (length and height by about a tenth) beyond the table's trend. */
export function jitterSpinous<T extends { spLength: number; spHeight: number; spHalfWidth: number }>(seed: number, name: string, pe: T): T {
  const r = new Rng(seed, `spinous/${name}`);
  const j = (spread: number): number => 1 + spread * (2 * r.float() - 1);
  return { ...pe, spLength: pe.spLength * j(0.08), spHeight: pe.spHeight * j(0.1), spHalfWidth: pe.spHalfWidth * j(0.12) };
}
