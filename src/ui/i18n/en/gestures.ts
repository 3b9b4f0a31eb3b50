import type { GestureAction, GestureInput } from '../../../viewer/gestures';

/** The shortcut sheet's mouse and touch sections: each gesture of the viewer's gesture table and what it does. */
export const gestures = {
  devices: { mouse: 'Mouse, on a viewport', touch: 'Touch, on a viewport' } satisfies Record<'mouse' | 'touch', string>,
  inputs: {
    wheel: 'Wheel',
    'left-drag': 'Left-drag',
    'shift-left-drag': 'Shift + left-drag',
    'middle-drag': 'Middle-drag',
    'right-drag': 'Right-drag',
    'double-click': 'Double-click',
    'one-finger-drag': 'One-finger drag',
    'two-finger-pinch': 'Two-finger pinch',
    'double-tap': 'Double-tap',
  } satisfies Record<GestureInput, string>,
  /** Joins two inputs that do the same ("Middle-drag or Shift + left-drag"). */
  or: (a: string, b: string) => `${a} or ${b}`,
  actions: {
    'scroll-images': 'Scroll through the images',
    'left-tool': "The toolbar's tool: window/level unless you pick another",
    zoom: 'Zoom',
    pan: 'Pan',
    maximise: 'Maximise the viewport, or restore the grid',
  } satisfies Record<GestureAction, string>,
};
