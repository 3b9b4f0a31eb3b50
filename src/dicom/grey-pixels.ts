/**
 * The first frame of an uncompressed grey DICOM image, in modality units, read with dicom-parser alone: enough
 * for a library card's key image without the image loader, its codecs or WebAssembly. Compressed transfer
 * syntaxes (JPEG, JPEG-LS, JPEG 2000, RLE, deflate) and colour are refused: decoding them needs those codecs,
 * which the library page must not download, so such a card shows its placeholder.
 */
import dicomParser from 'dicom-parser';
import type { WindowLevel } from '../case/presets';

const LITTLE_ENDIAN = ['1.2.840.10008.1.2', '1.2.840.10008.1.2.1'];
const BIG_ENDIAN = '1.2.840.10008.1.2.2';
/** A card's picture needs no more; a larger frame is refused rather than read (the page stays light). */
const MAX_PIXELS = 4096 * 4096;

export interface GreyImage {
  rows: number;
  columns: number;
  /** Pixel values with the rescale applied (HU on CT), row by row. */
  values: Float32Array;
  /** The header's first window, if any. */
  headerWindow?: WindowLevel;
  /** MONOCHROME1: low values are white. */
  invert: boolean;
}

function firstNumber(ds: dicomParser.DataSet, tag: string): number | undefined {
  const value = Number(ds.string(tag)?.split('\\')[0]);
  return ds.string(tag) !== undefined && Number.isFinite(value) ? value : undefined;
}

/** Throws an Error saying why the file has no picture for a card. */
export function decodeGreyImage(bytes: Uint8Array): GreyImage {
  const ds = dicomParser.parseDicom(bytes, { untilTag: 'x7fe00010' });
  const syntax = ds.string('x00020010') ?? '';
  const big = syntax === BIG_ENDIAN;
  if (!big && !LITTLE_ENDIAN.includes(syntax)) throw new Error(`transfer syntax ${syntax} is compressed or unknown`);
  const photometric = ds.string('x00280004') ?? '';
  if ((ds.uint16('x00280002') ?? 1) !== 1 || !photometric.startsWith('MONOCHROME')) throw new Error('not a grey image');
  const rows = ds.uint16('x00280010') ?? 0;
  const columns = ds.uint16('x00280011') ?? 0;
  const bits = ds.uint16('x00280100');
  const signed = ds.uint16('x00280103') === 1;
  const pixels = ds.elements.x7fe00010;
  const count = rows * columns;
  const size = count * (bits === 16 ? 2 : 1);
  if (count === 0 || count > MAX_PIXELS) throw new Error(`${columns}x${rows} pixels`);
  if ((bits !== 8 && bits !== 16) || !pixels || pixels.dataOffset + size > bytes.byteLength) throw new Error('pixel data unreadable');
  const slope = firstNumber(ds, 'x00281053') ?? 1;
  const intercept = firstNumber(ds, 'x00281052') ?? 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset + pixels.dataOffset, size);
  const values = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const raw =
      bits === 8
        ? signed ? view.getInt8(i) : view.getUint8(i)
        : signed ? view.getInt16(i * 2, !big) : view.getUint16(i * 2, !big);
    values[i] = raw * slope + intercept;
  }
  const center = firstNumber(ds, 'x00281050');
  const width = firstNumber(ds, 'x00281051');
  return {
    rows,
    columns,
    values,
    ...(center !== undefined && width !== undefined ? { headerWindow: { center, width } } : {}),
    invert: photometric === 'MONOCHROME1',
  };
}
