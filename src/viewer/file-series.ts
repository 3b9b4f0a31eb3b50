/**
 * A series of Part 10 files as `casefile:` imageIds (`case-file-loader.ts`). Two ways in:
 *  - listed in position order (a manifest with `"sorted": true`, checked by `npm run cases:check`): image n is
 *    file n, so the stack exists at once and each file is downloaded when an image needs it, the cue's first;
 *    `loadAll` then brings the rest, nearest to the cue first, for scrolling, linking and the case's other cues;
 *  - otherwise: every file is downloaded and its header read, and the images are sorted by position before any
 *    is shown (the order is not known until then).
 * Either way each file is downloaded once, its header read by our own code, and its bytes handed to Cornerstone
 * only when Cornerstone first needs the image.
 */
import { sortHeaders } from '../dicom/sort';
import type { FileSeriesSource } from './types';
import type { LoadedImage, LoadedSeries } from './series-loader';
import { addCaseFile, caseFileImageId, removeCaseFile } from './case-file-loader';
import { takeFile, type FetchedFile } from './file-fetch';
import { eachLimited } from './limited';
import { FileProblem } from './load-errors';
import { outwardOrder } from './load-order';

/** How many files are downloaded at the same time. */
const PARALLEL_DOWNLOADS = 4;

type Progress = (fraction: number) => void;

export async function openFileSeries(source: FileSeriesSource, progress: Progress, stillWanted: () => boolean): Promise<LoadedSeries> {
  if (source.files.length === 0) throw new Error(`series "${source.key}" lists no files`);
  return source.sorted ? openListedInOrder(source, progress) : loadAndSort(source, progress, stillWanted);
}

/** Bytes waiting to be handed to Cornerstone, one file each; the file downloads again if asked for twice. */
class HeldBytes {
  private readonly held = new Map<string, Uint8Array>();
  keep(url: string, bytes: Uint8Array): void {
    this.held.set(url, bytes);
  }
  take(url: string): Uint8Array | undefined {
    const bytes = this.held.get(url);
    this.held.delete(url);
    return bytes;
  }
  clear(): void {
    this.held.clear();
  }
}

function openListedInOrder(source: FileSeriesSource, progress: Progress): LoadedSeries {
  const files = source.files;
  const held = new HeldBytes();
  const images: LoadedImage[] = files.map((f) => ({ imageId: caseFileImageId(f.url), fileName: f.name }));
  const arrivals: (Promise<void> | undefined)[] = new Array(files.length);
  let arrived = 0;
  let released = false;

  const arrive = (i: number): Promise<void> => {
    const existing = arrivals[i];
    if (existing) return existing;
    const file = files[i] as FileSeriesSource['files'][number];
    const arrival = takeFile(file).then(({ header, bytes }: FetchedFile) => {
      if (header.numberOfFrames > 1) {
        throw new FileProblem(file.name, `has ${header.numberOfFrames} frames, but its manifest says "sorted" (one image per file, in position order)`);
      }
      (images[i] as LoadedImage).header = header;
      if (!released) held.keep(file.url, bytes);
      progress(++arrived / files.length);
    });
    arrivals[i] = arrival;
    arrival.catch((e: unknown) => {
      // Passing failures (network, 5xx) are tried again by whoever asks next; lasting ones are kept.
      if (!(e instanceof FileProblem && e.lasting) && arrivals[i] === arrival) arrivals[i] = undefined;
    });
    return arrival;
  };

  const tokens = files.map((file, i) =>
    addCaseFile(file.url, async () => {
      await arrive(i);
      let bytes = held.take(file.url);
      if (!bytes) {
        // Handed over before and forgotten by the parser (its registration failed): download it again.
        arrivals[i] = undefined;
        await arrive(i);
        bytes = held.take(file.url);
      }
      if (!bytes) throw new FileProblem(file.name, 'its download was dropped (the viewer was closed)', false);
      return bytes;
    }),
  );

  let all: Promise<void> | undefined;
  let problem: FileProblem | undefined;
  return {
    key: source.key,
    imageIds: images.map((i) => i.imageId),
    images,
    ready: arrive,
    get problem() {
      return problem;
    },
    loadAll(from) {
      all ??= eachLimited(outwardOrder(from, files.length), PARALLEL_DOWNLOADS, arrive).then(
        () => {
          const listed = images.map((i) => i.fileName).join('\n');
          const sorted = sortHeaders(images.map((i) => i.header).filter((h) => h !== undefined)).map((h) => h.fileName);
          // cases:check refuses such a manifest; a case that skipped it keeps its listed order, with a word here.
          if (sorted.join('\n') !== listed) console.warn(`series "${source.key}": its manifest says "sorted", but the files are not in position order`);
        },
        (e: unknown) => {
          if (e instanceof FileProblem && e.lasting) problem = e;
          else all = undefined; // a passing failure: the next call tries again
          throw e;
        },
      );
      return all;
    },
    release() {
      released = true;
      held.clear();
      files.forEach((file, i) => removeCaseFile(file.url, tokens[i] as object));
    },
  };
}

async function loadAndSort(source: FileSeriesSource, progress: Progress, stillWanted: () => boolean): Promise<LoadedSeries> {
  let done = 0;
  const fetched = await eachLimited(source.files, PARALLEL_DOWNLOADS, async (file) => {
    const got = await takeFile(file);
    progress(++done / source.files.length);
    return { ...got.header, bytes: got.bytes, url: file.url };
  });
  if (!stillWanted()) throw new Error('the viewer session was closed');
  const held = new HeldBytes();
  const images: LoadedImage[] = [];
  const tokens: [string, object][] = [];
  for (const { bytes, url, ...header } of sortHeaders(fetched)) {
    held.keep(url, bytes);
    const token = addCaseFile(url, async () => {
      const kept = held.take(url);
      if (kept) return kept;
      return (await takeFile({ name: header.fileName, url })).bytes; // asked for again: download again
    });
    tokens.push([url, token]);
    const frameIds =
      header.numberOfFrames > 1 ? Array.from({ length: header.numberOfFrames }, (_, i) => caseFileImageId(url, i + 1)) : [caseFileImageId(url)];
    for (const imageId of frameIds) images.push({ imageId, fileName: header.fileName, header });
  }
  return {
    key: source.key,
    imageIds: images.map((i) => i.imageId),
    images,
    ready: () => Promise.resolve(),
    loadAll: () => Promise.resolve(),
    release() {
      held.clear();
      for (const [url, token] of tokens) removeCaseFile(url, token);
    },
  };
}
