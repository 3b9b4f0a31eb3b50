/**
 * A viewer session: one rendering engine, one tool group and one series cache for the life of a case page.
 * The UI hands it elements and cues (apply), it reports what each viewport shows (callbacks).
 */
import { eventTarget, Enums, RenderingEngine, type Types } from '@cornerstonejs/core';
import type { SeriesSource, ViewerCallbacks, ViewerSession, ViewportTarget } from './types';
import { ensureEngine } from './engine';
import { createToolGroup, destroyToolGroup } from './tools';
import { SeriesCache } from './series-loader';
import { ViewportSlot } from './viewport-slot';
import { applyCue } from './apply-cue';
import { decodeProblem } from './load-errors';

let sessionCounter = 0;

export async function createViewerSession(callbacks: ViewerCallbacks): Promise<ViewerSession> {
  await ensureEngine();
  const sessionId = `case-viewer-${++sessionCounter}`;
  const engine = new RenderingEngine(sessionId);
  const toolGroupId = `${sessionId}-tools`;
  const toolGroup = createToolGroup(toolGroupId);
  const seriesCache = new SeriesCache();
  const slots = new Map<string, ViewportSlot>();
  let destroyed = false;

  // Images that fail while the user scrolls (apply() checks its own image first) arrive here, page-wide.
  const onImageLoadError = (event: Event): void => {
    const detail = (event as CustomEvent<Partial<Types.EventTypes.ImageLoadedFailedEventDetail>>).detail;
    const imageId = detail?.imageId;
    if (!imageId) return;
    for (const slot of slots.values()) {
      if (!slot.shown) continue;
      const viewport = slot.viewport;
      const target = viewport.getTargetImageIdIndex();
      if (viewport.getImageIds()[target] !== imageId) continue;
      const fileName = seriesCache.fileNameOf(imageId) ?? imageId;
      // The index of the image that failed, so the UI says which image of the series is broken.
      slot.update({ imageIndex: target });
      slot.fail(decodeProblem(fileName, detail.error).message, true);
    }
  };
  eventTarget.addEventListener(Enums.Events.IMAGE_LOAD_ERROR, onImageLoadError);

  function slotFor(target: ViewportTarget): ViewportSlot {
    const existing = slots.get(target.viewportId);
    if (existing && existing.element === target.element) return existing;
    existing?.dispose();
    const slot = new ViewportSlot(
      target.viewportId,
      target.element,
      // Used in SVG element ids by Cornerstone: keep it to characters a CSS selector accepts unescaped.
      `${sessionId}-${target.viewportId.replace(/[^A-Za-z0-9_-]/g, '_')}`,
      engine,
      toolGroup,
      callbacks,
    );
    slots.set(target.viewportId, slot);
    return slot;
  }

  return {
    async apply(targets, series: ReadonlyMap<string, SeriesSource>) {
      if (destroyed) throw new Error('this viewer session has been destroyed');
      const listed = new Set(targets.map((t) => t.viewportId));
      for (const [id, slot] of slots) {
        if (listed.has(id)) continue;
        slot.dispose();
        slots.delete(id);
      }
      await Promise.all(
        targets.map(async (target) => {
          let slot: ViewportSlot;
          try {
            slot = slotFor(target);
          } catch (e) {
            // Cornerstone could not take the element (e.g. no canvas context): say so for this viewport only.
            const source = series.get(target.cue.series);
            callbacks.onStatus({
              viewportId: target.viewportId,
              seriesKey: target.cue.series,
              seriesLabel: source?.label ?? target.cue.series,
              modality: source?.modality ?? '',
              imageIndex: target.imageIndex,
              imageCount: 0,
              state: 'error',
              progress: 0,
              error: `the viewport could not be started (${e instanceof Error ? e.message : String(e)})`,
            });
            return;
          }
          try {
            await applyCue(slot, target, series.get(target.cue.series), seriesCache);
          } catch (e) {
            // A Cornerstone failure while showing a loaded series: keep the other viewports going.
            if (destroyed || slots.get(target.viewportId) !== slot) return;
            console.error(e);
            slot.fail(`${target.cue.series}: the image could not be shown (${e instanceof Error ? e.message : String(e)})`);
          }
        }),
      );
    },

    scrollTo(viewportId, imageIndex) {
      const slot = slots.get(viewportId);
      if (destroyed || !slot?.shown) return;
      const count = slot.shown.imageIds.length;
      const index = Math.min(Math.max(0, Math.round(imageIndex)), count - 1);
      // Failures are reported through IMAGE_LOAD_ERROR, like a scroll by the user.
      slot.viewport.setImageIdIndex(index).catch(() => undefined);
    },

    destroy() {
      if (destroyed) return;
      destroyed = true;
      eventTarget.removeEventListener(Enums.Events.IMAGE_LOAD_ERROR, onImageLoadError);
      for (const slot of slots.values()) slot.dispose();
      slots.clear();
      destroyToolGroup(toolGroupId);
      engine.destroy();
      seriesCache.release();
    },
  };
}
