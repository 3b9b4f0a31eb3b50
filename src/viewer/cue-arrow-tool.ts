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
import type { DrawnArrow } from './arrow-hit';
import { worldToCss } from './canvas-units';

/** What the viewer knows of a cue arrow beyond Cornerstone's annotation: whose, which, and how it is drawn. */
export interface CueArrowInfo {
  /** A page-unique viewport key: only that viewport draws the arrow. */
  owner: string;
  /** Its place in the viewport's list of arrows. */
  index: number;
  /** Where its label's centre goes, in world coordinates, when the case (or a drag) says. */
  labelWorld?: Types.Point3;
  /** Author mode: picked, so drawn with handles. */
  selected?: boolean;
}

/** annotationUID -> what the viewer knows of it. */
const arrowInfo = new Map<string, CueArrowInfo>();
/** The element a viewport renders into -> its owner key; a WeakMap so the UI's DOM is left untouched. */
const elementOwners = new WeakMap<HTMLElement, string>();
/** What the last annotation pass drew in each element, in canvas pixels (for the author's mouse). */
const drawn = new WeakMap<Element, readonly DrawnArrow[]>();

export function setElementOwner(element: HTMLElement, ownerKey: string): void {
  elementOwners.set(element, ownerKey);
}

export function setArrowInfo(annotationUID: string, info: CueArrowInfo): void {
  arrowInfo.set(annotationUID, info);
}

export function arrowInfoOf(annotationUID: string): CueArrowInfo | undefined {
  return arrowInfo.get(annotationUID);
}

export function forgetArrow(annotationUID: string): void {
  arrowInfo.delete(annotationUID);
}

export function drawnArrows(element: Element): readonly DrawnArrow[] {
  return drawn.get(element) ?? [];
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
      const shown = all?.length ? this.filterInteractableAnnotationsForElement(element, all) : [];
      if (!shown.length) {
        drawn.delete(element);
        return false;
      }
      // From the canvas's own size attributes, which Cornerstone keeps at the element's size (times the pixel ratio
      // for WebGL): no layout is read, so drawing viewport after viewport forces none.
      const { canvas } = viewport;
      const perCssPixel = viewport.getUseCustomRenderingPipeline() ? 1 : window.devicePixelRatio || 1;
      const size = { width: canvas.width / perCssPixel, height: canvas.height / perCssPixel };
      const arrows: CueArrowShape[] = [];
      const indices: number[] = [];
      for (const a of shown) {
        const [tip, tail] = (a.data.handles?.points ?? []).map((p) => worldToCss(viewport as Types.IStackViewport, p));
        const info = a.annotationUID ? arrowInfo.get(a.annotationUID) : undefined;
        if (!tip || !tail || !a.annotationUID || !info) continue;
        const label = typeof a.data.label === 'string' ? a.data.label : '';
        const labelAt = info.labelWorld && worldToCss(viewport as Types.IStackViewport, info.labelWorld);
        arrows.push({ uid: a.annotationUID, tip, tail, label, labelAt, selected: info.selected });
        indices.push(info.index);
      }
      const boxes = drawCueArrows(helper, arrows, size);
      drawn.set(
        element,
        arrows.map(({ uid, tip, tail }, i) => ({ uid, index: indices[i] ?? 0, tip, tail, label: boxes[i] })),
      );
      return arrows.length > 0;
    };
  }

  override filterInteractableAnnotationsForElement(
    element: HTMLDivElement,
    annotations: ToolTypes.Annotations,
  ): ToolTypes.Annotations {
    const owner = elementOwners.get(element);
    const shown = super.filterInteractableAnnotationsForElement(element, annotations) ?? [];
    return shown.filter((a) => owner !== undefined && a.annotationUID !== undefined && arrowInfo.get(a.annotationUID)?.owner === owner);
  }
}
