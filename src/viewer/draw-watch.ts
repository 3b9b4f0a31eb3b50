/**
 * Whether Cornerstone managed to draw the image it was asked to show. When drawing a decoded image throws (vtk.js
 * refusing pixel data of an odd size, say), Cornerstone 5.14 only announces an IMAGE_LOAD_ERROR carrying a list of
 * settled promises, no STACK_NEW_IMAGE follows, and setStack/setImageIdIndex resolve all the same: without this
 * check the viewport would say "ready" over an empty canvas.
 */
import { eventTarget, Enums } from '@cornerstonejs/core';

/** Runs `show` and returns what the drawing threw, or undefined when the image came up. */
export async function drawFailureDuring(element: HTMLElement, show: () => Promise<unknown>): Promise<unknown> {
  let drawn = false;
  let failure: { error: unknown } | undefined;
  const onNewImage = (): void => void (drawn = true);
  const onLoadError = (event: Event): void => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (!Array.isArray(detail) || failure) return;
    const rejected = detail.find((r) => typeof r === 'object' && r !== null && (r as PromiseSettledResult<unknown>).status === 'rejected');
    if (rejected) failure = { error: (rejected as PromiseRejectedResult).reason };
  };
  element.addEventListener(Enums.Events.STACK_NEW_IMAGE, onNewImage);
  eventTarget.addEventListener(Enums.Events.IMAGE_LOAD_ERROR, onLoadError);
  try {
    await show();
  } finally {
    element.removeEventListener(Enums.Events.STACK_NEW_IMAGE, onNewImage);
    eventTarget.removeEventListener(Enums.Events.IMAGE_LOAD_ERROR, onLoadError);
  }
  return drawn || !failure ? undefined : (failure.error ?? new Error('no details given'));
}
