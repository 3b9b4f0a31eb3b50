/** How much of the machine the viewer takes: decode workers and the image cache (pure, for tests). */

const MB = 1024 * 1024;

/**
 * Decode workers for this machine: one core stays with the page (rendering, parsing, React), the others decode,
 * up to 4 (uncompressed and lossless series gain little beyond that, and each worker costs memory).
 */
export function decodeWorkerCount(cores: number | undefined): number {
  return Math.min(4, Math.max(1, (cores ?? 2) - 1));
}

/**
 * Cornerstone's image cache keeps decoded pixels and drops the least recently used when full; its default cap is
 * 3 GB, more than a teaching laptop's tab should hold. 64 MB per GB of device memory (as the browser reports it,
 * at most 8), between 128 and 512 MB (at most about two 500-slice CT series at 512x512). The files themselves stay,
 * so an image dropped from the cache is decoded again, not downloaded again. `?imageCacheMB=N` in the page
 * address overrides it (the bench shows the cap at work on a long series with it).
 */
export function imageCacheBytes(deviceMemoryGB: number | undefined, override: string | null): number {
  const asked = Number(override);
  if (override && Number.isFinite(asked) && asked >= 16) return asked * MB;
  return Math.min(512, Math.max(128, (deviceMemoryGB ?? 4) * 64)) * MB;
}
