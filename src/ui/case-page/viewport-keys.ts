/**
 * What a key does in a focused viewport, from the shortcut table. Every action is the learner taking over
 * (playback pauses, "Return to lesson" appears, and it undoes them all). A change of window or zoom is said to
 * screen readers (`announce`): the corner that shows it is hidden from them.
 */
import { isImagePresetName, presetForKey, WINDOW_PRESETS, type AnyPresetName } from '../../case/presets';
import type { ViewerSession, ViewportStatus, WindowChoice } from '../../viewer/types';
import { shortcutFor } from '../shortcuts';
import { typingInto } from './use-lesson-keys';

/** What a key changed that a screen reader should hear. */
export type ViewChange = 'window' | 'zoom';

export interface ViewportKeyContext {
  session: ViewerSession | null;
  status: ViewportStatus | undefined;
  /** The frame rate cine starts at. */
  cineFps: number;
  takeOver(): void;
  /** Restores a maximised grid; false when nothing was maximised. */
  restoreLayout(): boolean;
  announce(viewportId: string, change: ViewChange): void;
}

/** A zoom key multiplies or divides the zoom by this; a pan key moves the image by this share of the viewport. */
const ZOOM_STEP = 1.25;
const PAN_STEP = 0.1;

/** -1 or +1 for the arrow keys' directions, across (left/right) and down (up/down). */
const ACROSS: Readonly<Record<string, number>> = { ArrowLeft: -1, ArrowRight: 1 };
const DOWN: Readonly<Record<string, number>> = { ArrowUp: -1, ArrowDown: 1 };

/** What the viewer sets for a preset, or the default window. */
export function windowChoice(choice: AnyPresetName | 'default'): WindowChoice {
  if (choice === 'default') return 'default';
  return isImagePresetName(choice) ? { image: choice } : WINDOW_PRESETS[choice];
}

/** Keys the viewport leaves alone: typing, an open dialog, Alt or Meta (the browser's and the system's). */
function leftAlone(e: KeyboardEvent): boolean {
  return e.altKey || e.metaKey || typingInto(e.target) || (e.target instanceof Element && e.target.closest('dialog[open]') !== null);
}

/** Handles `e` if it is a viewport binding (the lesson keys skip those keys in a focused viewport). */
export function handleViewportKey(viewportId: string, e: KeyboardEvent, ctx: ViewportKeyContext): void {
  if (leftAlone(e)) return;
  const binding = shortcutFor(e.key, 'viewport', e);
  if (!binding) return;
  // Layout, not the image: it works on a loading viewport too, and is not a take-over (maximising was).
  if (binding.action === 'restore-layout') {
    if (ctx.restoreLayout()) e.preventDefault();
    return;
  }
  e.preventDefault();
  const { session, status } = ctx;
  if (!session || status?.state !== 'ready') return;
  switch (binding.action) {
    case 'next-image':
      session.scrollBy(viewportId, 1);
      break;
    case 'previous-image':
      session.scrollBy(viewportId, -1);
      break;
    case 'reset':
      session.reset(viewportId);
      break;
    case 'invert':
      session.invert(viewportId);
      break;
    case 'preset': {
      const choice = binding.preset && presetForKey(binding.preset.slot, status.modality);
      if (!choice) return; // no preset on this key for this modality: nothing changed, nothing taken over
      session.setWindow(viewportId, windowChoice(choice));
      ctx.announce(viewportId, 'window');
      break;
    }
    case 'window-width':
      session.nudge(viewportId, { window: { width: ACROSS[e.key] ?? 0, level: 0 } });
      ctx.announce(viewportId, 'window');
      break;
    case 'window-level':
      // Up raises the level, as a number goes up: the image darker.
      session.nudge(viewportId, { window: { width: 0, level: -(DOWN[e.key] ?? 0) } });
      ctx.announce(viewportId, 'window');
      break;
    case 'zoom':
      session.nudge(viewportId, { zoom: e.key === '-' ? 1 / ZOOM_STEP : ZOOM_STEP });
      ctx.announce(viewportId, 'zoom');
      break;
    case 'pan':
      session.nudge(viewportId, { pan: { x: (ACROSS[e.key] ?? 0) * PAN_STEP, y: (DOWN[e.key] ?? 0) * PAN_STEP } });
      break;
    case 'cine':
      session.setCine(viewportId, status.cineFps === undefined ? ctx.cineFps : null);
      break;
  }
  ctx.takeOver();
}
