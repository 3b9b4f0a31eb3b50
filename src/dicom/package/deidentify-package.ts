/**
 * De-identifies every DICOM file of a package in place (same paths), for a package whose files do not all say
 * they were de-identified. Every file, not only those: one UID map and one date offset for the whole package
 * keep series, studies and frames of reference together, where a mix of old and new UIDs would split a series.
 * The case file stays right: it names files by path and images by position order, neither of which changes
 * (positions and pixels are kept), and a package has no DICOMweb series, the only place a case names UIDs.
 */
import { readDicomFile, writeDicomFile } from '../deid/dataset';
import { deidentifyFile, type DeidContext } from '../deid/deidentify';
import { refusalReason } from '../deid/refusal';
import { DeidTally } from '../deid/report';
import { UidMap, dateOffsetFromSalt } from '../deid/uid-map';
import { buildReport, type DeidReport, type FileNote } from '../import/import-report';
import { hasDicmMarker } from './package-format';
import type { PackageFiles } from './package-files';

export interface PackageDeidOptions {
  /** Written as PatientName and PatientID. */
  caseId: string;
  salt: string;
  /** De-identify images with burned-in annotation or screen captures too (their pixels are not cleaned). */
  force?: boolean;
}

export interface PackageDeidResult {
  /** All files, the DICOM ones de-identified; unchanged when anything was quarantined. */
  files: Map<string, Uint8Array>;
  /** Images refused (pixels that may show a name): the case needs them, so the package cannot be imported. */
  quarantined: FileNote[];
  forced: FileNote[];
  report: DeidReport;
}

const folderOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);

export function deidentifyPackage(files: PackageFiles, options: PackageDeidOptions): PackageDeidResult {
  const tally = new DeidTally();
  const ctx: DeidContext = {
    caseId: options.caseId,
    uids: new UidMap(options.salt),
    dateOffsetDays: dateOffsetFromSalt(options.salt),
    tally,
  };
  const out = new Map(files);
  const quarantined: FileNote[] = [];
  const forced: FileNote[] = [];
  const skipped: FileNote[] = [];
  // For the report's counts: our packages keep one series per folder.
  const byFolder = new Map<string, Uint8Array[]>();
  for (const [path, bytes] of files) {
    if (!hasDicmMarker(bytes)) continue;
    let dicom;
    try {
      dicom = readDicomFile(bytes);
    } catch (e) {
      skipped.push({ file: path, reason: `could not be read as DICOM (${(e as Error).message})` });
      continue;
    }
    const refusal = refusalReason(dicom);
    if (refusal && !options.force) {
      quarantined.push({ file: path, reason: refusal });
      continue;
    }
    if (refusal) forced.push({ file: path, reason: refusal });
    deidentifyFile(dicom, ctx);
    const written = writeDicomFile(dicom);
    out.set(path, written);
    const folder = byFolder.get(folderOf(path)) ?? [];
    folder.push(written);
    byFolder.set(folderOf(path), folder);
  }
  const report = buildReport({
    series: [...byFolder.values()].map((f) => ({ files: f })),
    quarantined,
    forced,
    skipped,
    tally,
    distinctUids: ctx.uids.size,
  });
  return { files: quarantined.length ? new Map(files) : out, quarantined, forced, report };
}
