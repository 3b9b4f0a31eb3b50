/**
 * Every keyboard binding of the case page, in one table: the key handlers look keys up here and the shortcut
 * sheet lists it, so the sheet can never disagree with what the keys do. Viewport bindings apply while a
 * viewport has the focus and win over lesson bindings for the same key; other keys fall through to the lesson.
 */
import { WINDOW_PRESETS, type PresetName } from '../case/presets';
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

/** A preset key; the first one also means "the default window" on modalities without presets. */
function preset(slot: number, ct: PresetName): ViewportShortcut {
  const { width, center } = WINDOW_PRESETS[ct];
  const describe = slot === 1 ? words.presetOrDefault : words.preset;
  const description = describe(messages.viewer.presetNames[ct], width, center);
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
  preset(1, 'ct-soft-tissue'),
  preset(2, 'ct-bone'),
  preset(3, 'ct-lung'),
  preset(4, 'ct-mediastinum'),
  preset(5, 'ct-brain'),
  { keys: ['c'], label: 'C', scope: 'viewport', action: 'cine', description: viewport.cine },
  { keys: ['Escape'], label: 'Esc', scope: 'viewport', action: 'restore-layout', description: viewport['restore-layout'] },
];

/** The binding for a key in a scope, if any. */
export function shortcutFor<S extends ShortcutScope>(
  key: string,
  scope: S,
): Extract<Shortcut, { scope: S }> | undefined {
  const k = key.length === 1 ? key.toLowerCase() : key;
  return SHORTCUTS.find((s): s is Extract<Shortcut, { scope: S }> => s.scope === scope && s.keys.includes(k));
}
