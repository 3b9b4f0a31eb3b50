/**
 * Scoring a learner's ranked differential against the case's key (`quiz.ts`), the way radiologists are judged:
 * the right diagnoses near the top of a short list.
 *
 * Out of 100: a normalised discounted gain. Each differential entry the learner named earns its gain (the final
 * diagnosis 4, then by likelihood: `GAIN`) divided by log2(1 + the learner's rank), so first place counts in full,
 * second 63 %, third 50 %, fifth 39 %; the sum is divided by the best possible sum (the case's entries named in
 * order of gain). Each entry that names nothing of the differential nor of its acceptable alternatives then costs
 * `WRONG_ENTRY_COST`. Entries that name a conditional diagnosis, an acceptable alternative, or a diagnosis
 * already named neither earn nor cost.
 */
import { learnerText, matchLearner, type LearnerText, type MatchHow } from './match';
import type { KeyEntry, QuizKey } from './quiz';
import type { Quality } from './spaced-repetition';

export const MAX_SCORE = 100;
export const WRONG_ENTRY_COST = 10;

/** One learner entry matched to one diagnosis of the key. */
export interface QuizMatch {
  /** 0-based rank in the learner's list, and what they wrote. */
  learnerRank: number;
  learnerText: string;
  /** 0-based rank in the case's differential (or in its acceptable list), and its diagnosis. */
  caseRank: number;
  diagnosis: string;
  how: MatchHow;
  /** Through the case's own wording, or another name for it (vocabulary, shared vocabulary). */
  via: 'name' | 'synonym';
  /** Only after reading a misspelt word as the word it resembles. */
  spelling: boolean;
}

export interface ScoredMatch extends QuizMatch {
  /** What this entry added to the score (rounded so that the lines add up to the score before costs). */
  points: number;
}

export interface ConditionalEntry {
  caseRank: number;
  diagnosis: string;
  condition: string;
  /** The learner's entry that named it, if any. */
  named: QuizMatch | null;
}

export interface QuizResult {
  /** Entries that earned points, in the learner's order. */
  matched: ScoredMatch[];
  /** The case's conditional entries, named or not: neither earn nor cost. */
  conditional: ConditionalEntry[];
  /** Learner entries that named an acceptable alternative: neither earn nor cost. */
  acceptable: QuizMatch[];
  /** Learner entries naming a diagnosis an earlier entry already named: neither earn nor cost. */
  repeats: QuizMatch[];
  /** Case diagnoses (not conditional) the learner did not name, in the case's order. */
  missed: Array<{ caseRank: number; diagnosis: string }>;
  /** Learner entries that named nothing of the key: each costs `WRONG_ENTRY_COST`. */
  unmatched: Array<{ learnerRank: number; learnerText: string }>;
  /** 1-based rank of the final diagnosis in the learner's list, or null when they did not name it. */
  finalRank: number | null;
  /** Points earned before costs, the costs, and the score: max(0, earned - cost). */
  earned: number;
  cost: number;
  score: number;
  maxScore: number;
}

/**
 * The SM-2 recall grade (0-5) of a quiz: the share of the maximum score, scaled to 5 and rounded. Below 3 (a
 * score under 50) the case counts as a lapse and comes back the next day: missing the final diagnosis, or burying
 * it under wrong entries, does that.
 */
export function recallQuality(result: Pick<QuizResult, 'score' | 'maxScore'>): Quality {
  if (result.maxScore <= 0) return 0;
  const q = Math.round((5 * Math.min(result.score, result.maxScore)) / result.maxScore);
  return Math.max(0, Math.min(5, q)) as Quality;
}

const discount = (learnerRank: number): number => 1 / Math.log2(learnerRank + 2);

/** Rounds each share so that they add up to their rounded sum (largest remainder first). */
function roundShares(raw: readonly number[]): number[] {
  const floors = raw.map(Math.floor);
  let left = Math.round(raw.reduce((a, b) => a + b, 0)) - floors.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, rest: r - Math.floor(r) })).sort((a, b) => b.rest - a.rest);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left--;
  }
  return floors;
}

const STRENGTH: Record<MatchHow, number> = { exact: 3, contains: 2, partial: 1 };

interface Pair {
  li: number;
  /** Index into the key's entries, then its acceptable list after them. */
  ti: number;
  how: MatchHow;
  via: QuizMatch['via'];
  spelling: boolean;
  strength: number;
  len: number;
}

/** The best way `text` names `entry`, or null. */
function bestName(text: LearnerText, entry: KeyEntry): Omit<Pair, 'li' | 'ti'> | null {
  let best: Omit<Pair, 'li' | 'ti'> | null = null;
  entry.names.forEach((name, k) => {
    const m = matchLearner(text, name);
    if (!m) return;
    // Spelling after the same kind of match written right; the case's own wording before a synonym.
    const strength = STRENGTH[m.how] * 4 - (m.spelling ? 2 : 0) - (k < entry.ownNames ? 0 : 1);
    const len = name.length;
    if (!best || strength > best.strength || (strength === best.strength && len > best.len)) {
      best = { how: m.how, via: k < entry.ownNames ? 'name' : 'synonym', spelling: m.spelling, strength, len };
    }
  });
  return best;
}

export function scoreDifferential(learner: readonly string[], key: QuizKey): QuizResult {
  const targets = [...key.entries, ...key.acceptable];
  // Every (learner, target) pair that matches, strongest first; then each side is used at most once. Strength
  // before rank, so a text goes to the entry it names exactly, not to one it merely overlaps; among equals the
  // learner's higher-ranked entry wins (it decides the final diagnosis' rank), then the longer name.
  const pairs: Pair[] = [];
  learner.forEach((text, li) => {
    const prepared = learnerText(text, key.dictionary);
    targets.forEach((entry, ti) => {
      const best = bestName(prepared, entry);
      if (best) pairs.push({ li, ti, ...best });
    });
  });
  pairs.sort((a, b) => b.strength - a.strength || a.li - b.li || b.len - a.len || a.ti - b.ti);
  const byLearner = new Map<number, Pair>();
  const usedT = new Set<number>();
  for (const p of pairs) {
    if (byLearner.has(p.li) || usedT.has(p.ti)) continue;
    byLearner.set(p.li, p);
    usedT.add(p.ti);
  }
  const n = key.entries.length;
  const asMatch = (p: Pair): QuizMatch => {
    const t = targets[p.ti];
    const caseRank = p.ti < n ? p.ti : p.ti - n;
    return { learnerRank: p.li, learnerText: learner[p.li] ?? '', caseRank, diagnosis: t?.diagnosis ?? '', how: p.how, via: p.via, spelling: p.spelling };
  };

  const scoring: QuizMatch[] = [];
  const acceptable: QuizMatch[] = [];
  const repeats: QuizMatch[] = [];
  const unmatched: QuizResult['unmatched'] = [];
  const namedConditional = new Map<number, QuizMatch>();
  learner.forEach((text, li) => {
    const p = byLearner.get(li);
    if (p) {
      const m = asMatch(p);
      if (p.ti >= n) acceptable.push(m);
      else if (key.entries[p.ti]?.conditional !== undefined) namedConditional.set(p.ti, m);
      else scoring.push(m);
      return;
    }
    const again = pairs.find((q) => q.li === li && usedT.has(q.ti));
    if (again) repeats.push(asMatch(again));
    else unmatched.push({ learnerRank: li, learnerText: text });
  });

  const ideal = key.entries
    .map((e) => e.gain)
    .filter((g) => g > 0)
    .sort((a, b) => b - a)
    .reduce((sum, g, i) => sum + g * discount(i), 0);
  const raw = scoring.map((m) => (ideal > 0 ? (MAX_SCORE * (key.entries[m.caseRank]?.gain ?? 0) * discount(m.learnerRank)) / ideal : 0));
  const points = roundShares(raw);
  const matched = scoring.map((m, i): ScoredMatch => ({ ...m, points: points[i] ?? 0 }));
  const earned = Math.min(MAX_SCORE, points.reduce((a, b) => a + b, 0));
  const cost = WRONG_ENTRY_COST * unmatched.length;
  const conditional = key.entries.flatMap((e, ci): ConditionalEntry[] =>
    e.conditional === undefined ? [] : [{ caseRank: ci, diagnosis: e.diagnosis, condition: e.conditional, named: namedConditional.get(ci) ?? null }],
  );
  const named = new Set(scoring.map((m) => m.caseRank));
  const missed = key.entries.flatMap((e, ci) => (named.has(ci) || e.conditional !== undefined ? [] : [{ caseRank: ci, diagnosis: e.diagnosis }]));
  const final = scoring.find((m) => m.caseRank === key.finalIndex);
  return {
    matched,
    conditional,
    acceptable,
    repeats,
    missed,
    unmatched,
    finalRank: final ? final.learnerRank + 1 : null,
    earned,
    cost,
    score: Math.max(0, earned - cost),
    maxScore: MAX_SCORE,
  };
}
