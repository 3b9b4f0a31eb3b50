/**
 * The lesson's keyboard. Arrows, PageUp/PageDown (what a presenter's clicker sends) and Space move steps: Space
 * stays "next step" so a clicker or a presenter never starts the narration by accident; K plays and pauses.
 * J/L jump 5 s, comma/period move by segment, 1-9 jump to a step, Enter returns to the lesson after a take-over.
 */
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
        case 'k':
        case 'K':
          s.togglePlay();
          break;
        case 'j':
        case 'J':
          s.seekTo(s.time - 5);
          break;
        case 'l':
        case 'L':
          s.seekTo(s.time + 5);
          break;
        case ',':
          s.previousSegment();
          break;
        case '.':
          s.nextSegment();
          break;
        case 'Enter':
          if (!s.tookOver || e.target instanceof HTMLButtonElement) return;
          s.returnToLesson();
          break;
        default:
          if (/^[1-9]$/.test(e.key) && Number(e.key) <= s.timeline.steps.length) {
            s.goToStep(Number(e.key) - 1);
            break;
          }
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
