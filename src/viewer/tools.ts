/**
 * The session's one tool group, bound as the gesture table says (`gestures.ts`, which the shortcut sheet lists):
 * wheel scrolls slices, left-drag windows, right-drag zooms, middle-drag (or Shift+left-drag) pans; on a touch
 * screen one finger scrolls and two pinch to zoom. Cue arrows are drawn (enabled) but never edited by the mouse.
 */
import {
  annotation,
  Enums as ToolEnums,
  LengthTool,
  PanTool,
  ProbeTool,
  StackScrollTool,
  ToolGroupManager,
  WindowLevelTool,
  type Types as ToolTypes,
} from '@cornerstonejs/tools';
import { CueArrowTool } from './cue-arrow-tool';
import { PacsZoomTool } from './pacs-zoom-tool';
import { probeTextLines } from './probe-text';
import type { LeftTool, ProbeWords } from './types';
import { boundInputs, type BoundInput, type GestureAction } from './gestures';

const { MouseBindings, KeyboardBindings } = ToolEnums;

/** Each input of the gesture table as Cornerstone binds it. */
const BINDINGS: Record<BoundInput, ToolTypes.IToolBinding> = {
  wheel: { mouseButton: MouseBindings.Wheel },
  'left-drag': { mouseButton: MouseBindings.Primary },
  'shift-left-drag': { mouseButton: MouseBindings.Primary, modifierKey: KeyboardBindings.Shift },
  'middle-drag': { mouseButton: MouseBindings.Auxiliary },
  'right-drag': { mouseButton: MouseBindings.Secondary },
  'one-finger-drag': { numTouchPoints: 1 },
  'two-finger-pinch': { numTouchPoints: 2 },
};

function bindingsFor(action: GestureAction): ToolTypes.IToolBinding[] {
  return boundInputs(action).map((input) => BINDINGS[input]);
}

export function createToolGroup(toolGroupId: string, probeWords: ProbeWords): ToolTypes.IToolGroup {
  const group = ToolGroupManager.createToolGroup(toolGroupId);
  if (!group) throw new Error(`could not create tool group ${toolGroupId}`);
  // Added first: for a one-finger touch Cornerstone takes the first active tool bound to it, and the left
  // button's tool (window by default) also matches one finger.
  // Do not loop from the last slice to the first: a teaching series has a direction the learner keeps.
  group.addTool(StackScrollTool.toolName, { loop: false });
  group.addTool(WindowLevelTool.toolName);
  // A 300 px drag doubles the zoom (pacs-zoom-tool.ts), whatever the viewport's size.
  group.addTool(PacsZoomTool.toolName, { doublingDistance: 300 });
  group.addTool(PanTool.toolName);
  group.addTool(CueArrowTool.toolName);
  group.addTool(LengthTool.toolName);
  group.addTool(ProbeTool.toolName, { getTextLines: probeTextLines(probeWords) });

  group.setToolActive(StackScrollTool.toolName, { bindings: bindingsFor('scroll-images') });
  group.setToolActive(WindowLevelTool.toolName, { bindings: bindingsFor('left-tool') });
  // ZoomTool pinches with two fingers (its pinchToZoom default).
  group.setToolActive(PacsZoomTool.toolName, { bindings: bindingsFor('zoom') });
  // Shift+left pans whatever the left button's tool: a binding with a modifier only matches with that modifier,
  // and setLeftTool's setToolPassive drops only the plain left-button binding, so this one stays.
  group.setToolActive(PanTool.toolName, { bindings: bindingsFor('pan') });
  // Enabled: drawn, but it takes no mouse input, so a click never starts a new arrow or drags a cue's.
  group.setToolEnabled(CueArrowTool.toolName);
  // Passive: the learner's measurements stay visible and their handles can be moved, but no new one starts.
  group.setToolPassive(LengthTool.toolName);
  group.setToolPassive(ProbeTool.toolName);

  annotation.config.style.setToolGroupToolStyles(toolGroupId, {
    [LengthTool.toolName]: LENGTH_STYLE,
    // A probe is the learner's measurement too: the same cyan, never the cue's yellow.
    [ProbeTool.toolName]: LENGTH_STYLE,
  });
  return group;
}

/** Measurements in cyan, so the learner's own lines never look like the teacher's yellow arrows. */
const LENGTH_COLOR = 'rgb(0, 220, 255)';
const LENGTH_STYLE: ToolTypes.AnnotationStyle.AnnotationStyle = {
  color: LENGTH_COLOR,
  colorHighlighted: 'rgb(120, 240, 255)',
  colorSelected: 'rgb(120, 240, 255)',
  textBoxColor: LENGTH_COLOR,
  textBoxColorHighlighted: LENGTH_COLOR,
  textBoxColorSelected: LENGTH_COLOR,
  textBoxFontSize: '14px',
  textBoxBackground: 'rgba(0, 0, 0, 0.55)',
};

const LEFT_TOOLS: Record<LeftTool, string> = {
  window: WindowLevelTool.toolName,
  pan: PanTool.toolName,
  zoom: PacsZoomTool.toolName,
  length: LengthTool.toolName,
  probe: ProbeTool.toolName,
};

/**
 * Gives the left button to `tool`. The tool that had it goes passive, which drops only its left-button binding:
 * zoom keeps the right button and pan the middle one whatever the left button does.
 */
export function setLeftTool(group: ToolTypes.IToolGroup, tool: LeftTool): void {
  const name = LEFT_TOOLS[tool];
  // Not getActivePrimaryMouseButtonTool(): Pan's Shift+left binding would make it look like the left tool.
  const previous = Object.values(LEFT_TOOLS).find((n) => n !== name && hasPlainLeftBinding(group, n));
  if (previous) group.setToolPassive(previous);
  if (!hasPlainLeftBinding(group, name)) group.setToolActive(name, { bindings: bindingsFor('left-tool') });
}

function hasPlainLeftBinding(group: ToolTypes.IToolGroup, toolName: string): boolean {
  const options = group.getToolOptions(toolName);
  return (
    options?.mode === ToolEnums.ToolModes.Active &&
    options.bindings.some((b) => b.mouseButton === MouseBindings.Primary && b.modifierKey === undefined)
  );
}

/** The learner's own annotations; cue arrows are another tool and stay. */
const MEASUREMENT_TOOLS: ReadonlySet<string> = new Set([LengthTool.toolName, ProbeTool.toolName]);

/** Removes every length and probe measurement on the page (one case page, one session). */
export function removeMeasurements(): void {
  for (const a of annotation.state.getAllAnnotations()) {
    const toolName = a.metadata?.toolName;
    if (toolName && MEASUREMENT_TOOLS.has(toolName) && a.annotationUID) annotation.state.removeAnnotation(a.annotationUID);
  }
}

export function destroyToolGroup(toolGroupId: string): void {
  ToolGroupManager.destroyToolGroup(toolGroupId);
}
