/**
 * SM-2 scheduling (P. Wozniak, SuperMemo 2, 1987) of when to see a case again.
 *
 * After each review the learner grades their recall, quality q from 0 (blackout) to 5 (perfect):
 * - q < 3: a lapse. Repetitions start again (count 0, next interval 1 day); the ease factor is left as it was.
 * - q >= 3: the n-th successful repetition in a row gets an interval of 1 day (n = 1), 6 days (n = 2), and
 *   after that the previous interval times the ease factor, rounded to whole days.
 * - The ease factor EF (start 2.5) then changes by 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02): +0.1 for q = 5,
 *   unchanged for 4, -0.14 for 3. It never falls below 1.3, or hard cases would come back every day forever.
 * The interval is computed with the ease factor the case had before this review.
 */

export const INITIAL_EASE = 2.5;
export const MIN_EASE = 1.3;
const DAY_MS = 24 * 60 * 60 * 1000;

export type Quality = 0 | 1 | 2 | 3 | 4 | 5;

export interface Sm2State {
  /** Successful reviews in a row. */
  repetitions: number;
  intervalDays: number;
  easeFactor: number;
  /** When the case is due again (ISO 8601). */
  dueAt: string;
  lastReviewedAt: string;
}

/** The state before the first review. */
export function newSm2(now: Date): Sm2State {
  const iso = now.toISOString();
  return { repetitions: 0, intervalDays: 0, easeFactor: INITIAL_EASE, dueAt: iso, lastReviewedAt: iso };
}

export function nextEase(ease: number, quality: Quality): number {
  const miss = 5 - quality;
  const next = ease + (0.1 - miss * (0.08 + miss * 0.02));
  // Rounded so that repeated reviews do not accumulate floating-point noise in stored progress.
  return Math.max(MIN_EASE, Math.round(next * 1000) / 1000);
}

/** The state after a review of the given quality at `now`. */
export function review(state: Sm2State | undefined, quality: Quality, now: Date): Sm2State {
  const prev = state ?? newSm2(now);
  let repetitions: number;
  let intervalDays: number;
  let easeFactor = prev.easeFactor;
  if (quality < 3) {
    repetitions = 0;
    intervalDays = 1;
  } else {
    repetitions = prev.repetitions + 1;
    intervalDays = repetitions === 1 ? 1 : repetitions === 2 ? 6 : Math.round(prev.intervalDays * prev.easeFactor);
    easeFactor = nextEase(prev.easeFactor, quality);
  }
  return {
    repetitions,
    intervalDays,
    easeFactor,
    dueAt: new Date(now.getTime() + intervalDays * DAY_MS).toISOString(),
    lastReviewedAt: now.toISOString(),
  };
}

export interface DueItem {
  caseId: string;
  dueAt: string;
  /** Due now or earlier. */
  due: boolean;
  /** Whole days past due (0 when due today or not yet due). */
  overdueDays: number;
}

/**
 * Cases that have a schedule, soonest due first (ties by case id, so the list is stable). Cases never reviewed
 * have no schedule and are not listed: the library shows them as new.
 */
export function dueList(records: Iterable<{ caseId: string; sm2?: Sm2State | undefined }>, now: Date): DueItem[] {
  const items: DueItem[] = [];
  for (const r of records) {
    if (!r.sm2) continue;
    const dueMs = Date.parse(r.sm2.dueAt);
    if (Number.isNaN(dueMs)) continue; // a schema-valid record always parses; this guards hand-made ones
    const late = now.getTime() - dueMs;
    items.push({ caseId: r.caseId, dueAt: r.sm2.dueAt, due: late >= 0, overdueDays: late > 0 ? Math.floor(late / DAY_MS) : 0 });
  }
  return items.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.caseId.localeCompare(b.caseId));
}
