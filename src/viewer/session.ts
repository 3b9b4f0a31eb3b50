/**
 * A viewer session: one rendering engine, one tool group and one series cache for the life of a case page.
 * The UI hands it elements and cues (apply), it reports what each viewport shows (callbacks).
 */
import { eventTarget, Enums, RenderingEngine, type Types } from '@cornerstonejs/core';
import { utilities as toolUtilities } from '@cornerstonejs/tools';
import type { LeftTool, SeriesSource, UserInteraction, ViewerCallbacks, ViewerSession, ViewportTarget } from './types';
import { ensureEngine } from './engine';
import { createToolGroup, destroyToolGroup, removeMeasurements, setLeftTool } from './tools';
import { SeriesCache } from './series-loader';
import { ViewportSlot, type SlotHooks } from './viewport-slot';
import { applyCue, reshowWithWebGL } from './apply-cue';
import { reportImageLoadError } from './image-load-errors';
import { drawThumbnail } from './thumbnail';
import { followLinked } from './link-follow';
import { prefetchCueImages } from './prefetch-cue';
import { sessionArrows } from './session-arrows';
import { imagePointAt } from './image-point';
import { panBy, setWindow, stepWindow, zoomBy } from './learner-view';

const LEFT_KINDS: Record<LeftTool, UserInteraction> = { window: 'window', pan: 'pan', zoom: 'zoom', length: 'measure', probe: 'measure' };

let sessionCounter = 0;
/**
 * Numbers each apply() for its performance marks: `viewer:apply-start` and `viewer:apply-end` (detail = the
 * number) bracket the making of a cue, up to its images and arrows on screen. `npm run bench` times step changes
 * with them, and they show in a browser's performance panel.
 */
let applyCounter = 0;

export async function createViewerSession(callbacks: ViewerCallbacks): Promise<ViewerSession> {
  await ensureEngine();
  const sessionId = `case-viewer-${++sessionCounter}`;
  const engine = new RenderingEngine(sessionId);
  const toolGroupId = `${sessionId}-tools`;
  const toolGroup = createToolGroup(toolGroupId, callbacks.probeWords);
  const seriesCache = new SeriesCache();
  const slots = new Map<string, ViewportSlot>();
  let destroyed = false;
  let links: string[][] = [];
  let windowLinks: string[][] = [];
  let leftTool: LeftTool = 'window';
  const authorArrows = sessionArrows(slots, () => !destroyed);

  const hooks: SlotHooks = {
    leftKind: () => LEFT_KINDS[leftTool],
    // Linked viewports follow the learner to the image nearest in patient position, not to the same index.
    onLearnerImage(source, index) {
      for (const group of links) {
        if (!group.includes(source.id)) continue;
        for (const id of group) {
          const other = slots.get(id);
          if (id === source.id || !other?.shown || other.status.state === 'loading') continue;
          followLinked(source, index, other);
        }
      }
    },
    onLearnerWindow(source, range) {
      shareWindow(source.id, range);
    },
    arrowEditor: () => authorArrows.editor(),
    onCpuCannotDraw(slot, index) {
      // After Cornerstone's event, not inside it: the viewport is replaced.
      setTimeout(() => {
        if (!destroyed && slots.get(slot.id) === slot) reshowWithWebGL(slot, index, seriesCache);
      }, 0);
    },
  };

  /** Gives the viewports sharing window/level with `sourceId` the learner's window there (same values, as set). */
  function shareWindow(sourceId: string, range: Types.VOIRange): void {
    for (const group of windowLinks) {
      if (!group.includes(sourceId)) continue;
      for (const id of group) {
        const other = slots.get(id);
        if (id === sourceId || !other?.shown || other.status.state === 'loading') continue;
        // Not learner windowing there, so this VOI change is not shared on again.
        other.viewport.setProperties({ voiRange: { lower: range.lower, upper: range.upper } });
        other.viewport.render();
      }
    }
  }

  /** A slot that shows an image, for the learner's commands; they do nothing on an empty or loading one. */
  function shownSlot(viewportId: string): ViewportSlot | undefined {
    const slot = slots.get(viewportId);
    return !destroyed && slot?.shown ? slot : undefined;
  }

  // Images that fail while the user scrolls (apply() checks its own image first) arrive here, page-wide.
  const onImageLoadError = (event: Event): void => {
    reportImageLoadError(event, slots.values(), (imageId) => seriesCache.fileNameOf(imageId));
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
      hooks,
    );
    slots.set(target.viewportId, slot);
    authorArrows.adopt(slot);
    return slot;
  }

  /** Makes the viewports match the targets (see ViewerSession.apply). */
  async function applyTargets(targets: ViewportTarget[], series: ReadonlyMap<string, SeriesSource>, keep?: ReadonlySet<string>): Promise<void> {
    const listed = new Set(targets.map((t) => t.viewportId));
    const kept = (t: ViewportTarget): boolean => {
      const slot = slots.get(t.viewportId);
      return Boolean(keep?.has(t.viewportId) && slot?.element === t.element && slot.lastApplied);
    };
    targets = targets.filter((t) => !kept(t));
    for (const [id, slot] of slots) {
      if (listed.has(id)) continue;
      slot.dispose();
      slots.delete(id);
    }
    // A step may change the layout: the canvases take their elements' new sizes now (no render), so the cue's
    // image is drawn once, at the right size, rather than drawn and then redrawn when the resize is noticed.
    if (!engine.hasBeenDestroyed) engine.resize(false, true);
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
  }

  return {
    async apply(targets, series: ReadonlyMap<string, SeriesSource>, keep) {
      if (destroyed) throw new Error('this viewer session has been destroyed');
      const mark = ++applyCounter;
      performance.mark('viewer:apply-start', { detail: mark });
      try {
        await applyTargets(targets, series, keep);
      } finally {
        performance.mark('viewer:apply-end', { detail: mark });
      }
    },

    async renderThumbnail(source, canvas) {
      const loaded = await seriesCache.load(source, () => undefined);
      const middle = Math.floor(loaded.imageIds.length / 2);
      const imageId = loaded.imageIds[middle];
      if (!imageId || destroyed) return;
      // Its file first: a viewer closed meanwhile (author mode to a preview) then draws nothing, where Cornerstone's
      // canvas loader would log the dropped download as an error.
      await loaded.ready(middle);
      if (destroyed) return;
      await drawThumbnail(imageId, canvas);
    },

    prefetch(sources) {
      void (async () => {
        for (const source of sources) {
          if (destroyed) return;
          // One at a time: the cue on screen keeps the bandwidth and the single decode worker.
          await seriesCache.prefetch(source).catch(() => undefined);
        }
      })();
    },

    prefetchCue(viewports, series) {
      void prefetchCueImages(viewports, series, seriesCache, () => !destroyed);
    },

    scrollTo(viewportId, imageIndex) {
      void shownSlot(viewportId)?.go(imageIndex, true);
    },

    seriesFacts() {
      return seriesCache.facts();
    },

    imagePointAt(viewportId, clientX, clientY) {
      const slot = shownSlot(viewportId);
      return slot ? imagePointAt(slot.viewport, clientX, clientY) : null;
    },

    showArrows: (viewportId, arrows, selected) => authorArrows.showArrows(viewportId, arrows, selected),
    setArrowEditor: (editor) => authorArrows.setArrowEditor(editor),

    scrollBy(viewportId, delta) {
      const slot = shownSlot(viewportId);
      if (slot) void slot.go(slot.viewport.getTargetImageIdIndex() + delta, false);
    },

    reset(viewportId) {
      const slot = slots.get(viewportId);
      const last = slot?.lastApplied;
      if (destroyed || !slot || !last) return;
      applyCue(slot, last.target, last.source, seriesCache).catch((e: unknown) => console.error(e));
    },

    invert(viewportId) {
      const slot = shownSlot(viewportId);
      slot?.setInverted(!slot.status.inverted);
    },

    setWindow(viewportId, choice) {
      const slot = shownSlot(viewportId);
      if (slot) setWindow(slot, choice, shareWindow);
    },

    nudge(viewportId, change) {
      const slot = shownSlot(viewportId);
      if (!slot) return;
      if ('window' in change) stepWindow(slot, change.window.width, change.window.level, shareWindow);
      else if ('zoom' in change) zoomBy(slot, change.zoom);
      else panBy(slot, change.pan.x, change.pan.y);
    },

    setCine(viewportId, fps) {
      const slot = shownSlot(viewportId);
      if (!slot) return;
      if (fps === null) slot.cine.stop();
      else slot.cine.start(fps);
    },

    setLinks(groups) {
      links = groups.map((g) => [...g]);
    },

    setWindowLinks(groups) {
      windowLinks = groups.map((g) => [...g]);
    },

    setLeftTool(tool) {
      if (destroyed) return;
      leftTool = tool;
      setLeftTool(toolGroup, tool);
    },

    clearMeasurements() {
      removeMeasurements();
      toolUtilities.triggerAnnotationRenderForViewportIds([...slots.keys()]);
    },

    destroy() {
      if (destroyed) return;
      destroyed = true;
      eventTarget.removeEventListener(Enums.Events.IMAGE_LOAD_ERROR, onImageLoadError);
      for (const slot of slots.values()) slot.dispose();
      slots.clear();
      // The learner's measurements reference this session's images, which are freed below.
      removeMeasurements();
      destroyToolGroup(toolGroupId);
      engine.destroy();
      seriesCache.release();
    },
  };
}
