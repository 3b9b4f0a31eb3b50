/**
 * A series thumbnail drawn without spoiling the viewports: the CPU renderer asks the loader for RGBA pixels and
 * Cornerstone caches that RGBA image under the same imageId, so a viewport (GPU, RGB) showing the image later took
 * the cached RGBA copy and failed to draw colour images. A copy loaded only for the thumbnail is dropped again.
 */
import { cache, utilities } from '@cornerstonejs/core';

export async function drawThumbnail(imageId: string, canvas: HTMLCanvasElement): Promise<void> {
  const cachedBefore = Boolean(cache.getImageLoadObject(imageId));
  try {
    // CPU rendering: a thumbnail needs no WebGL context of its own next to the viewports'.
    await utilities.loadImageToCanvas({ canvas, imageId, useCPURendering: true });
  } finally {
    if (!cachedBefore && cache.getImageLoadObject(imageId)) {
      try {
        cache.removeImageLoadObject(imageId, { force: true });
      } catch {
        // Already evicted by Cornerstone's own cache limit.
      }
    }
  }
}
