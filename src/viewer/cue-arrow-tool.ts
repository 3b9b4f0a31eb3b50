/**
 * The arrows a cue shows: Cornerstone's ArrowAnnotate drawing under its own tool name, so that cue arrows never
 * mix with arrows a user might draw, and filtered per viewport.
 *
 * Why a subclass: annotations live in a page-wide store keyed by frame of reference, and a stack viewport draws
 * every annotation that references the image it displays. Two viewports showing the same series (same imageIds)
 * would each draw the other's cue arrows, so each cue arrow records the viewport it belongs to.
 */
import { ArrowAnnotateTool, type Types as ToolTypes } from '@cornerstonejs/tools';

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
        shadow: true,
        getTextCallback: keepEmptyText,
        changeTextCallback: (_data: unknown, _eventData: unknown, done: (text: string) => void) => keepEmptyText(done),
        preventHandleOutsideImage: false,
        // The head is drawn at points[0]: we store [tip, tail].
        arrowFirst: true,
        // An SVG marker head scales with the line width, so a thick arrow keeps a proportionate head.
        arrowHeadStyle: 'marker',
      },
    });
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
