/**
 * Images that fail while the learner scrolls (apply() checks the cue's own image first), as Cornerstone announces
 * them page-wide with IMAGE_LOAD_ERROR, turned into the failing viewport's error naming the file. The event comes
 * in two shapes in 5.14: `{ imageId, error }` when loading or decoding failed, and a list of settled promises
 * without any imageId when a decoded image threw while being drawn (StackViewport.loadImages), which would
 * otherwise leave the viewport silently on the previous image.
 */
import { metaData, type Types } from '@cornerstonejs/core';
import type { ViewportSlot } from './viewport-slot';
import { decodeProblem, drawProblem } from './load-errors';

interface Failure {
  imageId?: string;
  error: unknown;
}

function failuresOf(event: Event): Failure[] {
  const detail = (event as CustomEvent<unknown>).detail;
  if (Array.isArray(detail)) {
    return detail
      .filter((r): r is PromiseRejectedResult => typeof r === 'object' && r !== null && (r as PromiseSettledResult<unknown>).status === 'rejected')
      .map((r) => ({ error: r.reason }));
  }
  const one = detail as Partial<Types.EventTypes.ImageLoadedFailedEventDetail> | null;
  return one?.imageId ? [{ imageId: one.imageId, error: one.error }] : [];
}

/** The transfer syntax Cornerstone read for an image, to name the codec in messages. */
function transferSyntaxOf(imageId: string): string | undefined {
  const module = metaData.get('transferSyntax', imageId) as { transferSyntaxUID?: unknown } | undefined;
  return typeof module?.transferSyntaxUID === 'string' ? module.transferSyntaxUID : undefined;
}

/** Puts the viewports whose wanted image failed into error, naming the file (`fileNameOf`) and the reason. */
export function reportImageLoadError(event: Event, slots: Iterable<ViewportSlot>, fileNameOf: (imageId: string) => string | undefined): void {
  const failures = failuresOf(event);
  if (failures.length === 0) return;
  for (const slot of slots) {
    if (!slot.shown) continue;
    const viewport = slot.viewport;
    const target = viewport.getTargetImageIdIndex();
    const imageId = viewport.getImageIds()[target];
    if (!imageId) continue;
    const own = failures.find((f) => f.imageId === imageId);
    // A drawing failure names no image: it is the one this viewport wanted but does not show.
    const drawing = own ? undefined : failures.find((f) => f.imageId === undefined);
    if (!own && !(drawing && slot.status.imageIndex !== target)) continue;
    const fileName = fileNameOf(imageId) ?? imageId;
    const problem = own ? decodeProblem(fileName, own.error, transferSyntaxOf(imageId)) : drawProblem(fileName, drawing?.error);
    // The index of the image that failed, so the UI says which image of the series is broken.
    slot.update({ imageIndex: target });
    slot.fail(problem.message, true);
  }
}
