/**
 * The DICOM JSON model (PS3.18 F.2), as DICOMweb servers answer QIDO-RS searches and WADO-RS metadata requests,
 * read into the same `DicomHeader` that dicom-parser gives for a Part 10 file. Everything the viewer knows of an
 * image (sorting, slice location, linked scrolling, the series window) then works the same for both sources.
 */
import type { DicomHeader } from './header';
import { nonImageReason } from './non-image';
import { DicomFileError } from './errors';

/** One attribute: its VR and its values (numbers, strings, person names or nested data sets), or bulk data. */
export interface DicomJsonElement {
  vr: string;
  Value?: unknown[];
  BulkDataURI?: string;
  InlineBinary?: string;
}

/** Attributes keyed by tag, eight upper-case hex digits ("0020000D"). */
export type DicomJsonDataset = Record<string, DicomJsonElement>;

function isElement(value: unknown): value is DicomJsonElement {
  if (!value || typeof value !== 'object') return false;
  const e = value as { vr?: unknown; Value?: unknown };
  return typeof e.vr === 'string' && (e.Value === undefined || Array.isArray(e.Value));
}

/**
 * Checks that a server's answer is a list of DICOM JSON data sets; `what` names the request in the error.
 * Only the top level is checked: nested sequences are read (or not) by whoever needs them.
 */
export function asDatasets(json: unknown, what: string): DicomJsonDataset[] {
  if (!Array.isArray(json)) throw new Error(`${what} did not answer a list of DICOM JSON data sets`);
  json.forEach((item: unknown, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      throw new Error(`${what}: item ${i + 1} is not a DICOM JSON data set`);
    }
    for (const [tag, element] of Object.entries(item)) {
      if (!/^[0-9A-Fa-f]{8}$/.test(tag) || !isElement(element)) {
        throw new Error(`${what}: item ${i + 1} has a malformed attribute "${tag}"`);
      }
    }
  });
  return json as DicomJsonDataset[];
}

/** The first value of a text attribute (UI, CS, LO...), or undefined when absent or empty. */
export function stringOf(ds: DicomJsonDataset, tag: string): string | undefined {
  const value = ds[tag]?.Value?.[0];
  if (typeof value === 'string') return value.trim() || undefined;
  return typeof value === 'number' ? String(value) : undefined;
}

/** All values of a numeric attribute (US, IS, DS...). Servers send DS and IS as numbers or as text. */
export function numbersOf(ds: DicomJsonDataset, tag: string): number[] | undefined {
  const values = ds[tag]?.Value;
  if (!values || values.length === 0) return undefined;
  const numbers = values.map((v) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN));
  return numbers.every(Number.isFinite) ? numbers : undefined;
}

function tuple(values: number[] | undefined, n: number): number[] | undefined {
  return values && values.length >= n ? values.slice(0, n) : undefined;
}

/** A DICOM UID's syntax (PS3.5 9.1): only such a value may go into a DICOMweb URL. */
export function isUid(value: string): boolean {
  return value.length <= 64 && /^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*$/.test(value);
}

/** The instance's SOP Instance UID, which names it in DICOMweb URLs. */
export function sopInstanceUidOf(ds: DicomJsonDataset): string | undefined {
  return stringOf(ds, '00080018');
}

/**
 * The header fields of one instance's metadata. `name` is how errors call the instance (there is no file name).
 * Throws a DicomFileError for what the viewer cannot show, with the same words as for a Part 10 file.
 */
export function headerFromDicomJson(ds: DicomJsonDataset, name: string): DicomHeader {
  const rows = numbersOf(ds, '00280010')?.[0];
  const columns = numbersOf(ds, '00280011')?.[0];
  const notImage = nonImageReason(stringOf(ds, '00080016'), stringOf(ds, '00080060'), Boolean(rows && columns));
  if (notImage) throw new DicomFileError(name, notImage);
  if (!rows || !columns) throw new DicomFileError(name, 'not an image: it has no Rows/Columns (0028,0010/0011)');
  const seriesInstanceUID = stringOf(ds, '0020000E');
  if (!seriesInstanceUID) throw new DicomFileError(name, 'missing SeriesInstanceUID (0020,000E)');
  const numberOfFrames = numbersOf(ds, '00280008')?.[0];
  return {
    fileName: name,
    sopInstanceUID: sopInstanceUidOf(ds) ?? '',
    seriesInstanceUID,
    studyInstanceUID: stringOf(ds, '0020000D') ?? '',
    frameOfReferenceUID: stringOf(ds, '00200052'),
    modality: stringOf(ds, '00080060') ?? '',
    seriesDescription: stringOf(ds, '0008103E') || undefined,
    seriesNumber: numbersOf(ds, '00200011')?.[0],
    rows,
    columns,
    numberOfFrames: numberOfFrames && numberOfFrames > 0 ? Math.round(numberOfFrames) : 1,
    instanceNumber: numbersOf(ds, '00200013')?.[0],
    imagePositionPatient: tuple(numbersOf(ds, '00200032'), 3) as DicomHeader['imagePositionPatient'],
    imageOrientationPatient: tuple(numbersOf(ds, '00200037'), 6) as DicomHeader['imageOrientationPatient'],
    pixelSpacing: tuple(numbersOf(ds, '00280030'), 2) as DicomHeader['pixelSpacing'],
    windowCenter: numbersOf(ds, '00281050')?.[0],
    windowWidth: numbersOf(ds, '00281051')?.[0],
    rescaleSlope: numbersOf(ds, '00281053')?.[0] ?? 1,
    rescaleIntercept: numbersOf(ds, '00281052')?.[0] ?? 0,
    // Metadata carries no file meta group; the frames' transfer syntax comes with each frame.
    transferSyntaxUID: stringOf(ds, '00020010'),
    hasPixelData: true,
  };
}
