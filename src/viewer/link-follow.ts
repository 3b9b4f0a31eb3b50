/**
 * A linked viewport following the learner's scroll in another: to the image nearest in patient position. The
 * nearest can only be found among images whose headers are here; right after a step, the followed series' files
 * may still be arriving, so then it waits for them (and follows wherever the learner is by that time).
 */
import { nearestImageIndex } from './slice-position';
import type { ViewportSlot } from './viewport-slot';

/** `index`: the image the learner brought up in `source`. */
export function followLinked(source: ViewportSlot, index: number, other: ViewportSlot): void {
  const target = other.shown;
  if (!target) return;
  const shownBy = source.shown;
  const go = (at: number): void => {
    if (other.shown !== target || source.shown !== shownBy || !shownBy || other.status.state === 'loading') return;
    const header = shownBy.images[at]?.header;
    if (!header) return;
    const nearest = nearestImageIndex(header, target.images.map((i) => i.header));
    if (nearest !== undefined) void other.go(nearest, true);
  };
  if (target.images.every((i) => i.header)) return go(index);
  // Failures are the series' own to report (it fails where it is shown, naming the file).
  target.loadAll(other.viewport.getCurrentImageIdIndex()).then(
    () => go(source.viewport.getCurrentImageIdIndex()),
    () => undefined,
  );
}
