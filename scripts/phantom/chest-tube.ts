/** Tubes in 3-D (polylines with a radius per vertex) for the chest's vessels and airways. */

export interface P3 {
  x: number;
  y: number;
  z: number;
  r: number;
}

/** Bounding box of a tube, for a cheap early exit. */
export type Box3 = readonly [number, number, number, number, number, number];

export function boxOf(path: readonly P3[]): Box3 {
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

/** Distance to a capsule from a to b whose radius runs linearly from ra to rb (minus that radius). */
export function capsule(ax: number, ay: number, az: number, ra: number, bx: number, by: number, bz: number, rb: number, x: number, y: number, z: number): number {
  const ex = bx - ax;
  const ey = by - ay;
  const ez = bz - az;
  const l2 = ex * ex + ey * ey + ez * ez;
  let f = l2 > 0 ? ((x - ax) * ex + (y - ay) * ey + (z - az) * ez) / l2 : 0;
  f = f < 0 ? 0 : f > 1 ? 1 : f;
  const dx = x - ax - f * ex;
  const dy = y - ay - f * ey;
  const dz = z - az - f * ez;
  return Math.sqrt(dx * dx + dy * dy + dz * dz) - (ra + f * (rb - ra));
}

/** Distance to a tube (distance minus radius). */
export function tubeSdf(path: readonly P3[], bb: Box3, x: number, y: number, z: number): number {
  const far = Math.max(bb[0] - x, x - bb[1], bb[2] - y, y - bb[3], bb[4] - z, z - bb[5]);
  if (far > 0) return far; // outside the tube's bounding box
  let best = Infinity;
  for (let i = 0; i < path.length - 1; i++) {
    const a = path[i]!;
    const b = path[i + 1]!;
    const d = capsule(a.x, a.y, a.z, a.r, b.x, b.y, b.z, b.r, x, y, z);
    if (d < best) best = d;
  }
  return best;
}

export interface Tube {
  path: P3[];
  box: Box3;
}

export function tube(path: P3[]): Tube {
  return { path, box: boxOf(path) };
}
