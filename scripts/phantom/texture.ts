/**
 * Smooth value noise: the "biology" that keeps tissues from looking like flat paint (marrow
 * heterogeneity, bowel loops, lung vessels). Lattice values come from an integer hash, so the
 * field depends only on the seed and the position in millimetres.
 */
import { mix32 } from './rng';

/** One multiply-xor per axis and a single finaliser: plenty for texture, and it runs 10^8 times. */
function hash3(seed: number, ix: number, iy: number, iz: number): number {
  return mix32((Math.imul(ix, 0x8da6b343) ^ Math.imul(iy, 0xd8163841) ^ Math.imul(iz, 0xcb1ab31f) ^ seed) | 0);
}

function lattice(seed: number, ix: number, iy: number, iz: number): number {
  return hash3(seed, ix, iy, iz) / 2147483648 - 1; // [-1, 1)
}

function fade(t: number): number {
  return t * t * (3 - 2 * t);
}

/** Value noise in about [-1, 1] with lattice spacing `scale` mm. */
export function noise3(seed: number, x: number, y: number, z: number, scale: number): number {
  const fx = x / scale;
  const fy = y / scale;
  const fz = z / scale;
  const ix = Math.floor(fx);
  const iy = Math.floor(fy);
  const iz = Math.floor(fz);
  const tx = fade(fx - ix);
  const ty = fade(fy - iy);
  const tz = fade(fz - iz);
  const c000 = lattice(seed, ix, iy, iz);
  const c100 = lattice(seed, ix + 1, iy, iz);
  const c010 = lattice(seed, ix, iy + 1, iz);
  const c110 = lattice(seed, ix + 1, iy + 1, iz);
  const c001 = lattice(seed, ix, iy, iz + 1);
  const c101 = lattice(seed, ix + 1, iy, iz + 1);
  const c011 = lattice(seed, ix, iy + 1, iz + 1);
  const c111 = lattice(seed, ix + 1, iy + 1, iz + 1);
  const x00 = c000 + (c100 - c000) * tx;
  const x10 = c010 + (c110 - c010) * tx;
  const x01 = c001 + (c101 - c001) * tx;
  const x11 = c011 + (c111 - c011) * tx;
  const y0 = x00 + (x10 - x00) * ty;
  const y1 = x01 + (x11 - x01) * ty;
  return y0 + (y1 - y0) * tz;
}

/** Two octaves: enough irregularity for organ boundaries without costing much. */
export function fbm3(seed: number, x: number, y: number, z: number, scale: number): number {
  return 0.7 * noise3(seed, x, y, z, scale) + 0.3 * noise3(seed + 7919, x, y, z, scale * 0.45);
}

export interface Cells {
  f1: number; // distance to the nearest feature point (mm)
  f2: number; // distance to the second nearest
  id: number; // hash of the nearest cell, to vary what fills it
}

/**
 * Cellular (Worley) noise: jittered feature points on a `cell` mm lattice. Packed bowel loops are
 * its cells, mesenteric fat runs along the borders (where f2 - f1 is small). Only the 2x2x2 cells
 * nearest the point are searched; with jitter kept inside the middle of each cell that is exact
 * enough for texture.
 */
const scratch: Cells = { f1: 0, f2: 0, id: 0 };

/** Note: returns a shared object (no allocation per call); read it before the next call. */
export function cells3(seed: number, x: number, y: number, z: number, cell: number): Cells {
  const fx = x / cell;
  const fy = y / cell;
  const fz = z / cell;
  const bx = Math.round(fx) - 1;
  const by = Math.round(fy) - 1;
  const bz = Math.round(fz) - 1;
  let f1 = Infinity;
  let f2 = Infinity;
  let id = 0;
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) {
      for (let k = 0; k < 2; k++) {
        const cx = bx + i;
        const cy = by + j;
        const cz = bz + k;
        const h = hash3(seed, cx, cy, cz);
        const px = cx + 0.2 + 0.6 * ((h & 1023) / 1023);
        const py = cy + 0.2 + 0.6 * (((h >>> 10) & 1023) / 1023);
        const pz = cz + 0.2 + 0.6 * (((h >>> 20) & 1023) / 1023);
        const d = (fx - px) * (fx - px) + (fy - py) * (fy - py) + (fz - pz) * (fz - pz); // squared, in cells
        if (d < f1) {
          f2 = f1;
          f1 = d;
          id = h;
        } else if (d < f2) {
          f2 = d;
        }
      }
    }
  }
  scratch.f1 = Math.sqrt(f1) * cell;
  scratch.f2 = Math.sqrt(f2) * cell;
  scratch.id = id;
  return scratch;
}

/**
 * Fat streaks in skeletal muscle: thin sheets of fat between fascicles, elongated along the muscle
 * (here along the spine, s). True where a point of a muscle is fat instead.
 */
export function fatStreak(seed: number, x: number, d: number, s: number, share: number): boolean {
  // A slow mask keeps streaks to patches and lets each one taper to nothing at its ends (the zero
  // set of one noise alone draws closed contour lines); a small warp makes their course irregular.
  const mask = noise3(seed + 7, x, d, s * 0.35, 9);
  if (mask < 0) return false;
  const w = share * Math.min(1, 1.8 * mask);
  const warp = 1.6 * noise3(seed + 13, x, d, s, 3);
  return Math.abs(noise3(seed, x + warp, d - warp, s * 0.22, 5)) < w;
}
