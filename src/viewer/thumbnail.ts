/**
 * A series thumbnail drawn without spoiling the viewports. For a colour image the CPU renderer asks the loader for
 * RGBA pixels and Cornerstone caches that RGBA image under the same imageId; a viewport (GPU, RGB) showing the
 * image later took the cached RGBA copy and failed to draw it. So a colour copy loaded only for the thumbnail is
 * dropped again. A grey one is the same image a viewport decodes, and stays: the thumbnail is the middle image,
 * often the one a cue shows or a prefetch has just asked for (the same cache entry), which dropping it would undo.
 */
import { cache, utilities } from '@cornerstonejs/core';

export async function drawThumbnail(imageId: string, canvas: HTMLCanvasElement): Promise<void> {
  const cachedBefore = Boolean(cache.getImageLoadObject(imageId));
  try {
    // CPU rendering: a thumbnail needs no WebGL context of its own next to the viewports'.
    await utilities.loadImageToCanvas({ canvas, imageId, useCPURendering: true });
  } finally {
    const image = cache.getImage(imageId);
    if (!cachedBefore && cache.getImageLoadObject(imageId) && (!image || image.color)) {
      try {
        cache.removeImageLoadObject(imageId, { force: true });
      } catch {
        // Already evicted by Cornerstone's own cache limit.
      }
    }
  }
}
