/**
 * What a key does in a focused viewport, from the shortcut table. Every action is the learner taking over
 * (playback pauses, "Return to lesson" appears, and it undoes them all).
 */
import { WINDOW_PRESETS } from '../../case/presets';
import type { ViewerSession, ViewportStatus } from '../../viewer/types';
import { shortcutFor } from '../shortcuts';
import { ignoredKey } from './use-lesson-keys';

export interface ViewportKeyContext {
  session: ViewerSession | null;
  status: ViewportStatus | undefined;
  /** The frame rate cine starts at. */
  cineFps: number;
  takeOver(): void;
  /** Restores a maximised grid; false when nothing was maximised. */
  restoreLayout(): boolean;
}

/** Handles `e` if it is a viewport binding (the lesson keys skip those keys in a focused viewport). */
export function handleViewportKey(viewportId: string, e: KeyboardEvent, ctx: ViewportKeyContext): void {
  if (ignoredKey(e)) return;
  const binding = shortcutFor(e.key, 'viewport');
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
      const preset = binding.preset;
      if (!preset) return;
      if (status.modality === 'CT') session.setWindow(viewportId, WINDOW_PRESETS[preset.ct]);
      else if (preset.slot === 1) session.setWindow(viewportId, 'default');
      else return; // no presets for this modality: nothing changed, nothing taken over
      break;
    }
    case 'cine':
      session.setCine(viewportId, status.cineFps === undefined ? ctx.cineFps : null);
      break;
  }
  ctx.takeOver();
}
