/** Which reveal items a learner may see: those whose step was reached, plus any revealed by hand. */
import type { ParsedCase, RevealItem } from './schema';

export function revealStepIndex(c: ParsedCase, item: RevealItem): number {
  return c.steps.findIndex((s) => s.id === item.revealAt);
}

/**
 * @param furthestStep the furthest step the learner has reached (going back does not hide answers)
 * @param revealedByHand ids the learner asked to see early ("Reveal now")
 * @param floor items of this step and earlier do not reveal by being reached, only by hand: a presenter who starts
 *   at a step with the answers hidden gives them out when they choose (-1: every reached step reveals its items)
 */
export function visibleRevealItems(
  c: ParsedCase,
  furthestStep: number,
  revealedByHand: ReadonlySet<string>,
  floor = -1,
): RevealItem[] {
  return c.reveal.filter((item) => {
    const at = revealStepIndex(c, item);
    return revealedByHand.has(item.id) || (at > floor && at <= furthestStep);
  });
}

export function hiddenRevealItems(c: ParsedCase, furthestStep: number, revealedByHand: ReadonlySet<string>, floor = -1): RevealItem[] {
  const visible = new Set(visibleRevealItems(c, furthestStep, revealedByHand, floor));
  return c.reveal.filter((item) => !visible.has(item));
}

/** The items that reaching `stepIndex` would show which are not shown now (none for a step already reached). */
export function revealedByReaching(
  c: ParsedCase,
  stepIndex: number,
  revealedThrough: number,
  revealedByHand: ReadonlySet<string>,
  floor = -1,
): RevealItem[] {
  if (stepIndex <= revealedThrough) return [];
  const now = new Set(visibleRevealItems(c, revealedThrough, revealedByHand, floor));
  return visibleRevealItems(c, stepIndex, revealedByHand, floor).filter((item) => !now.has(item));
}
