/** Records in the browser which steps the learner reached and where they left off, as they move. */
import { useEffect } from 'react';
import { markStep } from '../../case/progress';
import type { LessonStore } from '../../state/lesson-store';
import { updateCaseProgress } from '../progress-storage';

/** How long a step's record may wait for the page to be idle. */
const RECORD_WITHIN_MS = 500;

/** @param enabled false for an ad-hoc case (local files): there is nothing to resume. */
export function useRecordProgress(store: LessonStore, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const record = (): void => {
      const s = store.getState();
      const step = s.timeline.steps[s.stepIndex];
      if (!step) return;
      const now = new Date();
      updateCaseProgress(s.lesson.id, (p) => ({
        ...markStep(p, step.id, s.stepIndex, s.timeline.steps.length, now),
        position: { seconds: s.time, at: now.toISOString() },
      }));
    };
    record();
    // Written once the step is on screen, not inside the key's handler (a storage read, a write, and the quiz
    // panel's update cost milliseconds the viewer needs then); a step taken meanwhile records the waiting one at
    // once, and leaving the page or the case records it too, so no step goes unrecorded.
    let pending: (() => void) | undefined;
    const flush = (): void => {
      if (!pending) return;
      pending();
      pending = undefined;
      record();
    };
    const later = (): (() => void) => {
      if ('requestIdleCallback' in window) {
        const id = requestIdleCallback(flush, { timeout: RECORD_WITHIN_MS });
        return () => cancelIdleCallback(id);
      }
      const id = setTimeout(flush, RECORD_WITHIN_MS);
      return () => clearTimeout(id);
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.stepIndex !== prev.stepIndex) {
        flush();
        pending = later();
      } else if (prev.clock.playing && !s.clock.playing) {
        // A pause records where the learner stopped, now: the waiting step (if any) is part of the same record.
        pending?.();
        pending = undefined;
        record();
      }
    });
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      unsubscribe();
      flush();
    };
  }, [store, enabled]);
}
