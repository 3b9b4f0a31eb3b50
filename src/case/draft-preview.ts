/**
 * What the viewer shows of a draft that is not yet a valid case, when it is only unfinished: segments whose
 * words are still to write (a recorded take starts so), and steps no segment belongs to yet (steps a take never
 * reached). The preview fills the one with a placeholder and leaves the other out, as "Remove the steps without
 * segments" would, so the author sees the take at once; the draft itself keeps both as problems, and export waits.
 */
import type { Draft } from './authoring';
import { removeStep } from './authoring-steps';

/** The steps no transcript segment belongs to, in order. */
export function stepsWithoutSegments(d: Draft): string[] {
  const used = new Set(d.transcript.map((s) => s.step));
  return d.steps.filter((s) => !used.has(s.id)).map((s) => s.id);
}

export interface StepsRemoval {
  draft: Draft;
  removed: number;
  /** Answers revealed at a removed step, now revealed at the step that took them. */
  answers: number;
}

/**
 * Removes every step without a segment, each as `removeStep` does (its answers and notes go to a neighbour), one
 * after the other. The last step is kept even without a segment: a case needs one.
 */
export function removeStepsWithoutSegments(d: Draft): StepsRemoval {
  let draft = d;
  let removed = 0;
  let answers = 0;
  for (const id of stepsWithoutSegments(d)) {
    const r = removeStep(draft, id);
    if (r.draft === draft) continue;
    draft = r.draft;
    removed++;
    answers += r.answers;
  }
  return { draft, removed, answers };
}

/** The draft with each empty text reading `placeholder` (the same draft when none is empty). */
export function fillUnwritten(d: Draft, placeholder: string): Draft {
  if (!d.transcript.some((s) => s.text === '')) return d;
  return { ...d, transcript: d.transcript.map((s) => (s.text === '' ? { ...s, text: placeholder } : s)) };
}

/** The draft as it can be shown: empty texts read `placeholder`, steps without segments are left out. */
export function previewDraft(d: Draft, placeholder: string): Draft {
  const filled = fillUnwritten(d, placeholder);
  // Only when some step has a segment: with none at all, there is nothing to show the rest by.
  return filled.transcript.length > 0 && stepsWithoutSegments(filled).length > 0 ? removeStepsWithoutSegments(filled).draft : filled;
}
