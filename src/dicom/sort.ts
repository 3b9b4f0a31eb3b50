/** Puts a series' images in spatial order, the order in which a learner scrolls and a case counts images. */
import type { DicomHeader } from './header';

function normalOf(iop: NonNullable<DicomHeader['imageOrientationPatient']>): [number, number, number] {
  const [r0, r1, r2, c0, c1, c2] = iop;
  return [r1 * c2 - r2 * c1, r2 * c0 - r0 * c2, r0 * c1 - r1 * c0];
}

/**
 * Sorts by position along the slice normal when every image has a position and orientation; the direction
 * follows InstanceNumber where that agrees, so the order matches the scanner's. Otherwise by InstanceNumber,
 * then by the given order (a stable sort keeps the listed order for ties).
 */
export function sortHeaders<T extends DicomHeader>(headers: readonly T[]): T[] {
  const first = headers[0];
  const iop = first?.imageOrientationPatient;
  const geometric = iop && headers.every((h) => h.imagePositionPatient);
  if (!geometric) {
    return [...headers].sort((a, b) => (a.instanceNumber ?? 0) - (b.instanceNumber ?? 0));
  }
  const n = normalOf(iop);
  const distance = (h: T): number => {
    const p = h.imagePositionPatient as [number, number, number];
    return p[0] * n[0] + p[1] * n[1] + p[2] * n[2];
  };
  const sorted = [...headers].sort((a, b) => distance(a) - distance(b));
  const head = sorted[0]?.instanceNumber;
  const tail = sorted[sorted.length - 1]?.instanceNumber;
  if (head !== undefined && tail !== undefined && head > tail) sorted.reverse();
  return sorted;
}
