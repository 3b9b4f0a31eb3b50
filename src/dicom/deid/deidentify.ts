/**
 * De-identifies one parsed DICOM file in place, at every depth of its sequences: the profile table first
 * (`profile-table.ts`), then rules by kind for everything the table does not name:
 * - private elements (odd groups), dataset group lengths, overlays (60xx) and curves (50xx): removed;
 * - dates (DA, the date part of DT): shifted by the case's offset; a date that cannot be read is emptied;
 * - person names (PN) the table does not name: emptied, since any name of a person may identify someone;
 * - UIDs (UI) other than class UIDs and DICOM's own: replaced through the case's UID map;
 * - sequences: walked item by item.
 * Pixel data and every other element are left exactly as they were.
 */
import { itemsOf, setValues, type DataElement, type Dataset, type DicomFile } from './dataset';
import { PROFILE, type ProfileEntry } from './profile-table';
import { DICOM_ROOT, type UidMap } from './uid-map';
import { shiftDate, shiftDateTime } from './dates';
import { cleanDescriptor } from './clean-descriptors';
import type { DeidTally } from './report';
import { markDeidentified } from './method';

export interface DeidContext {
  /** Written as PatientName and PatientID. */
  caseId: string;
  uids: UidMap;
  dateOffsetDays: number;
  tally: DeidTally;
}

/** UI attributes that name a kind of thing (a SOP class, a syntax, a coding scheme), not an instance. */
const CLASS_UID_TAGS = new Set([
  '00020002', // MediaStorageSOPClassUID
  '00020010', // TransferSyntaxUID
  '00020012', // ImplementationClassUID
  '00041510', // ReferencedSOPClassUIDInFile
  '00041512', // ReferencedTransferSyntaxUIDInFile
  '00080016', // SOPClassUID
  '0008001A', // RelatedGeneralSOPClassUID
  '0008001B', // OriginalSpecializedSOPClassUID
  '00080062', // SOPClassesInStudy
  '0008010C', // CodingSchemeUID
  '00080117', // ContextUID
  '00080118', // MappingResourceUID
  '00081150', // ReferencedSOPClassUID
  '00083002', // AvailableTransferSyntaxUID
  '0018100B', // ManufacturerDeviceClassUID
  '04000010', // MACCalculationTransferSyntaxUID
]);

const DUMMY = 'ANONYMOUS';

function personName(text: string): { Alphabetic: string } {
  return { Alphabetic: text };
}

function hasContent(el: DataElement): boolean {
  return (el.Value ?? []).some((v) => v !== '' && v !== null && v !== undefined);
}

function applyEntry(ds: Dataset, tag: string, el: DataElement, [, keyword, action]: ProfileEntry, ctx: DeidContext): void {
  const { tally } = ctx;
  switch (action) {
    case 'remove':
      delete ds[tag];
      tally.count(tag, 'removed', keyword);
      return;
    case 'empty':
      if (hasContent(el)) tally.count(tag, 'emptied', keyword);
      setValues(ds, tag, el.vr, []);
      return;
    case 'dummy':
      if (el.vr === 'SQ') {
        delete ds[tag];
        tally.count(tag, 'removed', keyword);
        return;
      }
      setValues(ds, tag, el.vr, [el.vr === 'PN' ? personName(DUMMY) : DUMMY]);
      tally.count(tag, 'dummy', keyword);
      return;
    case 'case-id':
      setValues(ds, tag, el.vr, [el.vr === 'PN' ? personName(ctx.caseId) : ctx.caseId]);
      tally.count(tag, 'replaced-with-case-id', keyword);
      return;
    case 'uid':
      replaceUids(ds, tag, el, ctx, keyword);
      return;
    case 'clean':
      cleanText(ds, tag, el, ctx, keyword);
      return;
  }
}

function replaceUids(ds: Dataset, tag: string, el: DataElement, ctx: DeidContext, keyword?: string): void {
  const values = el.Value ?? [];
  if (!values.some((v) => typeof v === 'string' && v !== '')) return;
  setValues(ds, tag, 'UI', values.map((v) => (typeof v === 'string' && v !== '' ? ctx.uids.map(v) : v)));
  ctx.tally.count(tag, 'uid-replaced', keyword);
}

function cleanText(ds: Dataset, tag: string, el: DataElement, ctx: DeidContext, keyword: string): void {
  if (!hasContent(el)) return;
  const kept: string[] = [];
  let reduced = false;
  for (const v of el.Value ?? []) {
    if (typeof v !== 'string') continue;
    const result = cleanDescriptor(v);
    if (result.value !== null) kept.push(result.value);
    if (result.outcome !== 'kept') reduced = true;
  }
  if (kept.length === 0) {
    delete ds[tag];
    ctx.tally.count(tag, 'descriptor-removed', keyword);
    return;
  }
  setValues(ds, tag, el.vr, kept);
  ctx.tally.count(tag, reduced ? 'descriptor-reduced' : 'descriptor-kept', keyword);
}

function shiftDates(ds: Dataset, tag: string, el: DataElement, ctx: DeidContext): void {
  if (!hasContent(el)) return;
  const shift = el.vr === 'DA' ? shiftDate : shiftDateTime;
  const shifted = (el.Value ?? []).map((v) => (typeof v === 'string' ? shift(v, ctx.dateOffsetDays) : null));
  if (shifted.some((v) => v === null)) {
    setValues(ds, tag, el.vr, []);
    ctx.tally.count(tag, 'date-unreadable-emptied');
    return;
  }
  setValues(ds, tag, el.vr, shifted);
  ctx.tally.count(tag, 'date-shifted');
}

function applyByKind(ds: Dataset, tag: string, el: DataElement, ctx: DeidContext): void {
  switch (el.vr) {
    case 'SQ':
      for (const item of itemsOf(el)) walk(item, ctx);
      return;
    case 'DA':
    case 'DT':
      shiftDates(ds, tag, el, ctx);
      return;
    case 'PN':
      if (hasContent(el)) {
        setValues(ds, tag, 'PN', []);
        ctx.tally.count(tag, 'person-name-emptied');
      }
      return;
    case 'UI':
      if (CLASS_UID_TAGS.has(tag)) return;
      if ((el.Value ?? []).some((v) => typeof v === 'string' && v !== '' && !v.startsWith(DICOM_ROOT))) {
        replaceUids(ds, tag, el, ctx);
      }
      return;
  }
}

function walk(ds: Dataset, ctx: DeidContext): void {
  for (const tag of Object.keys(ds)) {
    const el = ds[tag];
    if (!el) continue;
    const group = parseInt(tag.slice(0, 4), 16);
    const element = parseInt(tag.slice(4, 8), 16);
    if (group % 2 === 1) {
      delete ds[tag];
      ctx.tally.privateElementsRemoved++;
      continue;
    }
    if (element === 0 && group !== 0x0002) {
      // Dataset group lengths are retired, and would be wrong once elements are removed.
      delete ds[tag];
      ctx.tally.groupLengthsRemoved++;
      continue;
    }
    if ((group & 0xff00) === 0x6000 || (group & 0xff00) === 0x5000) {
      // Overlays and curves may carry annotation text drawn or written by people.
      delete ds[tag];
      ctx.tally.overlayOrCurveElementsRemoved++;
      continue;
    }
    const entry = PROFILE.get(tag);
    if (entry) applyEntry(ds, tag, el, entry, ctx);
    else applyByKind(ds, tag, el, ctx);
  }
}

/** De-identifies the file's meta group and dataset in place, then marks it as de-identified. */
export function deidentifyFile(file: DicomFile, ctx: DeidContext): void {
  walk(file.meta, ctx);
  walk(file.dict, ctx);
  markDeidentified(file.dict, ctx);
}
