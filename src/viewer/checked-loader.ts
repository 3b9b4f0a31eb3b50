/**
 * Cornerstone's image loaders, registered again behind two checks, so that every image the viewer asks for (the
 * cue's, a scrolled one, a thumbnail, a prefetched frame) either arrives sound or fails with a reason:
 * - the decoded pixels must be as many as the image's size says: a decoder that returns the wrong amount (some
 *   JPEG colour variants, pixel data with trailing bytes) otherwise makes the renderer draw garbage or throw
 *   midway, leaving the viewport in a broken state that says "ready";
 * - decoding runs in Cornerstone's web worker and has no time limit of its own: an image that takes longer than
 *   `DECODE_TIME_LIMIT_MS` is failed. When nothing at all was decoded during that time the worker is taken to be
 *   stuck (a hostile codestream) and is ended; Cornerstone starts a fresh one for the next image.
 */
import { getWebWorkerManager, metaData, registerImageLoader, type Types } from '@cornerstonejs/core';
import { wadors, wadouri } from '@cornerstonejs/dicom-image-loader';

export const DECODE_TIME_LIMIT_MS = 60_000;

type Loader = (imageId: string, options?: Record<string, unknown>) => Types.IImageLoadObject;

/** The name Cornerstone's dicom-image-loader registers its decode worker under. */
const DECODE_WORKER = 'dicomImageLoader';

/** When an image last finished decoding (or failed), page-wide: a worker that finishes nothing is stuck. */
let lastSettled = 0;

type DecodedImage = Pick<Types.IImage, 'rows' | 'columns' | 'color' | 'rgba' | 'getPixelData'> & {
  voxelManager?: { getScalarData(): ArrayLike<number> };
};

/** Why the decoded pixels do not fit the image's size, or undefined when they do. */
export function decodedSizeProblem(image: DecodedImage): string | undefined {
  const values = (image.voxelManager?.getScalarData() ?? image.getPixelData()).length;
  const pixels = image.rows * image.columns;
  const perPixel = image.color ? (image.rgba ? 4 : 3) : 1;
  // Colour images may come back as RGB or RGBA whatever the flag says; both are whole images. Odd-sized 8-bit
  // pixel data keeps its pad byte to even length (a 3x3 RGB image is 28 bytes): one value more is fine.
  const whole = (n: number): boolean => values === n || values === n + 1;
  const fits = image.color ? whole(pixels * 3) || whole(pixels * 4) : whole(pixels);
  if (pixels > 0 && fits) return undefined;
  return `the decoder returned ${values} values for ${image.columns}x${image.rows} pixels (${perPixel} per pixel expected)`;
}

/**
 * A codec that fails on a damaged codestream can hand back its previous output (Cornerstone's JPEG 2000 worker
 * does): an image of another size than the file's header says is refused rather than shown as this file.
 */
function headerSizeProblem(imageId: string, image: DecodedImage): string | undefined {
  const pixel = metaData.get('imagePixelModule', imageId) as { rows?: unknown; columns?: unknown } | undefined;
  const rows = typeof pixel?.rows === 'number' ? pixel.rows : undefined;
  const columns = typeof pixel?.columns === 'number' ? pixel.columns : undefined;
  if (rows === undefined || columns === undefined || (rows === image.rows && columns === image.columns)) return undefined;
  return `the decoder returned a ${image.columns}x${image.rows} image, but the file says ${columns}x${rows}`;
}

function restartStuckDecoder(since: number): void {
  if (lastSettled >= since) return; // other images were decoded meanwhile: the worker is not stuck
  try {
    getWebWorkerManager().terminate(DECODE_WORKER);
  } catch {
    // Nothing to end: Cornerstone starts its worker lazily again either way.
  }
}

export function checked(load: Loader): Loader {
  return (imageId, options) => {
    // Every decode is marked (detail: the imageId): a browser's performance panel, tests and the bench see which
    // images a step had to decode rather than find in the cache.
    performance.mark('viewer:decode', { detail: imageId });
    const loadObject = load(imageId, options);
    const started = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        restartStuckDecoder(started);
        reject(new Error(`decoding took longer than ${DECODE_TIME_LIMIT_MS / 1000} s, so it was stopped`));
      }, DECODE_TIME_LIMIT_MS);
    });
    const decoded = loadObject.promise.then(
      (image) => {
        lastSettled = performance.now();
        const problem = headerSizeProblem(imageId, image) ?? decodedSizeProblem(image);
        if (problem) throw new Error(problem);
        return image;
      },
      (error: unknown) => {
        lastSettled = performance.now();
        throw error;
      },
    );
    // The same object is returned: the loader adds `decache` to it once the file is parsed.
    loadObject.promise = Promise.race([decoded, limit]).finally(() => clearTimeout(timer));
    return loadObject;
  };
}

/** Cornerstone's decoding of a Part 10 file it has parsed already (casefile: images), with the checks above. */
export const checkedPart10Decode: Loader = checked(wadouri.loadImageFromNaturalizedMetadata as Loader);

let installed = false;

/** Registers the checked loaders for the schemes the viewer uses; call after the image loader's init(). */
export function installCheckedLoaders(): void {
  if (installed) return;
  installed = true;
  // What the loader's own init() registered for dicomfile: (its plain `loadImage` is the older dataset path).
  const fileLoader = wadouri.loadImageFromNaturalizedMetadata as Loader;
  const webLoader = wadors.loadImage as Loader;
  registerImageLoader('dicomfile', checked(fileLoader));
  registerImageLoader('wadors', checked(webLoader));
}
