/**
 * Turns a pile of files into a de-identified case: keeps the DICOM images, refuses those whose pixels may show
 * a name, groups them into series by SeriesInstanceUID, sorts each series by position, de-identifies every
 * file with one UID map and one date offset for the whole case, and drafts case.json. Pure: files in, files
 * out; reading folders or zips and writing the result is the caller's business.
 */
import type { CaseFile } from '../../case/schema';
import { readHeader, type DicomHeader } from '../header';
import { sortHeaders } from '../sort';
import { DicomFileError, reasonOf } from '../errors';
import { firstString, readDicomFile, writeDicomFile, type DicomFile } from '../deid/dataset';
import { deidentifyFile, type DeidContext } from '../deid/deidentify';
import { refusalReason } from '../deid/refusal';
import { DeidTally } from '../deid/report';
import { UidMap, dateOffsetFromSalt } from '../deid/uid-map';
import { buildReport, type DeidReport, type FileNote } from './import-report';
import { seriesKeys, seriesLabel } from './series-naming';
import { scaffoldCase } from './scaffold';

export interface SourceFile {
  /** As the user knows it (a path inside the folder or the zip); used in notes, never in the output. */
  name: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  caseId: string;
  /** Secret per case: with the same salt, the same input gives the same UIDs and date offset. */
  salt: string;
  /** Import images that would otherwise be refused (burned-in annotation, screen captures). */
  force?: boolean;
  /** Overrides the offset derived from the salt. */
  dateOffsetDays?: number;
}

export interface ImportedSeries {
  key: string;
  label: string;
  modality: string;
  /** De-identified files, in position order. */
  files: Uint8Array[];
  imageCount: number;
  /**
   * Each file's SOP Instance UID as it came in (before UIDs were remapped) and its first image index, in position
   * order, and the series' own: so an importer that was told which images matter (a TCE manifest) can find them.
   * Never written out.
   */
  source: { seriesInstanceUid: string; instances: { sopInstanceUid: string; firstImage: number }[] };
}

export interface ImportResult {
  series: ImportedSeries[];
  /** Refused: their pixels may show who the patient is. */
  quarantined: FileNote[];
  /** Imported although they would have been refused, because of `force`. */
  forced: FileNote[];
  /** Not DICOM images (other files, reports, damaged files). */
  skipped: FileNote[];
  report: DeidReport;
  caseFile: CaseFile;
}

type Entry = DicomHeader & { dicom: DicomFile };

function hasDicmMarker(bytes: Uint8Array): boolean {
  return bytes.length >= 132 && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d;
}

function seriesNumberOf(file: DicomFile): number | undefined {
  const v = file.dict['00200011']?.Value?.[0];
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** Reads what can be imported; every other file gets a note saying why not. */
function admit(sources: Iterable<SourceFile>, force: boolean, notes: Pick<ImportResult, 'quarantined' | 'forced' | 'skipped'>): Entry[] {
  const entries: Entry[] = [];
  for (const { name, bytes } of sources) {
    if (!hasDicmMarker(bytes)) {
      notes.skipped.push({ file: name, reason: 'not a DICOM file (no "DICM" marker at byte 128)' });
      continue;
    }
    let header: DicomHeader;
    let dicom: DicomFile;
    try {
      header = readHeader(bytes, name);
      dicom = readDicomFile(bytes);
    } catch (e) {
      notes.skipped.push({ file: name, reason: e instanceof DicomFileError ? e.reason : `could not be read as DICOM (${reasonOf(e)})` });
      continue;
    }
    const refusal = refusalReason(dicom);
    if (refusal && !force) {
      notes.quarantined.push({ file: name, reason: refusal });
      continue;
    }
    if (refusal) notes.forced.push({ file: name, reason: refusal });
    entries.push({ ...header, dicom });
  }
  return entries;
}

export function importCase(sources: Iterable<SourceFile>, options: ImportOptions): ImportResult {
  const notes = { quarantined: [] as FileNote[], forced: [] as FileNote[], skipped: [] as FileNote[] };
  const entries = admit(sources, options.force ?? false, notes);

  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    const group = groups.get(e.seriesInstanceUID);
    if (group) group.push(e);
    else groups.set(e.seriesInstanceUID, [e]);
  }
  const ordered = [...groups.values()]
    .map((g, i) => ({ sorted: sortHeaders(g), firstSeen: i }))
    .sort((a, b) => (seriesNumberOf(a.sorted[0]!.dicom) ?? Infinity) - (seriesNumberOf(b.sorted[0]!.dicom) ?? Infinity) || a.firstSeen - b.firstSeen);

  const tally = new DeidTally();
  const ctx: DeidContext = {
    caseId: options.caseId,
    uids: new UidMap(options.salt),
    dateOffsetDays: options.dateOffsetDays ?? dateOffsetFromSalt(options.salt),
    tally,
  };
  const written = ordered.map(({ sorted }, i) => {
    let image = 0;
    const instances = sorted.map((e) => {
      const at = { sopInstanceUid: firstString(e.dicom.dict, '00080018') ?? '', firstImage: image };
      image += e.numberOfFrames;
      return at;
    });
    const source = { seriesInstanceUid: sorted[0]!.seriesInstanceUID, instances };
    const files = sorted.map((e) => {
      deidentifyFile(e.dicom, ctx);
      return writeDicomFile(e.dicom);
    });
    const first = sorted[0]!.dicom;
    return {
      files,
      source,
      imageCount: sorted.reduce((n, e) => n + e.numberOfFrames, 0),
      name: {
        // Read after de-identification: the description has been cleaned by then.
        description: firstString(first.dict, '0008103E'),
        modality: (firstString(first.dict, '00080060') ?? '').trim().toUpperCase(),
        seriesNumber: seriesNumberOf(first),
        ordinal: i + 1,
      },
    };
  });

  const keys = seriesKeys(written.map((w) => w.name));
  const series: ImportedSeries[] = written.map((w, i) => ({
    key: keys[i]!,
    label: seriesLabel(w.name),
    modality: /^[A-Z]{2,4}$/.test(w.name.modality) ? w.name.modality : 'OT',
    files: w.files,
    imageCount: w.imageCount,
    source: w.source,
  }));
  return {
    series,
    ...notes,
    report: buildReport({ series, ...notes, tally, distinctUids: ctx.uids.size }),
    caseFile: scaffoldCase(options.caseId, series),
  };
}
