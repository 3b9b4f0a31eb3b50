/**
 * Every keyboard binding of the case page, in one table: the key handlers look keys up here and the shortcut
 * sheet lists it, so the sheet can never disagree with what the keys do. Viewport bindings apply while a
 * viewport has the focus and win over lesson bindings for the same key; other keys fall through to the lesson.
 */
import { WINDOW_PRESETS, type PresetName } from '../case/presets';

export type ShortcutScope = 'lesson' | 'viewport';

export type LessonActionId =
  | 'next-step'
  | 'previous-step'
  | 'toggle-play'
  | 'back-5s'
  | 'forward-5s'
  | 'previous-segment'
  | 'next-segment'
  | 'go-to-step'
  | 'return-to-lesson'
  | 'show-shortcuts'
  | 'blank'
  | 'fullscreen'
  | 'leave-presentation';

export type ViewportActionId = 'next-image' | 'previous-image' | 'reset' | 'invert' | 'preset' | 'cine' | 'restore-layout';

interface Base {
  /** KeyboardEvent.key values; letters match in either case. */
  keys: readonly string[];
  /** How the sheet shows the keys. */
  label: string;
  description: string;
}

export type LessonShortcut = Base & { scope: 'lesson'; action: LessonActionId };
export type ViewportShortcut = Base & {
  scope: 'viewport';
  action: ViewportActionId;
  /** For 'preset': the key's slot (1-5) and the CT preset it applies; on MR, slot 1 is the default window. */
  preset?: { slot: number; ct: PresetName };
};
export type Shortcut = LessonShortcut | ViewportShortcut;

const STEP_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

function preset(slot: number, ct: PresetName, name: string, extra = ''): ViewportShortcut {
  const { width, center } = WINDOW_PRESETS[ct];
  const description = `Window: CT ${name} (W ${width} L ${center})${extra}`;
  return { keys: [String(slot)], label: String(slot), scope: 'viewport', action: 'preset', preset: { slot, ct }, description };
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['ArrowRight', 'PageDown', ' '], label: '→ / PageDown / Space', scope: 'lesson', action: 'next-step', description: 'Next step' },
  { keys: ['ArrowLeft', 'PageUp'], label: '← / PageUp', scope: 'lesson', action: 'previous-step', description: 'Previous step' },
  { keys: ['k'], label: 'K', scope: 'lesson', action: 'toggle-play', description: 'Play or pause the narration' },
  { keys: ['j'], label: 'J', scope: 'lesson', action: 'back-5s', description: 'Back 5 seconds' },
  { keys: ['l'], label: 'L', scope: 'lesson', action: 'forward-5s', description: 'Forward 5 seconds' },
  { keys: [','], label: ',', scope: 'lesson', action: 'previous-segment', description: 'Previous transcript segment' },
  { keys: ['.'], label: '.', scope: 'lesson', action: 'next-segment', description: 'Next transcript segment' },
  { keys: STEP_KEYS, label: '1 … 9', scope: 'lesson', action: 'go-to-step', description: 'Go to step 1 to 9' },
  { keys: ['Enter'], label: 'Enter', scope: 'lesson', action: 'return-to-lesson', description: 'Return to the lesson after taking over' },
  { keys: ['?'], label: '?', scope: 'lesson', action: 'show-shortcuts', description: 'Show these keyboard shortcuts' },
  { keys: ['f'], label: 'F', scope: 'lesson', action: 'fullscreen', description: 'Full screen on or off' },
  { keys: ['b'], label: 'B', scope: 'lesson', action: 'blank', description: 'Presenting: blank the screen, or show it again' },
  { keys: ['Escape'], label: 'Esc', scope: 'lesson', action: 'leave-presentation', description: 'Leave presentation mode' },
  { keys: ['ArrowDown', 'PageDown'], label: '↓ / PageDown', scope: 'viewport', action: 'next-image', description: 'Next image' },
  { keys: ['ArrowUp', 'PageUp'], label: '↑ / PageUp', scope: 'viewport', action: 'previous-image', description: 'Previous image' },
  { keys: ['r'], label: 'R', scope: 'viewport', action: 'reset', description: "Reset to the lesson's image, window and framing" },
  { keys: ['i'], label: 'I', scope: 'viewport', action: 'invert', description: 'Invert the grey scale' },
  preset(1, 'ct-soft-tissue', 'soft tissue', '; other modalities: the default window'),
  preset(2, 'ct-bone', 'bone'),
  preset(3, 'ct-lung', 'lung'),
  preset(4, 'ct-mediastinum', 'mediastinum'),
  preset(5, 'ct-brain', 'brain'),
  { keys: ['c'], label: 'C', scope: 'viewport', action: 'cine', description: 'Start or stop cine at the chosen frame rate' },
  { keys: ['Escape'], label: 'Esc', scope: 'viewport', action: 'restore-layout', description: 'Restore the grid after maximising a viewport (double-click maximises and restores)' },
];

/** The binding for a key in a scope, if any. */
export function shortcutFor<S extends ShortcutScope>(
  key: string,
  scope: S,
): Extract<Shortcut, { scope: S }> | undefined {
  const k = key.length === 1 ? key.toLowerCase() : key;
  return SHORTCUTS.find((s): s is Extract<Shortcut, { scope: S }> => s.scope === scope && s.keys.includes(k));
}
