/**
 * Scoring a learner's ranked differential (free text) against the case's, and suggesting names as they type.
 *
 * Matching rule (shown to authors in docs/case-format.md): both texts are reduced to words (lower case, no
 * accents or punctuation, plurals folded, stop words such as "with" dropped; see `terms.ts`). A learner entry
 * names a case diagnosis when, for one of its names (its own text, the final diagnosis' text for that entry, or
 * a name of its vocabulary entry, tied by id or by name: `vocabulary.ts`):
 *   1. the two are equal; or
 *   2. the learner's words contain the name as a run of whole words ("epidural lymphoma" names "lymphoma"); or
 *   3. the name contains the learner's words as a run of whole words that is more than half of the name's words
 *      ("extramedullary hematopoiesis" names "thoracic extramedullary hematopoiesis"; "myeloid" does not name
 *      "myeloid sarcoma", 1 of 2 words: a lone adjective is too vague to count).
 * Runs are compared with the spaces taken out, so "extra-medullary" and "extramedullary" are the same word run.
 * Whole words only: "lymphoma" never names "leukemia", nor "sarcoma" "osteosarcoma".
 */
import type { ParsedCase, VocabularyEntry } from './schema';
import type { Quality } from './spaced-repetition';
import { simplify, termKey, termWords } from './terms';
import { namesOf, tiedEntry } from './vocabulary';

/** One diagnosis of the case's ranked differential, with every name that counts for it. */
export interface KeyEntry {
  diagnosis: string;
  vocabularyId?: string;
  names: string[];
}

export interface QuizKey {
  entries: KeyEntry[];
  /** Index in `entries` of the final diagnosis. */
  finalIndex: number;
}

export interface QuizMatch {
  /** 0-based rank in the learner's list, and what they wrote. */
  learnerRank: number;
  learnerText: string;
  /** 0-based rank in the case's differential, and its diagnosis. */
  caseRank: number;
  diagnosis: string;
  how: 'exact' | 'contains' | 'partial';
}

export interface QuizResult {
  matched: QuizMatch[];
  /** Case diagnoses the learner did not name, in the case's order. */
  missed: Array<{ caseRank: number; diagnosis: string }>;
  /** Learner entries that named nothing in the case's differential. */
  unmatched: Array<{ learnerRank: number; learnerText: string }>;
  /** 1-based rank of the final diagnosis in the learner's list, or null when they did not name it. */
  finalRank: number | null;
  score: number;
  maxScore: number;
  /** The scoring rule in words, for the UI to show beside the score. */
  rule: string;
}

export const SCORING_RULE =
  '1 point for each diagnosis of the case\'s differential you named (synonyms count), ' +
  '+1 bonus when your first choice is the final diagnosis.';

/**
 * The SM-2 recall grade (0-5) of a quiz: the share of the maximum score, scaled to 5 and rounded. With the usual
 * four-entry differential (4 points + 1 bonus) the grade is the score itself; below 3 the case counts as a lapse
 * and comes back the next day.
 */
export function recallQuality(result: Pick<QuizResult, 'score' | 'maxScore'>): Quality {
  if (result.maxScore <= 0) return 0;
  const q = Math.round((5 * Math.min(result.score, result.maxScore)) / result.maxScore);
  return Math.max(0, Math.min(5, q)) as Quality;
}

/** Names in order, each normalised form once: the diagnosis' own words first. */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = termKey(n);
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

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
      const how = matchKind(diagnosis, n);
      if (how && STRENGTH[how] > strength) {
        best = i;
        strength = STRENGTH[how];
      }
    }
  });
  return best;
}

/**
 * The case's answer key: its first differential, each entry with its own text and its vocabulary entry's names
 * (tied by id, or automatically by name), and which entry is the final diagnosis. The final diagnosis' own text
 * counts as a name of that entry; a final diagnosis the differential does not hold is scored as one more entry,
 * so a learner who names it is never told it was missing.
 */
export function quizKey(c: ParsedCase): QuizKey | null {
  const ddx = c.reveal.find((r) => r.kind === 'differential');
  if (!ddx || ddx.kind !== 'differential') return null;
  const entries = ddx.entries.map((e): KeyEntry => {
    const v = tiedEntry(c.vocabulary, e.diagnosis, e.vocabularyId);
    const names = uniqueNames([e.diagnosis, ...(v ? namesOf(v) : [])]);
    return v ? { diagnosis: e.diagnosis, vocabularyId: v.id, names } : { diagnosis: e.diagnosis, names };
  });
  const dx = c.reveal.find((r) => r.kind === 'diagnosis');
  if (!dx || dx.kind !== 'diagnosis' || termKey(dx.diagnosis) === '') return { entries, finalIndex: 0 };
  const v = tiedEntry(c.vocabulary, dx.diagnosis, dx.vocabularyId);
  const at = finalEntryIndex(entries, dx.diagnosis, v?.id);
  const own = [dx.diagnosis, ...(v ? namesOf(v) : [])];
  const tied = entries[at];
  if (tied) {
    entries[at] = { ...tied, names: uniqueNames([...tied.names, ...own]) };
    return { entries, finalIndex: at };
  }
  const extra: KeyEntry = v ? { diagnosis: dx.diagnosis, vocabularyId: v.id, names: uniqueNames(own) } : { diagnosis: dx.diagnosis, names: uniqueNames(own) };
  return { entries: [...entries, extra], finalIndex: entries.length };
}

/** Whether `inner`'s words stand as a whole-word run inside `outer`'s (compared without spaces). */
function containsRun(outer: string[], inner: string[]): boolean {
  const target = inner.join('');
  if (target === '') return false;
  for (let start = 0; start < outer.length; start++) {
    let joined = '';
    for (let end = start; end < outer.length; end++) {
      joined += outer[end];
      if (joined === target) return true;
      if (joined.length >= target.length) break;
    }
  }
  return false;
}

/** How a learner's text names one case name, or null (the rule in the file comment). */
export function matchKind(learner: string, name: string): QuizMatch['how'] | null {
  const l = termWords(learner);
  const n = termWords(name);
  if (l.length === 0 || n.length === 0) return null;
  if (l.join('') === n.join('')) return 'exact';
  if (containsRun(l, n)) return 'contains';
  if (containsRun(n, l) && l.length * 2 > n.length) return 'partial';
  return null;
}

const STRENGTH: Record<QuizMatch['how'], number> = { exact: 3, contains: 2, partial: 1 };

export function scoreDifferential(learner: readonly string[], key: QuizKey): QuizResult {
  // Every (learner, case) pair that matches, strongest first; then each side is used at most once. Strength
  // before rank, so a text goes to the entry it names exactly, not to one it merely overlaps; among equals the
  // learner's higher-ranked entry wins (it decides the final diagnosis' rank), then the longer name.
  const pairs: Array<{ li: number; ci: number; how: QuizMatch['how']; len: number }> = [];
  learner.forEach((text, li) => {
    key.entries.forEach((entry, ci) => {
      let best: { how: QuizMatch['how']; len: number } | null = null;
      for (const name of entry.names) {
        const how = matchKind(text, name);
        const len = termKey(name).length;
        if (how && (!best || STRENGTH[how] > STRENGTH[best.how] || (how === best.how && len > best.len))) best = { how, len };
      }
      if (best) pairs.push({ li, ci, ...best });
    });
  });
  pairs.sort((a, b) => STRENGTH[b.how] - STRENGTH[a.how] || a.li - b.li || b.len - a.len || a.ci - b.ci);
  const usedL = new Set<number>();
  const usedC = new Set<number>();
  const matched: QuizMatch[] = [];
  for (const p of pairs) {
    if (usedL.has(p.li) || usedC.has(p.ci)) continue;
    usedL.add(p.li);
    usedC.add(p.ci);
    const entry = key.entries[p.ci];
    matched.push({ learnerRank: p.li, learnerText: learner[p.li] ?? '', caseRank: p.ci, diagnosis: entry?.diagnosis ?? '', how: p.how });
  }
  matched.sort((a, b) => a.learnerRank - b.learnerRank);
  const missed = key.entries.flatMap((e, ci) => (usedC.has(ci) ? [] : [{ caseRank: ci, diagnosis: e.diagnosis }]));
  const unmatched = learner.flatMap((t, li) => (usedL.has(li) ? [] : [{ learnerRank: li, learnerText: t }]));
  const final = matched.find((m) => m.caseRank === key.finalIndex);
  const finalRank = final ? final.learnerRank + 1 : null;
  const score = matched.length + (finalRank === 1 ? 1 : 0);
  return { matched, missed, unmatched, finalRank, score, maxScore: key.entries.length + 1, rule: SCORING_RULE };
}

export interface Suggestion {
  /** The name as the vocabulary writes it (the entry's name or one of its synonyms). */
  text: string;
  id: string;
  /** The entry's main name, for "chloroma → Leukemic infiltration". */
  name: string;
}

/**
 * Names whose words start with what the learner typed: "sarc" suggests "Myeloid sarcoma". Names that start with
 * the prefix come first, then alphabetical. An empty prefix suggests nothing.
 */
export function suggest(prefix: string, vocabulary: readonly VocabularyEntry[], limit = 8): Suggestion[] {
  const p = simplify(prefix);
  if (p === '') return [];
  const found: Array<Suggestion & { starts: boolean }> = [];
  for (const v of vocabulary) {
    for (const text of [v.name, ...v.synonyms]) {
      const s = simplify(text);
      const starts = s.startsWith(p);
      if (starts || s.includes(` ${p}`)) found.push({ text, id: v.id, name: v.name, starts });
    }
  }
  found.sort((a, b) => Number(b.starts) - Number(a.starts) || a.text.localeCompare(b.text));
  return found.slice(0, limit).map(({ text, id, name }) => ({ text, id, name }));
}
