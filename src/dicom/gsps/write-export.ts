/**
 * A case's presentation states as files, for `case:export-gsps` and the author's "Export presentation states":
 * the cues' views (write-views.ts), each written against its image's own dataset (write-dataset.ts), all in one
 * new presentation series per referenced study. No Node APIs: the browser runs it too.
 */
import type { ParsedCase } from '../../case/schema';
import type { CaseFileReader } from '../case-files';
import { readDicomFile } from '../deid/dataset';
import type { DicomHeader } from '../header';
import { gspsDataset, gspsFile } from './write-dataset';
import { dicomDateTime, newUid } from './write-ids';
import { caseGspsTargets, type GspsTarget, type SeriesDefaultWindow } from './write-views';

/** Presentation series get numbers well past the acquired ones, so a PACS lists them after the images. */
const PR_SERIES_NUMBER = 9001;

export interface WrittenGsps {
  target: GspsTarget;
  sopInstanceUid: string;
  bytes: Uint8Array;
}

export interface GspsExportOptions {
  /** Content Creator's Name; the case's credit line or the tool's name, never a patient's. */
  creator: string;
  /** When they were made (tests pass a fixed one). */
  now?: Date;
}

export async function exportCaseGsps(
  c: ParsedCase,
  headers: ReadonlyMap<string, readonly DicomHeader[]>,
  reader: CaseFileReader,
  seriesDefault: SeriesDefaultWindow,
  options: GspsExportOptions,
): Promise<WrittenGsps[]> {
  const targets = await caseGspsTargets(c, headers, seriesDefault);
  const created = dicomDateTime(options.now ?? new Date());
  const seriesByStudy = new Map<string, string>();
  const out: WrittenGsps[] = [];
  for (const [i, target] of targets.entries()) {
    const image = readDicomFile(await reader.readBytes(target.header.fileName)).dict;
    const sopClassUid = image['00080016']?.Value?.[0];
    if (typeof sopClassUid !== 'string') throw new Error(`${target.header.fileName}: no SOP Class UID to reference`);
    const study = target.header.studyInstanceUID;
    if (!seriesByStudy.has(study)) seriesByStudy.set(study, newUid());
    const view = { ...target.view, image: { ...target.view.image, sopClassUid } };
    const sopInstanceUid = newUid();
    const dataset = gspsDataset(view, image, {
      sopInstanceUid,
      seriesInstanceUid: seriesByStudy.get(study) as string,
      seriesNumber: PR_SERIES_NUMBER,
      instanceNumber: i + 1,
      created,
      creator: options.creator,
    });
    out.push({ target: { ...target, view }, sopInstanceUid, bytes: gspsFile(dataset) });
  }
  return out;
}
