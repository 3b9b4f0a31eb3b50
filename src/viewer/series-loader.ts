/**
 * Loads each series once per session and hands it to Cornerstone as imageIds in position order: Part 10 files as
 * `dicomfile:` imageIds (`file-series.ts`), a DICOMweb series as `wadors:` imageIds (`dicomweb-series.ts`). The
 * viewer's image index, the case file's image index and Cornerstone's stack index are therefore the same number,
 * and every image comes with the header facts the viewer needs (position, window, frame of reference).
 */
import { cache, Enums, imageLoader } from '@cornerstonejs/core';
import type { DicomHeader } from '../dicom/header';
import type { SeriesSource } from './types';
import { loadFileSeries, releaseFileImage } from './file-series';
import { loadDicomWebSeries, releaseDicomWebImage } from './dicomweb-series';
import { eachLimited } from './limited';
import { FileProblem } from './load-errors';

/** Frames fetched at the same time while prefetching a DICOMweb series. */
const PARALLEL_FRAME_PREFETCH = 2;

export interface LoadedImage {
  imageId: string;
  /** The file (or DICOMweb instance) as the user knows it, for error messages. */
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

/** What identifies a series' content: the file URLs, or the server and UIDs. A changed case reloads it. */
function signatureOf(source: SeriesSource): string {
  if ('files' in source) return source.files.map((f) => f.url).join('\n');
  const { baseUrl, studyInstanceUID, seriesInstanceUID } = source.dicomweb;
  return `${baseUrl}\n${studyInstanceUID}\n${seriesInstanceUID}`;
}

export class SeriesCache {
  private readonly entries = new Map<string, Entry>();
  private readonly fileNames = new Map<string, string>();
  private released = false;

  /** Resolves with the sorted series; rejects with a FileProblem naming the first file (or request) that failed. */
  load(source: SeriesSource, onProgress: Progress): Promise<LoadedSeries> {
    const signature = signatureOf(source);
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

  /**
   * Loads the series and brings its pixels to this machine ahead of need. Files are all downloaded by `load`;
   * a DICOMweb series' frames are fetched here, at prefetch priority (the images on screen go first), into
   * Cornerstone's image cache. Failures are left for when the image is shown, which names it.
   */
  async prefetch(source: SeriesSource): Promise<void> {
    const series = await this.load(source, () => undefined);
    if ('files' in source) return;
    await eachLimited(series.imageIds, PARALLEL_FRAME_PREFETCH, async (imageId) => {
      if (this.released || cache.getImageLoadObject(imageId)) return;
      await imageLoader
        .loadAndCacheImage(imageId, { priority: 0, requestType: Enums.RequestType.Prefetch })
        .catch(() => undefined);
    });
  }

  /** The user's name for the file behind an imageId (frame suffixes included). */
  fileNameOf(imageId: string): string | undefined {
    return this.fileNames.get(imageId);
  }

  /** Frees the decoded images, the file blobs and the DICOMweb metadata this session holds. */
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
      releaseFileImage(imageId);
    }
    this.fileNames.clear();
    this.entries.clear();
    this.released = true;
  }

  private async download(source: SeriesSource, progress: Progress): Promise<LoadedSeries> {
    const stillWanted = (): boolean => !this.released;
    const images =
      'files' in source
        ? await loadFileSeries(source, progress, stillWanted)
        : await loadDicomWebSeries(source, progress, stillWanted);
    for (const image of images) {
      // A series reloaded with the same imageIds (its case changed) is still held once by this session.
      if (this.fileNames.has(image.imageId) && image.imageId.startsWith('wadors:')) releaseDicomWebImage(image.imageId);
      this.fileNames.set(image.imageId, image.fileName);
    }
    return { key: source.key, imageIds: images.map((i) => i.imageId), images };
  }
}
