/**
 * Catches Cornerstone's JPEG 2000 decoder handing back the image it decoded before. Its worker keeps one decoder,
 * and a codestream it fails on (yet whose markers look whole) leaves the previous output in place with no error.
 * checked-loader.ts refuses that output when its size differs from the file's; when the two images have the same
 * size, the only sign is that another codestream gave exactly these pixels a moment ago. Images of one flat value
 * are left out: blank slices of a series are alike by nature.
 */

/** How many recent JPEG 2000 decodes are remembered: more than the decode workers that may run at once. */
const REMEMBERED = 16;
/** Values sampled for a fingerprint: enough to tell images apart, cheap on a large one. */
const SAMPLES = 4096;

const recent: Array<{ codestream: string; pixels: string }> = [];

/** FNV-1a over up to SAMPLES evenly spaced values. */
function fingerprint(values: ArrayLike<number>): string {
  let hash = 0x811c9dc5;
  const step = Math.max(1, Math.floor(values.length / SAMPLES));
  for (let i = 0; i < values.length; i += step) {
    hash ^= values[i]! & 0xffff;
    hash = Math.imul(hash, 0x01000193);
  }
  return `${values.length}:${(hash >>> 0).toString(16)}`;
}

/** A key for a compressed frame (given whole or as fragments). */
export function codestreamKey(pixelData: ArrayBufferView | ArrayBufferView[]): string {
  const parts = Array.isArray(pixelData) ? pixelData : [pixelData];
  return parts.map((p) => fingerprint(new Uint8Array(p.buffer, p.byteOffset, p.byteLength))).join('+');
}

/** A key for decoded pixels, or undefined for an image of one value. */
export function pixelKey(columns: number, rows: number, values: ArrayLike<number>): string | undefined {
  let flat = true;
  const step = Math.max(1, Math.floor(values.length / SAMPLES));
  for (let i = step; i < values.length && flat; i += step) flat = values[i] === values[0];
  return flat ? undefined : `${columns}x${rows}:${fingerprint(values)}`;
}

/** Records a decode; says why it cannot be trusted when another codestream gave the same pixels just before. */
export function staleDecodeProblem(codestream: string, pixels: string | undefined): string | undefined {
  if (pixels === undefined) return undefined;
  const earlier = recent.find((r) => r.pixels === pixels && r.codestream !== codestream);
  recent.push({ codestream, pixels });
  if (recent.length > REMEMBERED) recent.shift();
  return earlier ? 'the decoder failed on it and gave back the image it had decoded before' : undefined;
}
