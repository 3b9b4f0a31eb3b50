/**
 * The question before a step that reveals answers ("commit your answer first?"): whether to ask, from the
 * learner's progress and their "don't ask again", kept in this browser for every case.
 */
import type { ProgressMap } from '../../case/progress';
import { asksBeforeReveal, attemptOf } from '../../case/quiz-attempt';
import { revealStepIndex } from '../../case/reveal';
import type { ParsedCase } from '../../case/schema';
import { browserStorage, storeItem } from '../browser-storage';

const KEY = 'ctv.ask-before-reveal';

export function neverAsk(): boolean {
  try {
    return browserStorage()?.getItem(KEY) === 'never';
  } catch {
    return false;
  }
}

export function stopAsking(): void {
  storeItem(KEY, 'never');
}

/** The step that reveals the case's differential (-1: the case has none, so there is no quiz). */
export function differentialStep(lesson: ParsedCase): number {
  const ddx = lesson.reveal.find((r) => r.kind === 'differential');
  return ddx ? revealStepIndex(lesson, ddx) : -1;
}

/** @param skipped the learner skipped the quiz in this visit: they chose to go on without an answer */
export function shouldAskBeforeReveal(lesson: ParsedCase, progress: ProgressMap, skipped: boolean, now: Date): boolean {
  const step = differentialStep(lesson);
  if (step < 0 || skipped || neverAsk()) return false;
  return asksBeforeReveal(attemptOf(progress[lesson.id], step, now));
}
