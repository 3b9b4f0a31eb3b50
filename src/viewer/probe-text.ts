/**
 * The Probe's text: the pixel's value in modality units (HU on CT; an MR signal has none) on one line, and where
 * it is on the next, worded by the UI (`ProbeWords`). The first line ends in a space, so the label read as text (a
 * screen reader, a copy) separates the two as the eye does. Cornerstone 5.14's own text reads the value from a
 * stack image's voxel manager at k = the image's position in the stack, which is outside that single-slice image
 * for every image but the first, so its value is missing; we read the cached image instead.
 */
import { cache, utilities } from '@cornerstonejs/core';
import type { ProbeWords } from './types';

/** What ProbeTool computes per target ('imageId:<id>' on a stack) before asking for the text. */
interface ProbeStats {
  index?: [number, number, number] | null;
  modalityUnit?: string;
}

export type ProbeTextLines = (data: { cachedStats?: Record<string, ProbeStats> }, targetId: string) => string[] | undefined;

export function probeTextLines(words: ProbeWords): ProbeTextLines {
  return (data, targetId) => {
    const stats = data.cachedStats?.[targetId];
    const index = stats?.index;
    if (!index || !targetId.startsWith('imageId:')) return undefined;
    const image = cache.getImage(targetId.slice('imageId:'.length));
    if (!image) return undefined;
    const [col, row] = index;
    if (col < 0 || row < 0 || col >= image.columns || row >= image.rows) return undefined;
    const stored = image.getPixelData()[row * image.columns + col];
    if (stored === undefined) return undefined;
    // The loader rescales to modality units while decoding (preScale); an image it left unscaled still needs it.
    const value = image.preScale?.scaled ? stored : stored * (image.slope ?? 1) + (image.intercept ?? 0);
    return [`${words.value(String(utilities.roundNumber(value)), stats.modalityUnit || undefined)} `, words.position(col, row)];
  };
}
