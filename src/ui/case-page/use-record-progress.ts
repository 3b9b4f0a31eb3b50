/** Records in the browser which steps the learner reached and where they left off, as they move. */
import { useEffect } from 'react';
import { markStep } from '../../case/progress';
import type { LessonStore } from '../../state/lesson-store';
import { updateCaseProgress } from '../progress-storage';
import { later } from '../later';

/** How long a step's record may wait for the page to be idle. */
const RECORD_WITHIN_MS = 500;

/** @param enabled false for an ad-hoc case (local files): there is nothing to resume. */
export function useRecordProgress(store: LessonStore, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    /** Records the lesson as it was in `s` (a step waiting to be recorded keeps its own step and time). */
    const record = (s = store.getState()): void => {
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
    const pending = later(RECORD_WITHIN_MS, true);
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.stepIndex !== prev.stepIndex) pending.schedule(() => record(s));
      else if (prev.clock.playing && !s.clock.playing) {
        // A pause records where the learner stopped, now: the waiting step (if any) is part of the same record.
        pending.cancel();
        record();
      }
    });
    window.addEventListener('pagehide', pending.flush);
    return () => {
      window.removeEventListener('pagehide', pending.flush);
      unsubscribe();
      pending.flush();
    };
  }, [store, enabled]);
}
