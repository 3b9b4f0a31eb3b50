/**
 * Files a user opened from their own disk, grouped into series by SeriesInstanceUID and sorted by position, so
 * they can be viewed at once as an ad-hoc case. Files that are not DICOM images are listed with the reason.
 */
import { readHeader, type DicomHeader } from './header';
import { DicomFileError, reasonOf } from './errors';
import { sortHeaders } from './sort';

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

/** Turns a whole file's bytes into what dicom-parser reads (e.g. inflates a deflated transfer syntax). */
export type PrepareBytes = (bytes: Uint8Array) => Promise<Uint8Array>;

async function headerOf<T>(file: LocalFile<T>, prepare: PrepareBytes): Promise<DicomHeader> {
  if (file.size > HEAD_BYTES) {
    try {
      return readHeader(await file.read(HEAD_BYTES), file.name);
    } catch {
      // a header longer than the slice (big sequences, private data), or a deflated file: read all of it below
    }
  }
  return readHeader(await prepare(await file.read()), file.name);
}

function labelOf(h: DicomHeader, index: number): string {
  const description = h.seriesDescription?.trim();
  const number = h.seriesNumber !== undefined ? `series ${h.seriesNumber}` : `series ${index + 1}`;
  return `${h.modality || 'OT'} ${description || number}`;
}

export async function scanLocalFiles<T>(
  files: readonly LocalFile<T>[],
  prepare: PrepareBytes = async (b) => b,
): Promise<LocalScan<T>> {
  const skipped: LocalScan<T>['skipped'] = [];
  const groups = new Map<string, Array<{ name: string; header: DicomHeader; handle: T }>>();
  for (const file of files) {
    try {
      const header = await headerOf(file, prepare);
      if (!header.hasPixelData) throw new DicomFileError(file.name, 'has no pixel data (7FE0,0010)');
      const group = groups.get(header.seriesInstanceUID) ?? [];
      group.push({ name: file.name, header, handle: file.handle });
      groups.set(header.seriesInstanceUID, group);
    } catch (e) {
      skipped.push({ name: file.name, reason: e instanceof DicomFileError ? e.reason : reasonOf(e) });
    }
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
