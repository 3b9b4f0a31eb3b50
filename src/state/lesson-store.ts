/**
 * Where the learner is in the lesson (segment, step), what has been revealed, and the viewport statuses the
 * viewer reports. Pure zustand: the teaching rules live in src/case, this only holds the state.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ParsedCase } from '../case/schema';
import { buildTimeline, clampIndex, type Timeline } from '../case/timeline';

export interface LessonState {
  lesson: ParsedCase;
  timeline: Timeline;
  segmentIndex: number;
  stepIndex: number;
  /** Steps up to this one reveal their items by themselves; "Hide answers" sets it back to -1. */
  revealedThrough: number;
  /** Items the learner asked to see early. */
  revealedByHand: ReadonlySet<string>;
  /** Set when the learner moves a viewport by hand; cleared by "Return to lesson" or any navigation. */
  tookOver: boolean;
  /** Bumped whenever the viewports must be made to match the cue again, even if the cue is the same. */
  cueEpoch: number;
}

export interface LessonActions {
  goToStep(stepIndex: number): void;
  goToSegment(segmentIndex: number): void;
  nextStep(): void;
  previousStep(): void;
  revealNow(): void;
  hideAnswers(): void;
  takeOver(): void;
  returnToLesson(): void;
}

export type LessonStore = StoreApi<LessonState & LessonActions>;

export function createLessonStore(lesson: ParsedCase, startStep = 0): LessonStore {
  const timeline = buildTimeline(lesson);
  const first = clampIndex(startStep, timeline.steps.length);
  return createStore<LessonState & LessonActions>()((set, get) => {
    const moveToSegment = (segmentIndex: number): void => {
      const i = clampIndex(segmentIndex, timeline.segments.length);
      const stepIndex = timeline.segments[i]?.stepIndex ?? 0;
      set((s) => ({
        segmentIndex: i,
        stepIndex,
        revealedThrough: Math.max(s.revealedThrough, stepIndex),
        tookOver: false,
        cueEpoch: s.cueEpoch + 1,
      }));
    };
    const moveToStep = (stepIndex: number): void => {
      const step = timeline.steps[clampIndex(stepIndex, timeline.steps.length)];
      moveToSegment(step?.firstSegment ?? 0);
    };
    return {
      lesson,
      timeline,
      segmentIndex: timeline.steps[first]?.firstSegment ?? 0,
      stepIndex: first,
      revealedThrough: first,
      revealedByHand: new Set<string>(),
      tookOver: false,
      cueEpoch: 0,
      goToStep: moveToStep,
      goToSegment: moveToSegment,
      nextStep: () => moveToStep(get().stepIndex + 1),
      previousStep: () => moveToStep(get().stepIndex - 1),
      revealNow: () =>
        set({ revealedByHand: new Set(lesson.reveal.map((r) => r.id)), revealedThrough: timeline.steps.length - 1 }),
      hideAnswers: () => set({ revealedThrough: -1, revealedByHand: new Set<string>() }),
      takeOver: () => set({ tookOver: true }),
      returnToLesson: () => set((s) => ({ tookOver: false, cueEpoch: s.cueEpoch + 1 })),
    };
  });
}
