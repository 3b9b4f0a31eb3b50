/**
 * What a case page needs first, started the moment its address is known (module start, or a hash change), before
 * React has mounted it and before Cornerstone's code has arrived: the case file, its series lists, and the files
 * of the images the opening cue shows. The page and the viewer take these downloads over when they get there
 * (`loadCase`, `takeFile`), so nothing is fetched twice. No Cornerstone and no React here: this stays a small chunk.
 */
import { buildTimeline, cueForStep } from '../../case/timeline';
import { cueWindow } from '../../viewer/window-level';
import { prefetchFile } from '../../viewer/file-fetch';
import { startCaseLoad } from './load-case';

export function preloadCase(caseId: string, step: number | null): void {
  void startCaseLoad(caseId).then((load) => {
    if (load.status !== 'ready') return;
    const timeline = buildTimeline(load.lesson);
    const cue = cueForStep(timeline, step === null ? 0 : step - 1);
    for (const vp of Object.values(cue.viewports)) {
      const source = load.series.get(vp.series);
      if (!source || !('files' in source)) continue; // DICOMweb: the viewer asks the server itself
      if (!source.sorted) {
        // The viewer must read every header before it knows which file is the cue's image.
        for (const file of source.files) prefetchFile(file);
        continue;
      }
      const index = vp.sweep?.from ?? vp.imageIndex;
      const wanted = [index];
      // Without a window of its own the cue shows the series default, computed from the middle image.
      if (!cueWindow(vp)) wanted.push(source.files.length >> 1);
      for (const i of wanted) {
        const file = source.files[Math.min(Math.max(0, i), source.files.length - 1)];
        if (file) prefetchFile(file);
      }
    }
  });
}
