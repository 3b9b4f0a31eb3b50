/**
 * Every keyboard binding of the case page, in one table: the key handlers look keys up here and the shortcut
 * sheet lists it, so the sheet can never disagree with what the keys do. Viewport bindings apply while a
 * viewport has the focus and win over lesson bindings for the same key; other keys fall through to the lesson.
 * A named key (an arrow) with Shift or Ctrl is a binding of its own: Shift+arrows window, Ctrl+arrows pan, while
 * the plain arrows keep scrolling images (up, down) and moving steps (left, right).
 */
import { IMAGE_PRESET_NAMES, presetsForModality, WINDOW_PRESETS, type PresetName } from '../case/presets';
import { messages } from './i18n/messages';

const words = messages.shortcuts;
const lesson = words.lesson;
const viewport = words.viewport;

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

export type ViewportActionId =
  | 'next-image'
  | 'previous-image'
  | 'reset'
  | 'invert'
  | 'preset'
  | 'cine'
  | 'restore-layout'
  | 'window-width'
  | 'window-level'
  | 'zoom'
  | 'pan';

/** A modifier a named key's binding needs (printable keys carry Shift in the character itself: `+`, `?`). */
export type KeyModifier = 'shift' | 'ctrl';

interface Base {
  /** KeyboardEvent.key values; letters match in either case. */
  keys: readonly string[];
  /** Held with a named key; none: the key alone. */
  modifier?: KeyModifier;
  /** How the sheet shows the keys. */
  label: string;
  description: string;
}

export type LessonShortcut = Base & { scope: 'lesson'; action: LessonActionId };
export type ViewportShortcut = Base & {
  scope: 'viewport';
  action: ViewportActionId;
  /** For 'preset': the key's slot (1-5); on CT it sets that CT preset, elsewhere the default or an image's window. */
  preset?: { slot: number; ct: PresetName };
};
export type Shortcut = LessonShortcut | ViewportShortcut;

const STEP_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A preset key: the CT preset of its slot, and on other modalities the default window (1) or an image's (2-5). */
function preset(slot: number): ViewportShortcut {
  const ct = presetsForModality('CT')[slot - 1] as PresetName;
  const { width, center } = WINDOW_PRESETS[ct];
  const image = IMAGE_PRESET_NAMES[slot - 2];
  const other = image ? messages.viewer.presetNames[image] : messages.viewer.presetDefault;
  const description = words.preset(messages.viewer.presetNames[ct], width, center, other);
  return { keys: [String(slot)], label: String(slot), scope: 'viewport', action: 'preset', preset: { slot, ct }, description };
}

// Key labels are the keys' own names as printed on the keyboard (the notation `aria-keyshortcuts` uses too), not
// words of the UI; what each binding does comes from the UI dictionary.
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['ArrowRight', 'PageDown', ' '], label: '→ / PageDown / Space', scope: 'lesson', action: 'next-step', description: lesson['next-step'] },
  { keys: ['ArrowLeft', 'PageUp'], label: '← / PageUp', scope: 'lesson', action: 'previous-step', description: lesson['previous-step'] },
  { keys: ['k'], label: 'K', scope: 'lesson', action: 'toggle-play', description: lesson['toggle-play'] },
  { keys: ['j'], label: 'J', scope: 'lesson', action: 'back-5s', description: lesson['back-5s'] },
  { keys: ['l'], label: 'L', scope: 'lesson', action: 'forward-5s', description: lesson['forward-5s'] },
  { keys: [','], label: ',', scope: 'lesson', action: 'previous-segment', description: lesson['previous-segment'] },
  { keys: ['.'], label: '.', scope: 'lesson', action: 'next-segment', description: lesson['next-segment'] },
  { keys: STEP_KEYS, label: '1 … 9', scope: 'lesson', action: 'go-to-step', description: lesson['go-to-step'] },
  { keys: ['Enter'], label: 'Enter', scope: 'lesson', action: 'return-to-lesson', description: lesson['return-to-lesson'] },
  { keys: ['?'], label: '?', scope: 'lesson', action: 'show-shortcuts', description: lesson['show-shortcuts'] },
  { keys: ['f'], label: 'F', scope: 'lesson', action: 'fullscreen', description: lesson.fullscreen },
  { keys: ['b'], label: 'B', scope: 'lesson', action: 'blank', description: lesson.blank },
  { keys: ['Escape'], label: 'Esc', scope: 'lesson', action: 'leave-presentation', description: lesson['leave-presentation'] },
  { keys: ['ArrowDown', 'PageDown'], label: '↓ / PageDown', scope: 'viewport', action: 'next-image', description: viewport['next-image'] },
  { keys: ['ArrowUp', 'PageUp'], label: '↑ / PageUp', scope: 'viewport', action: 'previous-image', description: viewport['previous-image'] },
  { keys: ['r'], label: 'R', scope: 'viewport', action: 'reset', description: viewport.reset },
  { keys: ['i'], label: 'I', scope: 'viewport', action: 'invert', description: viewport.invert },
  preset(1),
  preset(2),
  preset(3),
  preset(4),
  preset(5),
  { keys: ['ArrowLeft', 'ArrowRight'], modifier: 'shift', label: 'Shift+← / Shift+→', scope: 'viewport', action: 'window-width', description: viewport['window-width'] },
  { keys: ['ArrowUp', 'ArrowDown'], modifier: 'shift', label: 'Shift+↑ / Shift+↓', scope: 'viewport', action: 'window-level', description: viewport['window-level'] },
  { keys: ['+', '=', '-'], label: '+ / −', scope: 'viewport', action: 'zoom', description: viewport.zoom },
  { keys: ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'], modifier: 'ctrl', label: 'Ctrl+← → ↑ ↓', scope: 'viewport', action: 'pan', description: viewport.pan },
  { keys: ['c'], label: 'C', scope: 'viewport', action: 'cine', description: viewport.cine },
  { keys: ['Escape'], label: 'Esc', scope: 'viewport', action: 'restore-layout', description: viewport['restore-layout'] },
];

/** The modifiers held with a key, as the table matches them. */
export interface HeldModifiers {
  shiftKey?: boolean;
  ctrlKey?: boolean;
}

function modifierOf(key: string, held: HeldModifiers): KeyModifier | undefined {
  if (held.ctrlKey) return 'ctrl';
  // Shift makes a printable key another character (`=` to `+`): only a named key's Shift is a modifier.
  return held.shiftKey && key.length > 1 ? 'shift' : undefined;
}

/** The binding for a key (with the modifiers held) in a scope, if any. */
export function shortcutFor<S extends ShortcutScope>(
  key: string,
  scope: S,
  held: HeldModifiers = {},
): Extract<Shortcut, { scope: S }> | undefined {
  const k = key.length === 1 ? key.toLowerCase() : key;
  const modifier = modifierOf(key, held);
  return SHORTCUTS.find(
    (s): s is Extract<Shortcut, { scope: S }> => s.scope === scope && s.keys.includes(k) && s.modifier === modifier,
  );
}
