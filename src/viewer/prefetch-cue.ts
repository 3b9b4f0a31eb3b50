/**
 * Gets a coming cue's images ready while the current one is viewed (the next step's, typically): each viewport's
 * file is downloaded ahead of the rest of its series and its image decoded into Cornerstone's cache, with the
 * middle image for the series' default window (computed here too) and the images its arrows sit on. Showing that
 * cue then costs a render, not a download, a decode and a pass over the pixels. Failures are left for when the
 * cue is shown, which names the file.
 */
import { imageLoader, type Types } from '@cornerstonejs/core';
import type { ViewportCue } from '../case/schema';
import type { SeriesSource } from './types';
import type { SeriesCache } from './series-loader';
import { cueWindow } from './window-level';
import { seriesDefaultWindow } from './series-window';

export async function prefetchCueImages(
  viewports: readonly { cue: ViewportCue; imageIndex: number }[],
  series: ReadonlyMap<string, SeriesSource>,
  seriesCache: SeriesCache,
  stillWanted: () => boolean,
): Promise<void> {
  for (const { cue, imageIndex } of viewports) {
    const source = series.get(cue.series);
    if (!source || !stillWanted()) continue;
    try {
      const loaded = await seriesCache.load(source, () => undefined);
      const last = loaded.imageIds.length - 1;
      const wanted = new Set([imageIndex, ...cue.arrows.map((a) => a.imageIndex ?? imageIndex)]);
      if (!cueWindow(cue)) wanted.add(loaded.imageIds.length >> 1);
      let shown: Types.IImage | undefined;
      for (const index of wanted) {
        const imageId = loaded.imageIds[Math.min(Math.max(0, index), last)];
        if (!imageId || !stillWanted()) continue;
        await loaded.ready(index);
        const image = await imageLoader.loadAndCacheImage(imageId);
        if (index === imageIndex) shown = image;
      }
      if (!cueWindow(cue) && shown && stillWanted()) await seriesDefaultWindow(loaded, shown);
    } catch {
      // Shown (and named) when the cue itself comes.
    }
  }
}
