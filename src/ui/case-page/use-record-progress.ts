/**
 * Records in the browser which steps the learner reached, where they left off (to the second, with its step), and
 * when the differential came on screen (which closes an answer and grades it: `case/quiz-attempt.ts`).
 */
import { useEffect } from 'react';
import { markStep } from '../../case/progress';
import { answersShown } from '../../case/quiz-attempt';
import { visibleRevealItems } from '../../case/reveal';
import type { LessonState, LessonStore } from '../../state/lesson-store';
import { updateCaseProgress } from '../progress-storage';
import { later } from '../later';

/** How long a step's record may wait for the page to be idle. */
const RECORD_WITHIN_MS = 500;

const differentialShown = (s: LessonState): boolean =>
  visibleRevealItems(s.lesson, s.revealedThrough, s.revealedByHand, s.revealFloor).some((r) => r.kind === 'differential');

/** @param enabled false for an ad-hoc case (local files): there is nothing to resume. */
export function useRecordProgress(store: LessonStore, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    /** Records the lesson as it was in `s` (a step waiting to be recorded keeps its own step and time). */
    const record = (s = store.getState()): void => {
      const step = s.timeline.steps[s.stepIndex];
      if (!step) return;
      const now = new Date();
      const ids = s.timeline.steps.map((x) => x.id);
      updateCaseProgress(s.lesson.id, (p) => ({
        ...markStep(p, step.id, s.stepIndex, ids, now),
        position: { seconds: s.time, step: s.stepIndex, at: now.toISOString() },
      }));
    };
    const noteShown = (s: LessonState): void => updateCaseProgress(s.lesson.id, (p) => answersShown(p, new Date()));
    record();
    if (differentialShown(store.getState())) noteShown(store.getState());
    // Written once the step is on screen, not inside the key's handler (a storage read, a write, and the quiz
    // panel's update cost milliseconds the viewer needs then); a step taken meanwhile records the waiting one at
    // once, and leaving the page or the case records it too, so no step goes unrecorded.
    const pending = later(RECORD_WITHIN_MS, true);
    const unsubscribe = store.subscribe((s, prev) => {
      if (differentialShown(s) && !differentialShown(prev)) noteShown(s);
      if (s.stepIndex !== prev.stepIndex) pending.schedule(() => record(s));
      else if (prev.clock.playing && !s.clock.playing) {
        // A pause records where the learner stopped, now: the waiting step (if any) is part of the same record.
        pending.cancel();
        record();
      }
    });
    /** Leaving (closing the tab, or the case) keeps the exact position, even in the middle of playback. */
    const leave = (): void => {
      pending.flush();
      record();
    };
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      unsubscribe();
      leave();
    };
  }, [store, enabled]);
}
