/**
 * Reading structured-report content (KOS, ATFI) and the other sequences this folder needs from a data set in
 * DICOM JSON form (QIDO/WADO metadata) or as dcmjs reads a file: both are tag → { vr, Value }.
 */
import { firstString, itemsOf, type Dataset } from '../deid/dataset';
import type { Code } from './codes';

export const TAG = {
  conceptName: '0040A043',
  conceptCode: '0040A168',
  content: '0040A730',
  valueType: '0040A040',
  textValue: '0040A160',
  referencedSop: '00081199',
  referencedSopClass: '00081150',
  referencedSopInstance: '00081155',
  referencedSeries: '00081115',
  referencedImage: '00081140',
  evidence: '0040A375',
  studyUid: '0020000D',
  seriesUid: '0020000E',
  sopInstanceUid: '00080018',
  sopClassUid: '00080016',
  modality: '00080060',
  contentDate: '00080023',
  studyDate: '00080020',
  codeValue: '00080100',
  codingScheme: '00080102',
  codeMeaning: '00080104',
} as const;

export function sequence(ds: Dataset, tag: string): Dataset[] {
  const el = ds[tag];
  return el ? itemsOf(el) : [];
}

export function text(ds: Dataset, tag: string): string | undefined {
  const v = firstString(ds, tag);
  return v === undefined ? undefined : v.trim();
}

/** Numbers of a DS/IS/FL/SL element, whether read as numbers (JSON, dcmjs) or as text. */
export function numbers(ds: Dataset, tag: string): number[] {
  return (ds[tag]?.Value ?? []).map((v) => (typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN));
}

/** The first code of a code sequence (Concept Name, Concept Code). */
export function codeOf(ds: Dataset, tag: string): Code | undefined {
  const item = sequence(ds, tag)[0];
  if (!item) return undefined;
  const value = text(item, TAG.codeValue);
  if (!value) return undefined;
  return { value, scheme: text(item, TAG.codingScheme) ?? '', meaning: text(item, TAG.codeMeaning) ?? '' };
}

export const valueTypeOf = (item: Dataset): string => (text(item, TAG.valueType) ?? '').toUpperCase();

/** A DA value as YYYY-MM-DD, or undefined. */
export function isoDate(ds: Dataset, tag: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text(ds, tag) ?? '');
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}
