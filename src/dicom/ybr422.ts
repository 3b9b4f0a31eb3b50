/**
 * Native (uncompressed) YBR_FULL_422 pixel data, which Cornerstone 5.14 hands to the renderer as it is (two
 * values per pixel where three are expected: the viewer then refuses it). It is rare outside JPEG, but legal; it
 * is converted here to RGB once, on arrival: each pair of pixels is stored Y1 Y2 Cb Cr and becomes two RGB
 * triplets. The Photometric Interpretation is rewritten in place as "RGB" padded with spaces (same length).
 */
import dicomParser from 'dicom-parser';

const NATIVE = new Set(['1.2.840.10008.1.2', '1.2.840.10008.1.2.1']);

const clamp = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

/** YBR_FULL (ITU-R BT.601, full range) to RGB for one pixel, written at `at`. */
function toRgb(out: Uint8Array, at: number, y: number, cb: number, cr: number): void {
  out[at] = clamp(y + 1.402 * (cr - 128));
  out[at + 1] = clamp(y - 0.344136 * (cb - 128) - 0.714136 * (cr - 128));
  out[at + 2] = clamp(y + 1.772 * (cb - 128));
}

/** The file with native 8-bit YBR_FULL_422 pixels as RGB; any other file unchanged. */
export function ybr422ToRgb(bytes: Uint8Array): Uint8Array {
  let ds: dicomParser.DataSet;
  try {
    ds = dicomParser.parseDicom(bytes, { untilTag: 'x7fe00010' });
  } catch {
    return bytes;
  }
  const photometric = ds.elements.x00280004;
  const pixels = ds.elements.x7fe00010;
  const rows = ds.uint16('x00280010') ?? 0;
  const columns = ds.uint16('x00280011') ?? 0;
  const frames = Math.max(1, ds.intString('x00280008') ?? 1);
  if (!photometric || !pixels || pixels.hadUndefinedLength || ds.string('x00280004') !== 'YBR_FULL_422') return bytes;
  if (!NATIVE.has(ds.string('x00020010') ?? '') || ds.uint16('x00280100') !== 8 || columns % 2 !== 0) return bytes;
  const pairs = (rows * columns * frames) / 2;
  if (pixels.length < pairs * 4 || pixels.dataOffset + pairs * 4 > bytes.length) return bytes;

  const rgb = new Uint8Array(pairs * 6);
  for (let p = 0; p < pairs; p++) {
    const i = pixels.dataOffset + p * 4;
    const [y1, y2, cb, cr] = [bytes[i]!, bytes[i + 1]!, bytes[i + 2]!, bytes[i + 3]!];
    toRgb(rgb, p * 6, y1, cb, cr);
    toRgb(rgb, p * 6 + 3, y2, cb, cr);
  }
  const head = bytes.slice(0, pixels.dataOffset);
  head.fill(0x20, photometric.dataOffset, photometric.dataOffset + photometric.length);
  head.set([0x52, 0x47, 0x42], photometric.dataOffset); // "RGB"
  // Pixel Data's 4-byte length sits right before its value (explicit OB/OW and implicit VR alike).
  new DataView(head.buffer).setUint32(pixels.dataOffset - 4, rgb.length, true);
  const out = new Uint8Array(head.length + rgb.length);
  out.set(head);
  out.set(rgb, head.length);
  return out;
}
