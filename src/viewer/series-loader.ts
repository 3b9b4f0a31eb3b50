/**
 * Opens each series once per session and hands it to Cornerstone as imageIds in position order: Part 10 files as
 * `casefile:` imageIds (`file-series.ts`), a DICOMweb series as `wadors:` imageIds (`dicomweb-series.ts`). The
 * viewer's image index, the case file's image index and Cornerstone's stack index are therefore the same number,
 * and every image comes with the header facts the viewer needs (position, window, frame of reference) once its
 * file is here.
 */
import { cache, Enums, imageLoader } from '@cornerstonejs/core';
import type { DicomHeader } from '../dicom/header';
import type { SeriesSource } from './types';
import { openFileSeries } from './file-series';
import { loadDicomWebSeries, releaseDicomWebImage } from './dicomweb-series';
import { eachLimited } from './limited';
import { FileProblem } from './load-errors';
import type { SeriesFacts } from '../case/cross-check';

/** Frames fetched at the same time while prefetching a DICOMweb series. */
const PARALLEL_FRAME_PREFETCH = 2;

export interface LoadedImage {
  imageId: string;
  /** The file (or DICOMweb instance) as the user knows it, for error messages. */
  fileName: string;
  /** Set once the file is here: a series listed in position order is shown before all its files have arrived. */
  header?: DicomHeader;
}

export interface LoadedSeries {
  key: string;
  imageIds: string[];
  images: LoadedImage[];
  /** Resolves once image `index`'s file is here (downloaded ahead of the others if need be); rejects naming it. */
  ready(index: number): Promise<void>;
  /**
   * Brings every file of the series here, nearest to image `from` first; resolves when all are, rejects with the
   * first lasting FileProblem. Called again, it returns the same promise.
   */
  loadAll(from: number): Promise<void>;
  /** Set once `loadAll` found a file that cannot be read (the series is then shown as failed, naming it). */
  readonly problem?: FileProblem;
  /** Lets go of the files and the parsed copies Cornerstone keeps of them. */
  release(): void;
}

type Progress = (fraction: number) => void;

interface Entry {
  signature: string;
  promise: Promise<LoadedSeries>;
  /** Shared by every viewport waiting for this series. */
  watch: { progress: number; listeners: Set<Progress> };
}

/** What identifies a series' content: the file URLs, or the server and UIDs. A changed case reloads it. */
function signatureOf(source: SeriesSource): string {
  if ('files' in source) return `${source.sorted ? 'sorted\n' : ''}${source.files.map((f) => f.url).join('\n')}`;
  const { baseUrl, studyInstanceUID, seriesInstanceUID } = source.dicomweb;
  return `${baseUrl}\n${studyInstanceUID}\n${seriesInstanceUID}`;
}

export class SeriesCache {
  private readonly entries = new Map<string, Entry>();
  private readonly fileNames = new Map<string, string>();
  private readonly opened = new Set<LoadedSeries>();
  /** The opened series by case key, for the facts an author's edits are checked against. */
  private readonly byKey = new Map<string, LoadedSeries>();
  private released = false;

  /**
   * Resolves with the series in position order; rejects with a FileProblem naming the first file (or request)
   * that failed. A series listed in position order resolves at once: its files arrive through `ready`/`loadAll`.
   */
  load(source: SeriesSource, onProgress: Progress): Promise<LoadedSeries> {
    const signature = signatureOf(source);
    let entry = this.entries.get(source.key);
    if (!entry || entry.signature !== signature) {
      const watch: Entry['watch'] = { progress: 0, listeners: new Set() };
      const promise = this.open(source, (p) => {
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

  /**
   * Brings a series' pixels to this machine ahead of need: every file of a file series; a DICOMweb series'
   * frames, at prefetch priority (the images on screen go first), into Cornerstone's image cache. Failures are
   * left for when the image is shown, which names it.
   */
  async prefetch(source: SeriesSource): Promise<void> {
    const series = await this.load(source, () => undefined);
    if ('files' in source) return series.loadAll(series.imageIds.length >> 1);
    await eachLimited(series.imageIds, PARALLEL_FRAME_PREFETCH, async (imageId) => {
      if (this.released || cache.getImageLoadObject(imageId)) return;
      await imageLoader
        .loadAndCacheImage(imageId, { priority: 0, requestType: Enums.RequestType.Prefetch })
        .catch(() => undefined);
    });
  }

  /**
   * What is known of each opened series for checking a case against its images: the image count, and the size and
   * frame of reference from the first image whose file is here (a series without any is left out).
   */
  facts(): Map<string, SeriesFacts> {
    const out = new Map<string, SeriesFacts>();
    for (const [key, series] of this.byKey) {
      const header = series.images.find((i) => i.header)?.header;
      if (!header) continue;
      const { rows, columns, frameOfReferenceUID } = header;
      out.set(key, { imageCount: series.imageIds.length, rows, columns, ...(frameOfReferenceUID ? { frameOfReferenceUID } : {}) });
    }
    return out;
  }

  /** The user's name for the file behind an imageId (frame suffixes included). */
  fileNameOf(imageId: string): string | undefined {
    return this.fileNames.get(imageId);
  }

  /** Frees the decoded images, the files and the DICOMweb metadata this session holds. */
  release(): void {
    for (const imageId of this.fileNames.keys()) {
      const lastHolder = imageId.startsWith('wadors:') ? releaseDicomWebImage(imageId) : true;
      if (lastHolder) {
        try {
          if (cache.getImageLoadObject(imageId)) cache.removeImageLoadObject(imageId, { force: true });
        } catch {
          // Not decoded yet, or already evicted by Cornerstone's own cache limit: nothing to free.
        }
      }
    }
    for (const series of this.opened) series.release();
    this.opened.clear();
    this.byKey.clear();
    this.fileNames.clear();
    this.entries.clear();
    this.released = true;
  }

  private async open(source: SeriesSource, progress: Progress): Promise<LoadedSeries> {
    const stillWanted = (): boolean => !this.released;
    let series: LoadedSeries;
    if ('files' in source) {
      series = await openFileSeries(source, progress, stillWanted);
    } else {
      const images = await loadDicomWebSeries(source, progress, stillWanted);
      // Frames are fetched by Cornerstone when shown; the metadata of all of them is here already.
      series = { key: source.key, imageIds: images.map((i) => i.imageId), images, ready: async () => undefined, loadAll: async () => undefined, release: () => undefined };
    }
    if (!stillWanted()) {
      series.release();
      throw new Error('the viewer session was closed');
    }
    this.opened.add(series);
    this.byKey.set(source.key, series);
    for (const image of series.images) {
      // A series reloaded with the same imageIds (its case changed) is still held once by this session.
      if (this.fileNames.has(image.imageId) && image.imageId.startsWith('wadors:')) releaseDicomWebImage(image.imageId);
      this.fileNames.set(image.imageId, image.fileName);
    }
    return series;
  }
}
