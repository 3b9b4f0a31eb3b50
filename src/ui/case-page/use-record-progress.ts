/** Records in the browser which steps the learner reached and where they left off, as they move. */
import { useEffect } from 'react';
import { markStep } from '../../case/progress';
import type { LessonStore } from '../../state/lesson-store';
import { updateCaseProgress } from '../progress-storage';

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
    return store.subscribe((s, prev) => {
      if (s.stepIndex !== prev.stepIndex || (prev.clock.playing && !s.clock.playing)) record();
    });
  }, [store, enabled]);
}
