/**
 * The lesson's keyboard, from the one shortcut table (src/ui/shortcuts.ts). Arrows, PageUp/PageDown (what a
 * presenter's clicker sends) and Space move steps (while presenting, cue by cue: what a step holds back, such as a
 * later arrow, comes before the next step): Space stays "next step" so a clicker or a presenter never
 * starts the narration by accident; K plays and pauses. J/L jump 5 s, comma/period move by segment, 1-9 jump to
 * a step, Enter returns to the lesson after a take-over, Escape leaves a text field. Keys bound in the viewport scope are left to a focused
 * viewport (not marked with preventDefault: Cornerstone's own key listener already prevents every key on its
 * element); `?` belongs to the shortcut sheet.
 */
import { useEffect } from 'react';
import type { LessonStore } from '../../state/lesson-store';
import { shortcutFor } from '../shortcuts';
import { leaveFullscreen, toggleFullscreen } from '../presenting/fullscreen';

export function typingInto(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** The viewport frame (role="img", data-viewport) holding the focus when `e` was typed, if any. */
export function focusedViewport(e: KeyboardEvent): HTMLElement | null {
  return e.target instanceof Element ? e.target.closest<HTMLElement>('[role="img"][data-viewport]') : null;
}

/** True for keys the page should leave alone: modifiers, typing, or an open dialog. */
export function ignoredKey(e: KeyboardEvent): boolean {
  return (
    e.altKey ||
    e.ctrlKey ||
    e.metaKey ||
    typingInto(e.target) ||
    (e.target instanceof Element && e.target.closest('dialog[open]') !== null)
  );
}

/** What a presenter's clicker sends: while presenting these move steps even when a viewport has the focus. */
const CLICKER_KEYS = new Set(['PageDown', 'PageUp']);

/** @param console the presenter console: it never leaves presentation mode (Escape belongs to the audience window) */
export function useLessonKeys(store: LessonStore, { console = false }: { console?: boolean } = {}): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      // Escape leaves a text field (a list the field opened closes first, marking the key handled), so the lesson's
      // keys work again; in a dialog it is the dialog's.
      if (e.key === 'Escape' && typingInto(e.target) && !e.defaultPrevented && !(e.target as Element).closest('dialog[open]')) {
        (e.target as HTMLElement).blur();
        return;
      }
      const s = store.getState();
      const clicker = s.presenting && CLICKER_KEYS.has(e.key);
      // Ctrl is left to the viewport's keys (Ctrl+arrows pan) and the browser: ignoredKey() drops it here.
      if (ignoredKey(e) || (!clicker && focusedViewport(e) && shortcutFor(e.key, 'viewport', e))) return;
      const binding = shortcutFor(e.key, 'lesson', e);
      if (!binding) return;
      switch (binding.action) {
        case 'next-step':
          // Space on a focused button activates it; only treat it as "next" elsewhere.
          if (e.key === ' ' && e.target instanceof HTMLButtonElement) return;
          if (s.presenting) s.nextCue();
          else s.nextStep();
          break;
        case 'previous-step':
          if (s.presenting) s.previousCue();
          else s.previousStep();
          break;
        case 'toggle-play':
          s.togglePlay();
          break;
        case 'back-5s':
          s.seekTo(s.time - 5);
          break;
        case 'forward-5s':
          s.seekTo(s.time + 5);
          break;
        case 'previous-segment':
          s.previousSegment();
          break;
        case 'next-segment':
          s.nextSegment();
          break;
        case 'go-to-step':
          if (Number(e.key) > s.timeline.steps.length) return;
          s.goToStep(Number(e.key) - 1);
          break;
        case 'return-to-lesson':
          if (!s.tookOver || e.target instanceof HTMLButtonElement) return;
          s.returnToLesson();
          break;
        case 'show-shortcuts':
          return; // the shortcut sheet listens for it
        case 'fullscreen':
          void toggleFullscreen();
          break;
        case 'blank':
          if (!s.presenting) return;
          s.setBlanked(!s.blanked);
          break;
        case 'leave-presentation':
          if (!s.presenting || console) return;
          s.setPresenting(false);
          void leaveFullscreen();
          break;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, console]);
}
