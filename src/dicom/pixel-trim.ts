/**
 * Native pixel data longer than the image needs (MR_small_padded.dcm in pydicom's corpus has 128 extra bytes)
 * is legal enough, but Cornerstone 5.14 copies the whole of it into a buffer sized for the image and throws
 * ("offset is out of bounds"). The extra bytes carry no pixels, so the element is cut to the image's size.
 */
import dicomParser from 'dicom-parser';

const BIG_ENDIAN = '1.2.840.10008.1.2.2';
/** VRs whose length field is 4 bytes right before the value (implicit VR has no VR and also 4 bytes). */
const LONG_LENGTH_VRS = new Set(['OB', 'OW', 'UN']);

/** The file with its native Pixel Data cut to the size its header describes (elements after it go too). */
export function trimExcessPixelData(bytes: Uint8Array): Uint8Array {
  let ds: dicomParser.DataSet;
  try {
    ds = dicomParser.parseDicom(bytes, { untilTag: 'x7fe00010' });
  } catch {
    return bytes; // the header reader says why
  }
  const element = ds.elements.x7fe00010;
  if (!element || element.hadUndefinedLength || (element.vr !== undefined && !LONG_LENGTH_VRS.has(element.vr))) return bytes;
  const rows = ds.uint16('x00280010') ?? 0;
  const columns = ds.uint16('x00280011') ?? 0;
  const bits = ds.uint16('x00280100') ?? 16;
  const frames = Math.max(1, ds.intString('x00280008') ?? 1);
  const subsampled = /422/.test(ds.string('x00280004') ?? '');
  const samples = subsampled ? 2 : Math.max(1, ds.uint16('x00280002') ?? 1);
  const needed = Math.ceil((frames * rows * columns * samples * bits) / 8);
  const even = needed + (needed % 2);
  if (needed === 0 || element.length <= even || element.dataOffset + even > bytes.length) return bytes;
  const out = bytes.slice(0, element.dataOffset + even);
  new DataView(out.buffer).setUint32(element.dataOffset - 4, even, ds.string('x00020010') !== BIG_ENDIAN);
  return out;
}
