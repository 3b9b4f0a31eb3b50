/**
 * How far the viewer goes for one file before it gives up and says why. A real study never comes near these; a
 * damaged or hostile file (a length field of 4 GB, a deflate bomb, a header that claims a million frames) must not
 * freeze or exhaust the page. The header reader runs in a worker that is ended after `HEADER_TIME_LIMIT_MS`.
 */

/** Larger files are refused before they are read (a browser tab holds the whole file in memory). */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

/** A deflated data set may not inflate past this (a few kB can inflate to gigabytes). */
export const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;

/** Rows and Columns above this are refused: no display or WebGL texture shows them, and decoding would stall. */
export const MAX_IMAGE_SIDE = 16384;

/** More frames than this in one file are refused (each frame becomes an image in the viewer's stack). */
export const MAX_FRAMES = 10000;

/** One file's header (and the repairs before it: inflating, a missing preamble) must be read within this. */
export const HEADER_TIME_LIMIT_MS = 10_000;

/** "1.4 GB", for messages. */
export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${n} bytes`;
}
