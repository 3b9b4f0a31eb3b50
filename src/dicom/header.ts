/** Reads the header fields the viewer and the case checker rely on, with dicom-parser (no pixel decoding). */
import dicomParser from 'dicom-parser';
import { DicomFileError, explainParseFailure } from './errors';

export interface DicomHeader {
  fileName: string;
  sopInstanceUID: string;
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

export function readHeader(bytes: Uint8Array, fileName: string): DicomHeader {
  let ds: dicomParser.DataSet;
  try {
    ds = dicomParser.parseDicom(bytes, { untilTag: 'x7fe00010' });
  } catch (thrown) {
    throw new DicomFileError(fileName, explainParseFailure(thrown));
  }
  const rows = ds.uint16('x00280010');
  const columns = ds.uint16('x00280011');
  const hasPixelData = ds.elements.x7fe00010 !== undefined || (rows !== undefined && columns !== undefined);
  const sopClass = ds.string('x00080016') ?? '';
  if (!rows || !columns) {
    const what = sopClass.startsWith('1.2.840.10008.5.1.4.1.1.88') ? 'a structured report' : 'not an image';
    throw new DicomFileError(fileName, `${what}: it has no Rows/Columns (0028,0010/0011)`);
  }
  const seriesInstanceUID = ds.string('x0020000e');
  if (!seriesInstanceUID) throw new DicomFileError(fileName, 'missing SeriesInstanceUID (0020,000E)');
  return {
    fileName,
    sopInstanceUID: ds.string('x00080018') ?? '',
    seriesInstanceUID,
    studyInstanceUID: ds.string('x0020000d') ?? '',
    frameOfReferenceUID: ds.string('x00200052') || undefined,
    modality: ds.string('x00080060') ?? '',
    seriesDescription: ds.string('x0008103e') || undefined,
    seriesNumber: ds.intString('x00200011'),
    rows,
    columns,
    numberOfFrames: ds.intString('x00280008') ?? 1,
    instanceNumber: ds.intString('x00200013'),
    imagePositionPatient: tuple(numbers(ds, 'x00200032'), 3) as DicomHeader['imagePositionPatient'],
    imageOrientationPatient: tuple(numbers(ds, 'x00200037'), 6) as DicomHeader['imageOrientationPatient'],
    pixelSpacing: tuple(numbers(ds, 'x00280030'), 2) as DicomHeader['pixelSpacing'],
    windowCenter: numbers(ds, 'x00281050')?.[0],
    windowWidth: numbers(ds, 'x00281051')?.[0],
    rescaleSlope: numbers(ds, 'x00281053')?.[0] ?? 1,
    rescaleIntercept: numbers(ds, 'x00281052')?.[0] ?? 0,
    transferSyntaxUID: ds.string('x00020010') || undefined,
    hasPixelData,
  };
}
