/** The lesson's keyboard: arrows, PageUp/PageDown (what a presenter's clicker sends) and Space move steps. */
import { useEffect } from 'react';
import type { LessonStore } from '../../state/lesson-store';

function typingInto(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

export function useLessonKeys(store: LessonStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.altKey || e.ctrlKey || e.metaKey || typingInto(e.target)) return;
      const s = store.getState();
      switch (e.key) {
        case 'ArrowRight':
        case 'PageDown':
        case ' ':
          // Space on a focused button activates it; only treat it as "next" elsewhere.
          if (e.key === ' ' && e.target instanceof HTMLButtonElement) return;
          s.nextStep();
          break;
        case 'ArrowLeft':
        case 'PageUp':
          s.previousStep();
          break;
        case 'Enter':
          if (!s.tookOver || e.target instanceof HTMLButtonElement) return;
          s.returnToLesson();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
