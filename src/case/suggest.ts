/**
 * What the quiz's diagnosis fields offer and say while the learner types, from the shared vocabulary only
 * (`diagnoses/`): never from the open case, whose own names would give its answer set away. The case's terms are
 * matched only at scoring time (`quiz.ts`).
 */
import { SHARED_VOCABULARY } from './diagnoses/shared-vocabulary';
import { dictionaryOf, learnerText, matchLearner, type MatchHow } from './match';
import type { VocabularyEntry } from './schema';
import { foldSpelling } from './spelling';
import { simplify } from './terms';
import { namesOf } from './vocabulary';

/** The same on both sides: simplified, British spellings read as American. */
const prefixForm = (text: string): string => foldSpelling(simplify(text));

/**
 * Names whose words start with what the learner typed ("sarc" suggests "Myeloid sarcoma", "haem" "Hematoma"):
 * names that start with it first, then alphabetical; each entry once, by its best-placed name. An empty prefix
 * suggests nothing.
 */
export function suggest(prefix: string, limit = 8, vocabulary: readonly VocabularyEntry[] = SHARED_VOCABULARY): string[] {
  const p = prefixForm(prefix);
  if (p === '') return [];
  const found: Array<{ text: string; starts: boolean }> = [];
  for (const v of vocabulary) {
    let best: { text: string; starts: boolean } | null = null;
    for (const text of namesOf(v)) {
      const s = prefixForm(text);
      const starts = s.startsWith(p);
      if ((starts || s.includes(` ${p}`)) && (!best || (starts && !best.starts))) best = { text, starts };
    }
    if (best) found.push(best);
  }
  found.sort((a, b) => Number(b.starts) - Number(a.starts) || a.text.localeCompare(b.text));
  return found.slice(0, limit).map((f) => f.text);
}

export interface Recognised {
  /** The shared vocabulary's main name for what the text names. */
  name: string;
  /** Only after reading a misspelt word as the word it resembles. */
  spelling: boolean;
}

const STRENGTH: Record<MatchHow, number> = { exact: 3, contains: 2, partial: 1 };

let sharedDictionary: Set<string> | null = null;

/**
 * What a line will be recognised as in the shared vocabulary (the rule of `match.ts`, spelling tolerated), or
 * null: "extramedullary hematopoesis" → Extramedullary hematopoiesis (spelling).
 */
export function recognise(text: string): Recognised | null {
  if (simplify(text) === '') return null;
  sharedDictionary ??= dictionaryOf(SHARED_VOCABULARY.flatMap(namesOf));
  const prepared = learnerText(text, sharedDictionary);
  let best: (Recognised & { strength: number; len: number }) | null = null;
  for (const v of SHARED_VOCABULARY) {
    for (const n of namesOf(v)) {
      const m = matchLearner(prepared, n);
      if (!m) continue;
      const strength = STRENGTH[m.how] * 2 - (m.spelling ? 1 : 0);
      if (!best || strength > best.strength || (strength === best.strength && n.length > best.len)) {
        best = { name: v.name, spelling: m.spelling, strength, len: n.length };
      }
    }
  }
  return best && { name: best.name, spelling: best.spelling };
}
