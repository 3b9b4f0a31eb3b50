/**
 * Multi-frame JPEG files whose frames are split over several fragments and that have no Basic Offset Table
 * (legal, and written by some scanners) leave a reader to find where each frame starts. Cornerstone 5.14 does not,
 * and decodes fragment n as frame n ("Not a JPEG file"). Every JPEG frame starts with an SOI marker (FFD8), so
 * when exactly as many fragments start with one as there are frames, the pixel data is rewritten with one
 * fragment per frame and an offset table.
 */
import dicomParser from 'dicom-parser';
import { concatBytes } from './concat-bytes';

/** Transfer syntaxes whose frames are JPEG codestreams starting with SOI (baseline, extended, lossless, JPEG-LS). */
const JPEG_FAMILY = new Set([
  '1.2.840.10008.1.2.4.50',
  '1.2.840.10008.1.2.4.51',
  '1.2.840.10008.1.2.4.57',
  '1.2.840.10008.1.2.4.70',
  '1.2.840.10008.1.2.4.80',
  '1.2.840.10008.1.2.4.81',
]);

function item(tagElement: number, length: number): Uint8Array {
  const out = new Uint8Array(8);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfffe, true);
  view.setUint16(2, tagElement, true);
  view.setUint32(4, length, true);
  return out;
}

/** The file with one fragment per frame and a Basic Offset Table, when that can be told; else the same bytes. */
export function oneFragmentPerFrame(bytes: Uint8Array): Uint8Array {
  let ds: dicomParser.DataSet;
  try {
    ds = dicomParser.parseDicom(bytes);
  } catch {
    return bytes; // the header reader says why
  }
  const element = ds.elements.x7fe00010;
  const fragments = element?.fragments;
  const frames = ds.intString('x00280008') ?? 1;
  if (!element || !fragments || frames < 2 || fragments.length <= frames) return bytes;
  if ((element.basicOffsetTable?.length ?? 0) > 0 || !JPEG_FAMILY.has(ds.string('x00020010') ?? '')) return bytes;
  const startsFrame = fragments.map((f) => bytes[f.position] === 0xff && bytes[f.position + 1] === 0xd8);
  if (!startsFrame[0] || startsFrame.filter(Boolean).length !== frames) return bytes;

  const grouped: Uint8Array[][] = [];
  fragments.forEach((f, i) => {
    if (startsFrame[i]) grouped.push([]);
    grouped[grouped.length - 1]!.push(bytes.subarray(f.position, f.position + f.length));
  });
  const frameLengths = grouped.map((parts) => parts.reduce((n, p) => n + p.length, 0));
  const table = new Uint8Array(4 * frames);
  const tableView = new DataView(table.buffer);
  let offset = 0;
  frameLengths.forEach((length, i) => {
    tableView.setUint32(4 * i, offset, true);
    offset += 8 + length + (length % 2);
  });
  const parts: Uint8Array[] = [bytes.subarray(0, element.dataOffset), item(0xe000, table.length), table];
  grouped.forEach((frameParts, i) => {
    const length = frameLengths[i]!;
    parts.push(item(0xe000, length + (length % 2)), ...frameParts);
    if (length % 2) parts.push(new Uint8Array(1)); // items are of even length
  });
  parts.push(item(0xe0dd, 0), bytes.subarray(element.dataOffset + element.length));
  return concatBytes(parts);
}
