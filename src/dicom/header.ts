/** Reads the header fields the viewer and the case checker rely on, with dicom-parser (no pixel decoding). */
import dicomParser from 'dicom-parser';
import { DicomFileError, explainParseFailure } from './errors';
import { nonImageReason } from './non-image';
import { sniffNonDicom } from './sniff';
import { decoderLimitReason, undecodableReason } from './transfer-syntax';
import { syntaxMismatch } from './part10';
import { checkImageLimits } from './header-limits';

export interface DicomHeader {
  fileName: string;
  sopInstanceUID: string;
  /** Empty when the file has none (some secondary captures and test files): such a file is a series of its own. */
  seriesInstanceUID: string;
  studyInstanceUID: string;
  frameOfReferenceUID?: string;
  modality: string;
  /** Shown as the series' label for local files; never patient data (PatientName etc. are not read at all). */
  seriesDescription?: string;
  seriesNumber?: number;
  rows: number;
  columns: number;
  numberOfFrames: number;
  instanceNumber?: number;
  imagePositionPatient?: [number, number, number];
  imageOrientationPatient?: [number, number, number, number, number, number];
  pixelSpacing?: [number, number];
  windowCenter?: number;
  windowWidth?: number;
  rescaleSlope: number;
  rescaleIntercept: number;
  transferSyntaxUID?: string;
  hasPixelData: boolean;
}

function numbers(ds: dicomParser.DataSet, tag: string): number[] | undefined {
  const text = ds.string(tag);
  if (!text) return undefined;
  const values = text.split('\\').map(Number);
  return values.every(Number.isFinite) ? values : undefined;
}

function tuple<N extends number>(values: number[] | undefined, n: N): number[] | undefined {
  return values && values.length >= n ? values.slice(0, n) : undefined;
}

/**
 * Pixel encodings Cornerstone 5.14's loader does not read, said before it fails on them (it would report "no pixel
 * data" or never answer): double-float pixels, and palette colour with segmented lookup tables only.
 */
function unreadablePixels(ds: dicomParser.DataSet): string | undefined {
  if (!ds.elements.x7fe00010 && ds.elements.x7fe00009) {
    return 'its pixels are 64-bit floating point (Double Float Pixel Data, 7FE0,0009), which the image loader does not read';
  }
  const palette = ds.string('x00280004') === 'PALETTE COLOR';
  if (palette && !ds.elements.x00281201 && ds.elements.x00281221) {
    return 'its palette colour lookup tables are segmented (0028,1221-1223), which the image loader does not read';
  }
  return undefined;
}

function hasDicmMarker(bytes: Uint8Array): boolean {
  return bytes.length >= 132 && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d;
}

function parse(bytes: Uint8Array, fileName: string): dicomParser.DataSet {
  try {
    return dicomParser.parseDicom(bytes, { untilTag: 'x7fe00010' });
  } catch (thrown) {
    const reason = explainParseFailure(thrown);
    // A short text file fails before the marker is even looked for: judge by the marker, not by the message.
    const looksLike = hasDicmMarker(bytes) ? undefined : sniffNonDicom(bytes);
    throw new DicomFileError(fileName, looksLike ? `not a DICOM file: it looks like ${looksLike}` : (syntaxMismatch(bytes) ?? reason));
  }
}

/**
 * Reads one file's header. `fileSize` is the whole file's size when `bytes` is only its start (a header slice),
 * so the size checks judge the file, not the slice. Throws a DicomFileError naming the file and the reason for
 * anything the viewer cannot show: not DICOM, not an image (saying what it is), a compression it cannot decode,
 * or sizes past the limits in `limits.ts`.
 */
export function readHeader(bytes: Uint8Array, fileName: string, fileSize = bytes.length): DicomHeader {
  const ds = parse(bytes, fileName);
  const rows = ds.uint16('x00280010');
  const columns = ds.uint16('x00280011');
  const pixelData = ds.elements.x7fe00010;
  const hasPixelData = pixelData !== undefined || (rows !== undefined && columns !== undefined);
  const modality = ds.string('x00080060') ?? '';
  const notImage = nonImageReason(ds.string('x00080016'), modality, Boolean(rows && columns));
  if (notImage) throw new DicomFileError(fileName, notImage);
  if (!rows || !columns) throw new DicomFileError(fileName, 'not an image: it has no Rows/Columns (0028,0010/0011)');
  const unreadable = unreadablePixels(ds);
  if (unreadable) throw new DicomFileError(fileName, unreadable);
  const transferSyntaxUID = ds.string('x00020010') || undefined;
  const bitsAllocated = ds.uint16('x00280100') ?? 16;
  const unsupported =
    undecodableReason(transferSyntaxUID) ?? decoderLimitReason(transferSyntaxUID, bitsAllocated, ds.uint16('x00280002') ?? 1);
  if (unsupported) throw new DicomFileError(fileName, unsupported);
  const numberOfFrames = ds.intString('x00280008') ?? 1;
  const tooMuch = checkImageLimits({
    rows,
    columns,
    numberOfFrames,
    samplesPerPixel: ds.uint16('x00280002') ?? 1,
    bitsAllocated,
    photometricInterpretation: ds.string('x00280004'),
    pixelData,
    fileSize,
  });
  if (tooMuch) throw new DicomFileError(fileName, tooMuch);
  return {
    fileName,
    sopInstanceUID: ds.string('x00080018') ?? '',
    seriesInstanceUID: ds.string('x0020000e') ?? '',
    studyInstanceUID: ds.string('x0020000d') ?? '',
    frameOfReferenceUID: ds.string('x00200052') || undefined,
    modality,
    seriesDescription: ds.string('x0008103e') || undefined,
    seriesNumber: ds.intString('x00200011'),
    rows,
    columns,
    numberOfFrames,
    instanceNumber: ds.intString('x00200013'),
    imagePositionPatient: tuple(numbers(ds, 'x00200032'), 3) as DicomHeader['imagePositionPatient'],
    imageOrientationPatient: tuple(numbers(ds, 'x00200037'), 6) as DicomHeader['imageOrientationPatient'],
    // A spacing of 0 means "not known" (see spacing-repair.ts).
    pixelSpacing: tuple(numbers(ds, 'x00280030')?.filter((v) => v > 0), 2) as DicomHeader['pixelSpacing'],
    windowCenter: numbers(ds, 'x00281050')?.[0],
    windowWidth: numbers(ds, 'x00281051')?.[0],
    rescaleSlope: numbers(ds, 'x00281053')?.[0] ?? 1,
    rescaleIntercept: numbers(ds, 'x00281052')?.[0] ?? 0,
    transferSyntaxUID,
    hasPixelData,
  };
}
