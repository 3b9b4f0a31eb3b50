/** Which reveal items a learner may see: those whose step was reached, plus any revealed by hand. */
import type { ParsedCase, RevealItem } from './schema';

export function revealStepIndex(c: ParsedCase, item: RevealItem): number {
  return c.steps.findIndex((s) => s.id === item.revealAt);
}

/**
 * @param furthestStep the furthest step the learner has reached (going back does not hide answers)
 * @param revealedByHand ids the learner asked to see early ("Reveal now")
 */
export function visibleRevealItems(
  c: ParsedCase,
  furthestStep: number,
  revealedByHand: ReadonlySet<string>,
): RevealItem[] {
  return c.reveal.filter((item) => revealedByHand.has(item.id) || revealStepIndex(c, item) <= furthestStep);
}

export function hiddenRevealItems(c: ParsedCase, furthestStep: number, revealedByHand: ReadonlySet<string>): RevealItem[] {
  const visible = new Set(visibleRevealItems(c, furthestStep, revealedByHand));
  return c.reveal.filter((item) => !visible.has(item));
}
