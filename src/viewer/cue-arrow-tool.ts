/**
 * The arrows a cue shows: Cornerstone's ArrowAnnotate annotations under their own tool name, so that cue arrows
 * never mix with arrows a user might draw, filtered per viewport, and drawn by the viewer (cue-arrow-draw.ts).
 *
 * Why a subclass: annotations live in a page-wide store keyed by frame of reference, and a stack viewport draws
 * every annotation that references the image it displays. Two viewports showing the same series (same imageIds)
 * would each draw the other's cue arrows, so each cue arrow records the viewport it belongs to.
 */
import { annotation, ArrowAnnotateTool, type Types as ToolTypes } from '@cornerstonejs/tools';
import type { Types } from '@cornerstonejs/core';
import { drawCueArrows, type CueArrowShape } from './cue-arrow-draw';

/** annotationUID -> owner (a page-unique viewport key). */
const arrowOwners = new Map<string, string>();
/** The element a viewport renders into -> its owner key; a WeakMap so the UI's DOM is left untouched. */
const elementOwners = new WeakMap<HTMLElement, string>();

export function setElementOwner(element: HTMLElement, ownerKey: string): void {
  elementOwners.set(element, ownerKey);
}

export function setArrowOwner(annotationUID: string, ownerKey: string): void {
  arrowOwners.set(annotationUID, ownerKey);
}

export function forgetArrow(annotationUID: string): void {
  arrowOwners.delete(annotationUID);
}

/** Element -> what waits for the next annotation pass over it. */
const passWatchers = new WeakMap<Element, Set<() => void>>();

/**
 * Calls `seen` once the next annotation pass over `element` has begun; returns a function that stops waiting.
 * Every pass asks this tool to draw, arrows or none, whereas Cornerstone's ANNOTATION_RENDERED comes only when
 * something was drawn: a cue without arrows would otherwise wait a frame for an event that never comes. The tools
 * that draw after this one in the same pass are done before any promise resolved from `seen` moves on.
 */
export function onArrowPass(element: Element, seen: () => void): () => void {
  let watchers = passWatchers.get(element);
  if (!watchers) passWatchers.set(element, (watchers = new Set()));
  watchers.add(seen);
  return () => void watchers.delete(seen);
}

function passBegins(element: Element): void {
  const watchers = passWatchers.get(element);
  if (!watchers?.size) return;
  passWatchers.delete(element);
  for (const seen of watchers) seen();
}

/** Replaces ArrowAnnotate's default text callbacks, which call window.prompt() (a headless run would hang). */
function keepEmptyText(done: (text: string) => void): void {
  done('');
}

export class CueArrowTool extends ArrowAnnotateTool {
  static override toolName = 'CueArrow';

  constructor(toolProps: ToolTypes.PublicToolProps = {}) {
    super(toolProps, {
      supportedInteractionTypes: ['Mouse', 'Touch'],
      configuration: {
        getTextCallback: keepEmptyText,
        changeTextCallback: (_data: unknown, _eventData: unknown, done: (text: string) => void) => keepEmptyText(done),
        preventHandleOutsideImage: false,
      },
    });
    // ArrowAnnotate sets its renderer as an instance property in its constructor: replaced here, not overridden.
    this.renderAnnotation = (enabledElement: Types.IEnabledElement, helper: ToolTypes.SVGDrawingHelper): boolean => {
      const { viewport } = enabledElement;
      const { element } = viewport;
      passBegins(element);
      const all = annotation.state.getAnnotations(this.getToolName(), element);
      if (!all?.length) return false;
      const shown = this.filterInteractableAnnotationsForElement(element, all);
      if (!shown.length) return false;
      // From the canvas's own size attributes, which Cornerstone keeps at the element's size (times the pixel ratio
      // for WebGL): no layout is read, so drawing viewport after viewport forces none.
      const { canvas } = viewport;
      const perCssPixel = viewport.getUseCustomRenderingPipeline() ? 1 : window.devicePixelRatio || 1;
      const size = { width: canvas.width / perCssPixel, height: canvas.height / perCssPixel };
      const arrows: CueArrowShape[] = [];
      for (const a of shown) {
        const [tip, tail] = (a.data.handles?.points ?? []).map((p) => viewport.worldToCanvas(p));
        if (!tip || !tail || !a.annotationUID) continue;
        arrows.push({ uid: a.annotationUID, tip, tail, label: typeof a.data.label === 'string' ? a.data.label : '' });
      }
      drawCueArrows(helper, arrows, size);
      return arrows.length > 0;
    };
  }

  override filterInteractableAnnotationsForElement(
    element: HTMLDivElement,
    annotations: ToolTypes.Annotations,
  ): ToolTypes.Annotations {
    const owner = elementOwners.get(element);
    const shown = super.filterInteractableAnnotationsForElement(element, annotations) ?? [];
    return shown.filter((a) => owner !== undefined && a.annotationUID !== undefined && arrowOwners.get(a.annotationUID) === owner);
  }
}
