/**
 * Sanity checks on the sizes a header claims, before anything is allocated for them: a damaged or hostile file
 * can claim 65535x65535 pixels, a billion frames, or pixel data longer than the file, and each would otherwise
 * stall or exhaust the page (one imageId per frame, one texture per image).
 */
import { formatBytes, MAX_FRAMES, MAX_IMAGE_SIDE } from './limits';

export interface ClaimedImage {
  rows: number;
  columns: number;
  numberOfFrames: number;
  samplesPerPixel: number;
  bitsAllocated: number;
  photometricInterpretation?: string;
  /** The Pixel Data element as dicom-parser found it (its value is not read). */
  pixelData?: { length: number; dataOffset: number; hadUndefinedLength?: boolean };
  /** The whole file's size in bytes (the bytes parsed may be only its start). */
  fileSize: number;
}

/** Bits one frame of native (uncompressed) pixel data takes. */
function frameBits(c: ClaimedImage): number {
  const pixels = c.rows * c.columns;
  // 4:2:2 chroma subsampling keeps two samples per pixel instead of three.
  const samples = /422/.test(c.photometricInterpretation ?? '') ? 2 : Math.max(1, c.samplesPerPixel);
  return pixels * samples * Math.max(1, c.bitsAllocated);
}

/** Why the claimed sizes are refused, or undefined when they are within reason. */
export function checkImageLimits(c: ClaimedImage): string | undefined {
  if (c.rows > MAX_IMAGE_SIDE || c.columns > MAX_IMAGE_SIDE) {
    return `its images are ${c.columns}x${c.rows} pixels, more than the ${MAX_IMAGE_SIDE}x${MAX_IMAGE_SIDE} this viewer shows`;
  }
  if (!Number.isInteger(c.numberOfFrames) || c.numberOfFrames < 1) {
    return `its Number of Frames (0028,0008) is ${c.numberOfFrames}, not a whole number of at least 1`;
  }
  if (c.numberOfFrames > MAX_FRAMES) {
    return `it claims ${c.numberOfFrames} frames, more than the ${MAX_FRAMES} this viewer shows from one file`;
  }
  const pixelData = c.pixelData;
  if (!pixelData || pixelData.hadUndefinedLength) return undefined; // encapsulated: the decoder judges each frame
  const end = pixelData.dataOffset + pixelData.length;
  if (end > c.fileSize) {
    return `the file is cut short: its Pixel Data (7FE0,0010) ends at byte ${end} but the file has only ${formatBytes(c.fileSize)}`;
  }
  const frames = Math.floor((pixelData.length * 8) / frameBits(c));
  if (c.numberOfFrames > 1 && c.numberOfFrames > frames) {
    return `it claims ${c.numberOfFrames} frames, but its pixel data holds only ${frames} of ${c.columns}x${c.rows}`;
  }
  return undefined;
}
