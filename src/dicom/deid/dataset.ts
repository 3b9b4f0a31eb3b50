/**
 * Reading and writing whole DICOM files with dcmjs, for the de-identifier. Plain data in, plain data out, no
 * Node APIs, so the same code can run in the browser when cases are authored there.
 */
import dcmjs, { type DcmjsDataset, type DcmjsDicomDict, type DcmjsElement } from 'dcmjs';

export type DataElement = DcmjsElement;
export type Dataset = DcmjsDataset;
export type DicomFile = DcmjsDicomDict;

/** Parses a Part 10 file (preamble, "DICM", meta group, dataset). Throws on anything else. */
export function readDicomFile(bytes: Uint8Array): DicomFile {
  // dcmjs wants an ArrayBuffer of exactly the file; a Uint8Array may be a view into a larger one.
  const copy = bytes.slice().buffer;
  return dcmjs.data.DicomMessage.readFile(copy, { ignoreErrors: false, untilTag: null, includeUntilTagValue: false });
}

const DEFLATED_EXPLICIT_LE = '1.2.840.10008.1.2.1.99';
const EXPLICIT_LE = '1.2.840.10008.1.2.1';

/**
 * Writes the file in its own transfer syntax. Pixel data goes out as read: native pixels byte for byte; for
 * compressed pixels the frames' bytes are kept, though dcmjs may write the offset table differently.
 */
export function writeDicomFile(file: DicomFile): Uint8Array {
  // dcmjs inflates a deflated dataset on reading but does not deflate on writing: say what is written.
  if (firstString(file.meta, '00020010') === DEFLATED_EXPLICIT_LE) setValues(file.meta, '00020010', 'UI', [EXPLICIT_LE]);
  return new Uint8Array(file.write({ allowInvalidVRLength: false }));
}

/** "(GGGG,EEEE)" as people read tags, from dcmjs's "GGGGEEEE". */
export function tagLabel(tag: string): string {
  return `(${tag.slice(0, 4)},${tag.slice(4, 8)})`.toUpperCase();
}

/** The DICOM keyword of a public tag ("PatientName"), without dcmjs's "RETIRED_" prefix; '' if unknown. */
export function keywordOf(tag: string): string {
  const name = dcmjs.data.DicomMetaDictionary.dictionary[tagLabel(tag)]?.name ?? '';
  return name.replace(/^RETIRED_/, '');
}

/** The first value as text, for string VRs; undefined when absent or not text. */
export function firstString(ds: Dataset, tag: string): string | undefined {
  const v = ds[tag]?.Value?.[0];
  return typeof v === 'string' ? v : undefined;
}

/** Every value as text (multi-valued CS such as ImageType). */
export function strings(ds: Dataset, tag: string): string[] {
  return (ds[tag]?.Value ?? []).filter((v): v is string => typeof v === 'string');
}

/** Sets an element's values, dropping what dcmjs kept of the old bytes so the new values are written. */
export function setValues(ds: Dataset, tag: string, vr: string, values: unknown[]): void {
  ds[tag] = { vr, Value: values };
}

/** The items of a sequence element, each a dataset. */
export function itemsOf(element: DataElement): Dataset[] {
  return (element.Value ?? []).filter((v): v is Dataset => typeof v === 'object' && v !== null && !ArrayBuffer.isView(v) && !(v instanceof ArrayBuffer));
}
