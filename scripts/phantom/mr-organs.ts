/**
 * Soft tissue of the MR body that is not the spine's: the back's subcutaneous fat with its septa,
 * the kidneys beside the upper lumbar spine, and the bladder and uterus in the pelvis. Each returns
 * a tissue, or -1 where it has nothing to say (the body envelope in mr-body.ts decides).
 */
import type { PlanePoint } from './canal';
import { ellipsoid } from './sdf';
import { noise3 } from './texture';
import { Tissue } from './tissues';

/**
 * Subcutaneous fat (`depth` mm under the skin, `total` thick): fibrous septa (retinacula cutis)
 * cross it from skin to fascia in patches, and a membranous layer runs through it parallel to the
 * skin, broken in places; both are thin collagen, dark on T1, and mostly partial-volumed.
 */
export function subcutaneous(sd: number, x: number, p: PlanePoint, depth: number, total: number): number {
  // The membranous layer: its thickness wanders, so partial volume makes it fade in and out.
  const layer = 0.45 * total + 2.5 * noise3(sd, x, p.y, p.z, 14);
  const half = 0.32 * noise3(sd + 1, x, p.y, p.z, 9) + 0.12;
  if (Math.abs(depth - layer) < half) return Tissue.FASCIA;
  if (noise3(sd + 2, x, p.y, p.z, 12) > 0.3) {
    const warp = 3 * noise3(sd + 3, x, p.y, p.z, 6);
    if (Math.abs(noise3(sd + 4, x + warp, depth * 0.25, p.s + warp, 7)) < 0.035) return Tissue.FASCIA;
  }
  return Tissue.FAT;
}

/**
 * The kidneys beside the upper lumbar spine, lateral to the psoas: only their medial part (the
 * hilum, with sinus fat) reaches the outermost slices. Left a little higher than right.
 */
export function kidney(sL1: number, x: number, p: PlanePoint): number {
  const px = Math.abs(x);
  if (px < 24) return -1;
  const sc = sL1 + (x > 0 ? 8 : 22);
  const ds = p.s - sc;
  if (Math.abs(ds) > 56) return -1;
  let k = ellipsoid(px - 52, p.d + 8, ds, 25, 20, 52);
  if (px > 33 && p.d > 2) return -1; // the paraspinal muscles (mr-flank.ts)
  if (k >= 0 && px > 33) {
    // Beyond the sagittal slab (only the axial series see it) the kidney goes on out and back,
    // lateral to the psoas and in front of the quadratus lumborum: its axial section is a bean
    // whose hilum faces forward and in. Behind the transverse processes there is only muscle.
    const u = (px - 64) * 0.87 + (p.d + 15) * 0.5;
    const v = -(px - 64) * 0.5 + (p.d + 15) * 0.87;
    k = ellipsoid(u, v, ds, 27, 15, 50);
  }
  if (k >= 0) return -1;
  // Renal sinus: fat around the hilum, opening medially.
  if (ellipsoid(px - 36, p.d + 13, ds, 12, 8, 20) < 0) return Tissue.FAT;
  return Tissue.PARENCHYMA;
}

/**
 * The uterus over the bladder dome (anteverted, tilted forward), between bladder and rectum; the
 * bladder's wall is detrusor muscle.
 */
export function pelvicOrgan(b: { y: number; z: number }, x: number, p: PlanePoint): number {
  const dy = p.y - b.y;
  const dz = p.z - b.z;
  if (Math.abs(x) > 40 || dy < -45 || dy > 70 || dz < -40 || dz > 95) return -1;
  const bl = ellipsoid(dy, dz, x, 30, 26, 38);
  if (bl < 0) return bl > -3.2 ? Tissue.MUSCLE : Tissue.URINE;
  // Uterus: long axis 40 degrees forward of vertical, body above and behind the bladder.
  const ca = Math.cos((40 * Math.PI) / 180);
  const sa = Math.sin((40 * Math.PI) / 180);
  const uy = dy - 10;
  const uz = dz - 44;
  const along = -uy * sa + uz * ca;
  const across = uy * ca + uz * sa;
  const taper = 1 - 0.25 * Math.max(0, -along / 36); // narrower cervix end
  if (ellipsoid(along, across / taper, x / taper, 33, 17, 24) < 0) return Tissue.PARENCHYMA;
  return -1;
}
