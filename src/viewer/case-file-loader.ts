/**
 * `casefile:<url>` imageIds: a case's Part 10 files as Cornerstone sees them. The imageIds of a whole series exist
 * before its files have arrived (a stack can be set up from the manifest alone), and when Cornerstone asks for an
 * image, this loader waits for the session's own download of that file (started early, shared, never repeated),
 * hands the bytes to the DICOM image loader's parser (`prefetchPart10Instance`) and lets it decode as usual.
 * Frames of a multi-frame file are `casefile:<url>?frame=N`, as the loader's own schemes do.
 */
import { registerImageLoader, type Types } from '@cornerstonejs/core';
import { prefetchPart10Instance } from '@cornerstonejs/dicom-image-loader';
import { Enums as MetadataEnums, metaData as metadataRegistry } from '@cornerstonejs/metadata';
import { checkedPart10Decode } from './checked-loader';
import { codestreamProblem, frameEnd, frameStart, isJpeg2000 } from './codestream-check';
import { codestreamKey, pixelKey, staleDecodeProblem } from './stale-decode';

const SCHEME = 'casefile';

interface FileSlot {
  /** The file's bytes, downloaded if they are not here yet; asked once (the parser keeps what it needs). */
  bytes(): Promise<Uint8Array>;
  registered?: Promise<void>;
}

/** Base imageId (no frame) -> the file behind it. */
const files = new Map<string, FileSlot>();

export function caseFileImageId(url: string, frame?: number): string {
  return frame === undefined ? `${SCHEME}:${url}` : `${SCHEME}:${url}?frame=${frame}`;
}

function baseOf(imageId: string): string {
  return imageId.replace(/\?frame=\d+$/, '');
}

/**
 * Makes `casefile:<url>` loadable; `bytes` is called when Cornerstone first needs the file. Returns the token to
 * remove it with: a page that reopens a case adds the same URLs again, and only the newest holder may remove them.
 */
export function addCaseFile(url: string, bytes: () => Promise<Uint8Array>): object {
  const slot: FileSlot = { bytes };
  files.set(caseFileImageId(url), slot);
  return slot;
}

/** Forgets a file and the parsed copy the image loader keeps of it (its decoded frames are the cache's). */
export function removeCaseFile(url: string, token: object): void {
  const base = caseFileImageId(url);
  if (files.get(base) !== token) return;
  files.delete(base);
  metadataRegistry.clearQuery(MetadataEnums.MetadataModules.NATURALIZED, base);
}

function registered(base: string, slot: FileSlot): Promise<void> {
  slot.registered ??= slot
    .bytes()
    .then((bytes) => {
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      return prefetchPart10Instance(base, whole ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer);
    })
    .then(
      () => undefined,
      (e: unknown) => {
        slot.registered = undefined; // a later view asks again (the series decides whether it downloads again)
        throw e;
      },
    );
  return slot.registered;
}

/**
 * Refuses a frame that is not a whole codestream of its transfer syntax, before a decoder sees it. Returns the
 * codestream's key when its decoder may hand back stale output (JPEG 2000: see stale-decode.ts).
 */
function checkCodestream(imageId: string): string | undefined {
  const frame = /\?frame=(\d+)$/.exec(imageId);
  const frameIndex = frame ? Number(frame[1]) - 1 : 0;
  const data = metadataRegistry.getTyped(MetadataEnums.MetadataModules.COMPRESSED_FRAME_DATA, imageId, { frameIndex }) as
    | { transferSyntaxUid?: string; pixelData?: ArrayBufferView | ArrayBufferView[] }
    | undefined;
  if (!data?.transferSyntaxUid || !data.pixelData) return undefined; // no pixel data: the loader says so itself
  const problem = codestreamProblem(data.transferSyntaxUid, frameStart(data.pixelData), frameEnd(data.pixelData));
  if (problem) throw new Error(problem);
  return isJpeg2000(data.transferSyntaxUid) ? codestreamKey(data.pixelData) : undefined;
}

/** Throws when the decoder gave back earlier output for this codestream (`key` from checkCodestream). */
function checkNotStale(key: string | undefined, image: Types.IImage): void {
  if (key === undefined) return;
  const values = image.voxelManager?.getScalarData() ?? image.getPixelData();
  const problem = staleDecodeProblem(key, pixelKey(image.columns, image.rows, values));
  if (problem) throw new Error(problem);
}

function loadCaseFile(imageId: string, options?: Record<string, unknown>): { promise: Promise<Types.IImage> } {
  const base = baseOf(imageId);
  const slot = files.get(base);
  const promise = (async () => {
    if (!slot) throw new Error(`${imageId} is not a file of an open case`);
    await registered(base, slot);
    const key = checkCodestream(imageId);
    // Decoded through the checked loader (size, time limit): this loader is registered beside it, not behind it.
    const image = (await checkedPart10Decode(imageId, options).promise) as Types.IImage;
    checkNotStale(key, image);
    return image;
  })();
  return { promise };
}

export function registerCaseFileLoader(): void {
  registerImageLoader(SCHEME, loadCaseFile);
}
