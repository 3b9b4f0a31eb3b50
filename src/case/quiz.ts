/**
 * The case's answer key for the quiz: its ranked differential, each entry with every name that counts for it and
 * what naming it is worth; the reasonable alternatives that neither earn nor cost; and the words spelling is
 * corrected towards. Matching is `match.ts`, scoring `score.ts`, suggestions `suggest.ts`.
 */
import { dictionaryOf, matchName, matchWords, type MatchHow } from './match';
import type { DifferentialEntry, ParsedCase, VocabularyEntry } from './schema';
import type { Dictionary } from './spelling';
import { termKey } from './terms';
import { namesOf, tiedEntry } from './vocabulary';
import { SHARED_VOCABULARY } from './diagnoses/shared-vocabulary';

/** One diagnosis the learner may name, with every name that counts for it. */
export interface KeyEntry {
  diagnosis: string;
  vocabularyId?: string;
  /** The case's own wording first (`ownNames` of them), then synonyms (case vocabulary, shared vocabulary). */
  names: string[];
  ownNames: number;
  /** What naming it first is worth (see `score.ts`); 0 for a conditional entry. */
  gain: number;
  /** The history that would put it on the list ("multiple myeloma"): without it, naming it neither earns nor costs. */
  conditional?: string;
}

export interface QuizKey {
  entries: KeyEntry[];
  /** Index in `entries` of the final diagnosis. */
  finalIndex: number;
  /** Reasonable alternatives: named, they neither earn nor cost points. */
  acceptable: KeyEntry[];
  /** Words a misspelt word may be read as; without one, no spelling tolerance. */
  dictionary?: Dictionary;
}

/**
 * What naming an entry is worth before the learner's rank discounts it: the final diagnosis most, then by the
 * case's likelihood, or, without one, by the case's rank (first 3, second 2, then 1).
 */
export const GAIN = { final: 4, 'most-likely': 3, likely: 2, consider: 1, 'less-likely': 0.5 } as const;

function gainOf(e: Pick<DifferentialEntry, 'likelihood' | 'conditional'>, rank: number): number {
  if (e.conditional !== undefined) return 0;
  if (e.likelihood) return GAIN[e.likelihood];
  return rank === 0 ? GAIN['most-likely'] : rank === 1 ? GAIN.likely : GAIN.consider;
}

/** Names in order, each normalised form once. */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = termKey(n);
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const wordKey = (n: string): string => matchWords(n).join('');

/** The names plus those of every shared vocabulary entry that shares one of them ("Leukemia" brings "Leukaemia"). */
function withShared(names: readonly string[], shared: readonly VocabularyEntry[]): string[] {
  const keys = new Set(names.map(wordKey));
  const more = shared.filter((v) => namesOf(v).some((n) => keys.has(wordKey(n)))).flatMap(namesOf);
  return uniqueNames([...names, ...more]);
}

function keyEntry(
  c: ParsedCase,
  shared: readonly VocabularyEntry[],
  diagnosis: string,
  vocabularyId: string | undefined,
  own: readonly string[],
): Omit<KeyEntry, 'gain'> {
  const v = tiedEntry(c.vocabulary, diagnosis, vocabularyId);
  const ownNames = uniqueNames(own);
  const names = withShared(uniqueNames([...ownNames, ...(v ? namesOf(v) : [])]), shared);
  return { diagnosis, ...(v ? { vocabularyId: v.id } : {}), names, ownNames: ownNames.length };
}

const STRENGTH: Record<MatchHow, number> = { exact: 3, contains: 2, partial: 1 };

/**
 * Which differential entry the final diagnosis is: the one tied to the same vocabulary entry, else the one whose
 * names it matches best (an exact name before a name within it); -1 when none is.
 */
export function finalEntryIndex(entries: readonly KeyEntry[], diagnosis: string, vocabularyId: string | undefined): number {
  if (vocabularyId !== undefined) {
    const byId = entries.findIndex((e) => e.vocabularyId === vocabularyId);
    if (byId >= 0) return byId;
  }
  let best = -1;
  let strength = 0;
  entries.forEach((e, i) => {
    for (const n of e.names) {
      const m = matchName(diagnosis, n);
      if (m && STRENGTH[m.how] > strength) {
        best = i;
        strength = STRENGTH[m.how];
      }
    }
  });
  return best;
}

/**
 * The case's answer key: its first differential, each entry with its own text, its vocabulary entry's names (tied
 * by id, or automatically by name) and the shared vocabulary's names for the same diagnosis; which entry is the
 * final diagnosis (its own text counts as a name of that entry; a final diagnosis the differential does not hold
 * is scored as one more entry, so a learner who names it is never told it was missing); the acceptable
 * alternatives; and the dictionary for spelling: every word of the shared vocabulary and of the key.
 */
export function quizKey(c: ParsedCase, shared: readonly VocabularyEntry[] = SHARED_VOCABULARY): QuizKey | null {
  const ddx = c.reveal.find((r) => r.kind === 'differential');
  if (!ddx || ddx.kind !== 'differential') return null;
  const entries = ddx.entries.map((e, rank): KeyEntry => {
    const entry = keyEntry(c, shared, e.diagnosis, e.vocabularyId, [e.diagnosis]);
    return { ...entry, gain: gainOf(e, rank), ...(e.conditional !== undefined ? { conditional: e.conditional } : {}) };
  });
  const acceptable = (ddx.acceptable ?? []).map((a): KeyEntry => ({ ...keyEntry(c, shared, a, undefined, [a]), gain: 0 }));
  const finalIndex = withFinal(c, shared, entries);
  const dictionary = dictionaryOf([...shared.flatMap(namesOf), ...[...entries, ...acceptable].flatMap((e) => e.names)]);
  return { entries, finalIndex, acceptable, dictionary };
}

/** Ties the final diagnosis to its entry (or adds it as one more), gives that entry the final's gain; its index. */
function withFinal(c: ParsedCase, shared: readonly VocabularyEntry[], entries: KeyEntry[]): number {
  const dx = c.reveal.find((r) => r.kind === 'diagnosis');
  if (!dx || dx.kind !== 'diagnosis' || termKey(dx.diagnosis) === '') return 0;
  const v = tiedEntry(c.vocabulary, dx.diagnosis, dx.vocabularyId);
  const at = finalEntryIndex(entries, dx.diagnosis, v?.id);
  const tied = entries[at];
  if (tied) {
    const ownNames = uniqueNames([...tied.names.slice(0, tied.ownNames), dx.diagnosis]);
    const names = withShared(uniqueNames([...ownNames, ...tied.names, ...(v ? namesOf(v) : [])]), shared);
    // The final diagnosis is never conditional: the case says the patient has it.
    entries[at] = { diagnosis: tied.diagnosis, ...(tied.vocabularyId ? { vocabularyId: tied.vocabularyId } : {}), names, ownNames: ownNames.length, gain: GAIN.final };
    return at;
  }
  entries.push({ ...keyEntry(c, shared, dx.diagnosis, dx.vocabularyId, [dx.diagnosis]), gain: GAIN.final });
  return entries.length - 1;
}
