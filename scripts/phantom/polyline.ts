/** Open polylines in the sagittal (y, z) plane: skin contours, the rectal axis. */

export interface P2 {
  y: number;
  z: number;
}

/** Chaikin corner cutting: turns a few control points into a smooth contour. */
export function smoothPolyline(pts: readonly P2[], iterations: number): P2[] {
  let cur = pts.slice();
  for (let it = 0; it < iterations; it++) {
    const next: P2[] = [cur[0]!];
    for (let i = 0; i < cur.length - 1; i++) {
      const a = cur[i]!;
      const b = cur[i + 1]!;
      next.push({ y: 0.75 * a.y + 0.25 * b.y, z: 0.75 * a.z + 0.25 * b.z });
      next.push({ y: 0.25 * a.y + 0.75 * b.y, z: 0.25 * a.z + 0.75 * b.z });
    }
    next.push(cur[cur.length - 1]!);
    cur = next;
  }
  return cur;
}

export interface PolyDistance {
  dist: number; // unsigned distance to the polyline
  side: number; // signed distance along the local normal (posterior of a caudal-running line is +)
  t: number; // arc length of the nearest point
}

/** Nearest point on a polyline running caudally; `side` uses the same normal convention as the curve. */
/**
 * Nearest point on a polyline running caudally; `side` uses the same normal convention as the
 * curve. Polylines here run monotonically down in z, so the search starts at the segment level
 * with the point and widens only while a closer segment is still possible.
 */
export function polyDistance(pts: readonly P2[], y: number, z: number): PolyDistance {
  const n = pts.length - 1;
  // Binary search for the segment whose z-range holds z (z decreases along the polyline).
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pts[mid + 1]!.z > z) lo = mid + 1;
    else hi = mid;
  }
  let best = Infinity;
  let bi = lo;
  let bf = 0;
  // Scan outwards from there (down first, then up), stopping once segments are farther in z alone.
  for (let pass = 0; pass < 2; pass++) {
    for (let i = pass === 0 ? lo : lo - 1; pass === 0 ? i < n : i >= 0; i += pass === 0 ? 1 : -1) {
      const a = pts[i]!;
      const b = pts[i + 1]!;
      const gz = pass === 0 ? z - a.z : b.z - z;
      if (i !== lo && gz > 0 && gz * gz >= best) break;
      const ey = b.y - a.y;
      const ez = b.z - a.z;
      const len2 = ey * ey + ez * ez;
      let f = len2 > 0 ? ((y - a.y) * ey + (z - a.z) * ez) / len2 : 0;
      f = f < 0 ? 0 : f > 1 ? 1 : f;
      const dy = y - a.y - f * ey;
      const dz = z - a.z - f * ez;
      const dd = dy * dy + dz * dz;
      if (dd < best) {
        best = dd;
        bi = i;
        bf = f;
      }
    }
  }
  const a = pts[bi]!;
  const b = pts[bi + 1]!;
  const ey = b.y - a.y;
  const ez = b.z - a.z;
  const len = Math.sqrt(ey * ey + ez * ez);
  const qy = a.y + bf * ey;
  const qz = a.z + bf * ez;
  // tangent (ey, ez)/len; posterior normal = (-tz, ty)
  const side = len > 0 ? ((y - qy) * -ez + (z - qz) * ey) / len : 0;
  return { dist: Math.sqrt(best), side, t: cumulative(pts)[bi]! + bf * len };
}

const lengths = new WeakMap<readonly P2[], Float64Array>();
/** Arc length at each vertex, computed once per polyline. */
function cumulative(pts: readonly P2[]): Float64Array {
  let c = lengths.get(pts);
  if (!c) {
    c = new Float64Array(pts.length);
    for (let i = 1; i < pts.length; i++) c[i] = c[i - 1]! + Math.sqrt((pts[i]!.y - pts[i - 1]!.y) ** 2 + (pts[i]!.z - pts[i - 1]!.z) ** 2);
    lengths.set(pts, c);
  }
  return c;
}

/** Polylines must run strictly downwards for polyDistance's search; check once when built. */
export function assertCaudal(pts: readonly P2[], what: string): readonly P2[] {
  for (let i = 0; i + 1 < pts.length; i++) if (!(pts[i + 1]!.z < pts[i]!.z)) throw new Error(`${what} does not run caudally at point ${i}`);
  return pts;
}
