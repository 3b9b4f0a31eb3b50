/**
 * Every mouse and touch gesture on a viewport, in one table: `tools.ts` binds Cornerstone's tools from it, the
 * viewport frame's double-click handler asks it what a double click does, and the shortcut sheet lists it, so the
 * sheet can never disagree with what the hands do. Plain data, no Cornerstone: the UI imports it.
 */

/** Inputs Cornerstone's tool group binds (a button or wheel, maybe with Shift; or a number of fingers). */
export type BoundInput = 'wheel' | 'left-drag' | 'shift-left-drag' | 'middle-drag' | 'right-drag' | 'one-finger-drag' | 'two-finger-pinch';
/**
 * Inputs the page handles itself. A double tap reaches the page as a double click (browsers synthesise one from
 * two taps on a page that cannot be zoomed by the user, as ours with `width=device-width` is).
 */
export type DoubleInput = 'double-click' | 'double-tap';
export type GestureInput = BoundInput | DoubleInput;

export type GestureAction = 'scroll-images' | 'zoom' | 'pan' | 'left-tool' | 'maximise';

export interface Gesture {
  action: GestureAction;
  inputs: readonly GestureInput[];
}

export const GESTURES: readonly Gesture[] = [
  { action: 'scroll-images', inputs: ['wheel', 'one-finger-drag'] },
  // The toolbar's tool: window/level unless the learner picks another (setLeftTool).
  { action: 'left-tool', inputs: ['left-drag'] },
  { action: 'zoom', inputs: ['right-drag', 'two-finger-pinch'] },
  { action: 'pan', inputs: ['middle-drag', 'shift-left-drag'] },
  { action: 'maximise', inputs: ['double-click', 'double-tap'] },
];

export const INPUT_DEVICE: Record<GestureInput, 'mouse' | 'touch'> = {
  wheel: 'mouse',
  'left-drag': 'mouse',
  'shift-left-drag': 'mouse',
  'middle-drag': 'mouse',
  'right-drag': 'mouse',
  'double-click': 'mouse',
  'one-finger-drag': 'touch',
  'two-finger-pinch': 'touch',
  'double-tap': 'touch',
};

function isBound(input: GestureInput): input is BoundInput {
  return input !== 'double-click' && input !== 'double-tap';
}

/** The inputs the tool group binds for an action. */
export function boundInputs(action: GestureAction): BoundInput[] {
  return GESTURES.filter((g) => g.action === action).flatMap((g) => g.inputs.filter(isBound));
}

/** What a double click (or a double tap) on a viewport does. */
export function doubleClickAction(): GestureAction | undefined {
  return GESTURES.find((g) => g.inputs.includes('double-click'))?.action;
}
