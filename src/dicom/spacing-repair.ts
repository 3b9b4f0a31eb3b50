/**
 * A Pixel Spacing of 0 (RG1_J2KI.dcm in pydicom's data says "0.000\0.000") means "not known" to a person, but
 * Cornerstone 5.14 takes it literally: the image is zero millimetres wide and nothing is drawn (blank spaces read
 * as 0 too). The element is moved out of the way in place: its tag becomes (0028,0031), a retired attribute of
 * the same VR that nothing reads, so the image is shown and measured in pixels, as without any spacing.
 */
import dicomParser from 'dicom-parser';

const PIXEL_SPACING = 'x00280030';
const RETIRED_ELEMENT = 0x0031; // (0028,0031) Zoom Factor, retired, DS like Pixel Spacing
const BIG_ENDIAN = '1.2.840.10008.1.2.2';

/** The file with a zero or negative Pixel Spacing moved aside; the same bytes when there is none. */
export function dropZeroSpacing(bytes: Uint8Array): Uint8Array {
  let ds: dicomParser.DataSet;
  try {
    ds = dicomParser.parseDicom(bytes, { untilTag: 'x7fe00010' });
  } catch {
    return bytes; // the header reader says why
  }
  const element = ds.elements[PIXEL_SPACING];
  const values = ds.string(PIXEL_SPACING)?.split('\\').map(Number);
  if (!element || !values || !values.every(Number.isFinite) || values.every((v) => v > 0)) return bytes;
  const out = bytes.slice();
  // The tag is the first 4 bytes of the element's 8-byte header (explicit short VR and implicit VR alike).
  new DataView(out.buffer).setUint16(element.dataOffset - 6, RETIRED_ELEMENT, ds.string('x00020010') !== BIG_ENDIAN);
  return out;
}
