/**
 * Downloads a series once per session, reads and sorts its headers with our own code, and hands the bytes to
 * Cornerstone as `dicomfile:` imageIds in that sorted order. The viewer's image index, the case file's image
 * index and Cornerstone's stack index are therefore the same number.
 */
import { cache } from '@cornerstonejs/core';
import { wadouri } from '@cornerstonejs/dicom-image-loader';
import { readHeader, type DicomHeader } from '../dicom/header';
import { sortHeaders } from '../dicom/sort';
import type { SeriesSource } from './types';
import { inflateIfDeflated } from './deflated';
import { FileProblem, httpProblem, readProblem } from './load-errors';

/** A DICOM file has a 128-byte preamble and "DICM" before its first element. */
const MIN_PART10_LENGTH = 132;
/** How many files are downloaded at the same time. */
const PARALLEL_DOWNLOADS = 4;

export interface LoadedImage {
  imageId: string;
  /** The file's name as the user knows it, for error messages. */
  fileName: string;
  header: DicomHeader;
}

export interface LoadedSeries {
  key: string;
  imageIds: string[];
  images: LoadedImage[];
}

type Progress = (fraction: number) => void;

interface Entry {
  signature: string;
  promise: Promise<LoadedSeries>;
  /** Shared by every viewport waiting for this series. */
  watch: { progress: number; listeners: Set<Progress> };
}

type HeaderWithBytes = DicomHeader & { bytes: Uint8Array };

async function fetchFile(file: SeriesSource['files'][number]): Promise<HeaderWithBytes> {
  let response: Response;
  try {
    response = await fetch(file.url);
  } catch (e) {
    throw new FileProblem(file.name, `could not be downloaded (${e instanceof Error ? e.message : String(e)})`, false);
  }
  if (!response.ok) throw httpProblem(file.name, response.status, response.statusText);
  // Single-page-app hosts (Vite dev included) answer a missing file with 200 and their index.html.
  if (response.headers.get('content-type')?.startsWith('text/html')) {
    throw new FileProblem(file.name, 'not found (the server sent a web page instead of the file)');
  }
  const raw = new Uint8Array(await response.arrayBuffer());
  if (raw.length < MIN_PART10_LENGTH) {
    throw new FileProblem(file.name, `not a DICOM file (only ${raw.length} bytes, too short for the "DICM" marker at byte 128)`);
  }
  try {
    const bytes = await inflateIfDeflated(raw);
    return { ...readHeader(bytes, file.name), bytes };
  } catch (e) {
    throw readProblem(file.name, e);
  }
}

/** Runs `work` over `items`, a few at a time, stopping at the first failure. */
async function eachLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index] as T);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export class SeriesCache {
  private readonly entries = new Map<string, Entry>();
  private readonly fileNames = new Map<string, string>();
  private released = false;

  /** Resolves with the sorted series; rejects with a FileProblem naming the first file that failed. */
  load(source: SeriesSource, onProgress: Progress): Promise<LoadedSeries> {
    const signature = source.files.map((f) => f.url).join('\n');
    let entry = this.entries.get(source.key);
    if (!entry || entry.signature !== signature) {
      const watch: Entry['watch'] = { progress: 0, listeners: new Set() };
      const promise = this.download(source, (p) => {
        watch.progress = p;
        for (const listener of watch.listeners) listener(p);
      }).catch((e: unknown) => {
        // Keep lasting failures (404, not DICOM) so stepping through cues does not re-download a broken series;
        // forget passing ones (network, 5xx) so the next cue retries.
        if (!(e instanceof FileProblem && e.lasting) && this.entries.get(source.key)?.promise === promise) {
          this.entries.delete(source.key);
        }
        throw e;
      });
      entry = { signature, promise, watch };
      this.entries.set(source.key, entry);
    }
    const { watch, promise } = entry;
    watch.listeners.add(onProgress);
    onProgress(watch.progress);
    const stop = (): void => void watch.listeners.delete(onProgress);
    promise.then(stop, stop);
    return promise;
  }

  /** The user's name for the file behind an imageId (frame suffixes included). */
  fileNameOf(imageId: string): string | undefined {
    return this.fileNames.get(imageId);
  }

  /** Frees the decoded images and the file blobs held by Cornerstone. */
  release(): void {
    for (const imageId of this.fileNames.keys()) {
      try {
        if (cache.getImageLoadObject(imageId)) cache.removeImageLoadObject(imageId, { force: true });
      } catch {
        // Not decoded yet, or already evicted by Cornerstone's own cache limit: nothing to free.
      }
      const match = /^dicomfile:(\d+)$/.exec(imageId);
      if (match) wadouri.fileManager.remove(Number(match[1]));
    }
    this.fileNames.clear();
    this.entries.clear();
    this.released = true;
  }

  private async download(source: SeriesSource, progress: Progress): Promise<LoadedSeries> {
    if (source.files.length === 0) throw new Error(`series "${source.key}" lists no files`);
    let done = 0;
    const headers = await eachLimited(source.files, PARALLEL_DOWNLOADS, async (file) => {
      const header = await fetchFile(file);
      progress(++done / source.files.length);
      return header;
    });
    // The session ended while we downloaded: hand nothing to Cornerstone that release() would never free.
    if (this.released) throw new Error('the viewer session was closed');
    const images: LoadedImage[] = [];
    for (const { bytes, ...header } of sortHeaders(headers)) {
      // Blob wants an ArrayBuffer-backed view; the bytes are handed over once and never fetched again.
      const fileId = wadouri.fileManager.add(new Blob([new Uint8Array(bytes)]));
      const frameIds =
        header.numberOfFrames > 1
          ? Array.from({ length: header.numberOfFrames }, (_, i) => `${fileId}?frame=${i + 1}`)
          : [fileId];
      for (const imageId of frameIds) {
        this.fileNames.set(imageId, header.fileName);
        images.push({ imageId, fileName: header.fileName, header });
      }
    }
    return { key: source.key, imageIds: images.map((i) => i.imageId), images };
  }
}
