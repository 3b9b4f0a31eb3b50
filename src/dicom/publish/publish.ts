/**
 * Publishing a case to the department's archive: its de-identified series and their presentation states go by
 * STOW-RS to a DICOMweb server, and the case comes back with every file series pointing at that server
 * (`source.dicomweb`), so the archive holds the images and the static site only the lesson. Nothing leaves unless
 * every file says it was de-identified. Shared by `case:publish` and the author's "Send to archive".
 */
import type { CaseFile, ParsedCase } from '../../case/schema';
import type { CaseFileReader } from '../case-files';
import type { WrittenGsps } from '../gsps/write-export';
import type { DicomHeader } from '../header';
import { notDeidentified } from './deid-check';
import { stowInstances, type StowFile } from './stow';

export class PublishRefused extends Error {
  constructor(
    message: string,
    /** The files refused, named as in the case folder (presentation states by their export name). */
    readonly files: string[],
  ) {
    super(message);
    this.name = 'PublishRefused';
  }
}

export interface PublishInput {
  /** The case as written (or the author's draft): what the published case.json is made from. */
  raw: CaseFile;
  lesson: ParsedCase;
  /** Each file series' sorted headers (`readCaseSeries`). */
  headers: ReadonlyMap<string, readonly DicomHeader[]>;
  reader: CaseFileReader;
  gsps: readonly WrittenGsps[];
  serverId: string;
  baseUrl: string;
  fetchFn: Parameters<typeof stowInstances>[3];
  onProgress?: (sent: number, total: number) => void;
}

export interface PublishResult {
  caseJson: CaseFile;
  images: number;
  states: number;
}

const naming = (files: readonly string[]): string => `${files.slice(0, 5).join(', ')}${files.length > 5 ? ` and ${files.length - 5} more` : ''}`;

/** The case with each file series replaced by the same series on `serverId`, by the UIDs its files carry. */
export function publishedCase(raw: CaseFile, headers: ReadonlyMap<string, readonly DicomHeader[]>, serverId: string): CaseFile {
  const series = raw.series.map((s) => {
    if ('source' in s) return s;
    const first = headers.get(s.key)?.[0];
    if (!first) throw new Error(`series "${s.key}" has no images to publish`);
    const { key, label, modality, description } = s;
    const dicomweb = { server: serverId, studyInstanceUID: first.studyInstanceUID, seriesInstanceUID: first.seriesInstanceUID };
    return { key, label, modality, ...(description ? { description } : {}), source: { dicomweb } };
  });
  return { ...raw, series };
}

export async function publishCase(input: PublishInput): Promise<PublishResult> {
  const uids = new Map<StowFile, string>();
  const images: StowFile[] = [];
  for (const series of input.lesson.series) {
    if ('source' in series) continue;
    for (const h of input.headers.get(series.key) ?? []) {
      const file = { name: h.fileName, bytes: await input.reader.readBytes(h.fileName) };
      uids.set(file, h.sopInstanceUID);
      images.push(file);
    }
  }
  const states = input.gsps.map((g) => {
    const file = { name: g.target.name, bytes: g.bytes };
    uids.set(file, g.sopInstanceUid);
    return file;
  });
  const all = [...images, ...states];
  const unmarked = notDeidentified(all);
  if (unmarked.length) {
    throw new PublishRefused(
      `nothing was sent: ${unmarked.length} file(s) do not say they were de-identified (Patient Identity Removed YES and a De-identification Method): ${naming(unmarked)}`,
      unmarked,
    );
  }
  const caseJson = publishedCase(input.raw, input.headers, input.serverId);
  const result = await stowInstances(input.baseUrl, all, (f) => uids.get(f) ?? '', input.fetchFn, input.onProgress);
  if (result.failed.length) {
    const names = result.failed.map((f) => `${f.name} (${f.reason})`);
    throw new PublishRefused(`the archive refused ${result.failed.length} of ${all.length} files: ${naming(names)}`, result.failed.map((f) => f.name));
  }
  return { caseJson, images: images.length, states: states.length };
}
