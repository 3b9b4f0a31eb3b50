/**
 * Where an image lies in the patient: its distance along the slice normal (the overlay's slice location), and
 * which image of another series is nearest to it (linked scrolling). Pure: headers in, numbers out, so it is
 * tested without a browser. Positions come from our own header reading, not from Cornerstone's metadata, which
 * is only complete for images it has already parsed.
 */
import type { DicomHeader } from '../dicom/header';

type Vec3 = [number, number, number];

/** The unit normal of an image plane (row direction x column direction), or undefined without orientation. */
export function sliceNormal(header: Pick<DicomHeader, 'imageOrientationPatient'>): Vec3 | undefined {
  const iop = header.imageOrientationPatient;
  if (!iop) return undefined;
  const [r0, r1, r2, c0, c1, c2] = iop;
  const n: Vec3 = [r1 * c2 - r2 * c1, r2 * c0 - r0 * c2, r0 * c1 - r1 * c0];
  const length = Math.hypot(...n);
  return length > 0 ? [n[0] / length, n[1] / length, n[2] / length] : undefined;
}

function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/** Slice location in mm: the image position projected on the normal (what scanners write as SliceLocation). */
export function sliceLocation(header: Pick<DicomHeader, 'imageOrientationPatient' | 'imagePositionPatient'>): number | undefined {
  const n = sliceNormal(header);
  const p = header.imagePositionPatient;
  return n && p ? dot(p, n) : undefined;
}

type Placed = Pick<DicomHeader, 'imageOrientationPatient' | 'imagePositionPatient' | 'frameOfReferenceUID'>;

/**
 * The index of the target image nearest to `source` along the target's own normal, or undefined when the two
 * cannot be compared (no geometry, or different frames of reference: their coordinates mean different things).
 * Nearest by position, not by index: series with different spacing or coverage still line up anatomically.
 */
export function nearestImageIndex(source: Placed, targets: readonly (Placed | undefined)[]): number | undefined {
  const from = source.imagePositionPatient;
  if (!from) return undefined;
  let best: number | undefined;
  let bestDistance = Infinity;
  targets.forEach((target, index) => {
    if (!target) return; // its file has not arrived yet
    const n = sliceNormal(target);
    const p = target.imagePositionPatient;
    if (!n || !p) return;
    if (source.frameOfReferenceUID && target.frameOfReferenceUID && source.frameOfReferenceUID !== target.frameOfReferenceUID) {
      return;
    }
    const distance = Math.abs(dot([from[0] - p[0], from[1] - p[1], from[2] - p[2]], n));
    if (distance < bestDistance) {
      bestDistance = distance;
      best = index;
    }
  });
  return best;
}
