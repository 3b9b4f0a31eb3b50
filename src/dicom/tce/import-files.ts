/**
 * What the archive page hands its worker: a retrieved manifest's bytes in, a draft case and its de-identified
 * series out, with what was missing, passed over and replaced. Unreadable reports and presentation states are
 * named and passed over. The images' original UIDs stay inside: the answer carries none.
 */
import type { CaseFile } from '../../case/schema';
import { readDicomFile, type Dataset } from '../deid/dataset';
import { identifierFindings, type Findings } from '../deid/findings';
import type { RetrievedManifest } from './archive';
import { importTce, type MissingImage } from './import-tce';
import type { TextReplacement } from './free-text';

export interface TceFilesRequest {
  retrieved: RetrievedManifest;
  caseId: string;
  salt: string;
}

export interface TceFilesResult {
  caseFile: CaseFile;
  series: { key: string; label: string; modality: string; files: Uint8Array[] }[];
  missing: { keyImage: number }[];
  notes: string[];
  replaced: TextReplacement[];
  findings: Findings;
  /** Files not imported (not images, unreadable, or refused for burned-in text), with the reason. */
  refused: string[];
}

export type TceFilesReply = { ok: true; result: TceFilesResult } | { ok: false; reason: string };

export function importTceFiles({ retrieved, caseId, salt }: TceFilesRequest): TceFilesResult {
  const notes = [...retrieved.notes];
  const parse = (bytes: Uint8Array, what: string): Dataset | undefined => {
    try {
      return readDicomFile(bytes).dict;
    } catch (e) {
      notes.push(`${what} could not be read as DICOM (${(e as Error).message}): passed over`);
      return undefined;
    }
  };
  const manifest = parse(retrieved.manifest, 'the manifest');
  if (!manifest) throw new Error(notes.join('; '));
  const reports = retrieved.reports.map((f, i) => parse(f.bytes, `report ${i + 1}`)).filter((d): d is Dataset => !!d);
  const states = retrieved.presentationStates.map((f, i) => parse(f.bytes, `presentation state ${i + 1}`)).filter((d): d is Dataset => !!d);
  const r = importTce({ manifest, reports, presentationStates: states, images: retrieved.images }, { caseId, salt });
  return {
    caseFile: r.caseFile,
    series: r.series.map(({ key, label, modality, files }) => ({ key, label, modality, files })),
    missing: r.missing.map(({ keyImage }: MissingImage) => ({ keyImage })),
    notes: [...notes, ...r.notes],
    replaced: r.replaced,
    findings: identifierFindings(r.report.counts),
    refused: [...r.quarantined, ...r.skipped].map((n) => n.reason),
  };
}
