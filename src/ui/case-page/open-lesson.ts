/**
 * The lesson store a case page opens with: at the exact moment the learner left off when the link leads to that
 * step (a pause at 0:56 reopens at 0:56, not at its step's 0:35), and never showing answers the learner is to be
 * asked about first: a link into a step that reveals opens on the step before the first reveal, with the move
 * held for the learner's word (`RevealAskDialog`).
 */
import type { ParsedCase } from '../../case/schema';
import { revealStepIndex } from '../../case/reveal';
import { buildTimeline, segmentIndexAt } from '../../case/timeline';
import { createLessonStore, type LessonStore } from '../../state/lesson-store';
import { readProgress } from '../progress-storage';
import { shouldAskBeforeReveal } from './reveal-ask';

/** @param asking false where no learner is asked (local files, an author's preview) */
export function openLessonStore(lesson: ParsedCase, initialStep: number, wallClock: () => number, asking: boolean): LessonStore {
  const progress = readProgress();
  const timeline = buildTimeline(lesson);
  const step = Math.min(Math.max(0, initialStep), Math.max(0, timeline.steps.length - 1));
  const saved = progress[lesson.id]?.position?.seconds;
  const resume = saved !== undefined && timeline.segments[segmentIndexAt(timeline, saved)]?.stepIndex === step ? saved : undefined;
  const target = resume ?? timeline.steps[step]?.start ?? 0;

  const ask = asking && shouldAskBeforeReveal(lesson, progress, false, new Date());
  const firstReveal = Math.min(...lesson.reveal.map((r) => revealStepIndex(lesson, r)).filter((i) => i >= 0));
  if (ask && firstReveal > 0 && step >= firstReveal) {
    const store = createLessonStore(lesson, firstReveal - 1, wallClock);
    store.getState().setAskBeforeRevealing(true);
    store.getState().holdForReveal({ time: target, stepIndex: step, play: false });
    return store;
  }
  const store = createLessonStore(lesson, step, wallClock);
  store.getState().setAskBeforeRevealing(ask);
  if (resume !== undefined) store.getState().seekTo(resume);
  return store;
}
