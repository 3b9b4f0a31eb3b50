/**
 * Files a user opened from their own disk, grouped into series by SeriesInstanceUID and sorted by position, so
 * they can be viewed at once as an ad-hoc case. Files that are not DICOM images are listed with the reason.
 */
import type { DicomHeader } from './header';
import { DicomFileError, reasonOf } from './errors';
import { readDicomFile, type ReadFile } from './read-file';
import { sortHeaders } from './sort';
import { formatBytes, MAX_FILE_BYTES } from './limits';

/** A file as the browser (or a test) hands it over: its name as the user knows it, and a way to read bytes. */
export interface LocalFile<T> {
  name: string;
  size: number;
  /** Bytes from the start; all of them when `limit` is undefined. */
  read(limit?: number): Promise<Uint8Array>;
  /** Whatever the caller needs back with the file (a File, a URL). */
  handle: T;
}

export interface LocalSeries<T> {
  seriesInstanceUID: string;
  modality: string;
  label: string;
  seriesNumber?: number;
  /** In position order, with the header each was sorted by. */
  files: Array<{ name: string; header: DicomHeader; handle: T }>;
}

export interface LocalScan<T> {
  series: LocalSeries<T>[];
  skipped: Array<{ name: string; reason: string }>;
}

/** Headers sit at the start of a file; reading a slice first keeps a folder of large images quick to scan. */
const HEAD_BYTES = 256 * 1024;
/** Files read at the same time (each one's header is read in a worker; see `off-thread.ts`). */
const PARALLEL_READS = 4;

/** Reads one file's header from its bytes: in a worker in the browser, directly in Node. */
export type ReadDicom = (bytes: Uint8Array, fileName: string, fileSize: number) => Promise<ReadFile>;

async function headerOf<T>(file: LocalFile<T>, read: ReadDicom): Promise<DicomHeader> {
  // Refused before a byte is read: a multi-gigabyte file would only exhaust the tab.
  if (file.size > MAX_FILE_BYTES) {
    throw new DicomFileError(file.name, `it is ${formatBytes(file.size)}, more than the ${formatBytes(MAX_FILE_BYTES)} this viewer reads from one file`);
  }
  if (file.size > HEAD_BYTES) {
    try {
      return (await read(await file.read(HEAD_BYTES), file.name, file.size)).header;
    } catch (e) {
      // A header longer than the slice (big sequences, private data) or a deflated file: read all of it below.
      // A stalled reader is not retried: the whole file would only stall it again.
      if (e instanceof DicomFileError && /took longer than/.test(e.reason)) throw e;
    }
  }
  return (await read(await file.read(), file.name, file.size)).header;
}

function labelOf(h: DicomHeader, index: number): string {
  const description = h.seriesDescription?.trim();
  const number = h.seriesNumber !== undefined ? `series ${h.seriesNumber}` : `series ${index + 1}`;
  return `${h.modality || 'OT'} ${description || number}`;
}

/** Runs `work` on every item, a few at a time; results in the items' order. */
async function mapLimited<A, B>(items: readonly A[], limit: number, work: (item: A) => Promise<B>): Promise<B[]> {
  const out = new Array<B>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i] as A);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

export async function scanLocalFiles<T>(files: readonly LocalFile<T>[], read: ReadDicom = readDicomFile): Promise<LocalScan<T>> {
  type Result = { file: LocalFile<T>; header: DicomHeader } | { file: LocalFile<T>; reason: string };
  const results = await mapLimited(files, PARALLEL_READS, async (file): Promise<Result> => {
    try {
      return { file, header: await headerOf(file, read) };
    } catch (e) {
      return { file, reason: e instanceof DicomFileError ? e.reason : reasonOf(e) };
    }
  });
  const skipped: LocalScan<T>['skipped'] = [];
  const groups = new Map<string, Array<{ name: string; header: DicomHeader; handle: T }>>();
  for (const r of results) {
    if ('reason' in r) {
      skipped.push({ name: r.file.name, reason: r.reason });
      continue;
    }
    // A file without a SeriesInstanceUID is a series of its own.
    const key = r.header.seriesInstanceUID || `file:${r.file.name}`;
    const group = groups.get(key) ?? [];
    group.push({ name: r.file.name, header: r.header, handle: r.file.handle });
    groups.set(key, group);
  }
  const series = [...groups.entries()].map(([uid, group]): LocalSeries<T> => {
    const order = sortHeaders(group.map((g) => g.header));
    const byHeader = new Map(group.map((g) => [g.header, g]));
    const first = order[0] ?? group[0]!.header;
    return {
      seriesInstanceUID: uid,
      modality: first.modality || 'OT',
      label: '',
      ...(first.seriesNumber !== undefined ? { seriesNumber: first.seriesNumber } : {}),
      files: order.map((h) => byHeader.get(h)!),
    };
  });
  // The scanner's series order: by series number, then by label; labels say which is which on screen.
  series.sort((a, b) => (a.seriesNumber ?? 1e9) - (b.seriesNumber ?? 1e9));
  series.forEach((s, i) => (s.label = labelOf(s.files[0]!.header, i)));
  return { series, skipped };
}
