/**
 * Whether a learner's text names one diagnosis name (rule shown to authors in docs/case-format.md). Both texts
 * are reduced to words (`terms.ts`: lower case, no accents or punctuation, plurals folded, stop words dropped;
 * British spellings read as American, `spelling.ts`). The learner's text names the name when:
 *   1. the two are equal ("exact"); or
 *   2. the learner's words contain the name as a run of whole words ("epidural lymphoma" names "lymphoma"); or
 *   3. the name contains the learner's words as a run of whole words that is more than half of the name's words
 *      ("extramedullary hematopoiesis" names "thoracic extramedullary hematopoiesis"; "myeloid" does not name
 *      "myeloid sarcoma", 1 of 2 words: a lone adjective is too vague to count).
 * Runs are compared with the spaces taken out, so "extra-medullary" and "extramedullary" are the same word run.
 * Failing that, a learner's word the dictionary does not know is read as its nearest dictionary word (preferring
 * the name's own word on a tie) and the three rules are tried again: a match "by spelling".
 * Whole words only: "lymphoma" never names "leukemia", nor "sarcoma" "osteosarcoma".
 */
import { corrections, foldSpelling, type Dictionary } from './spelling';
import { termWords } from './terms';

export type MatchHow = 'exact' | 'contains' | 'partial';

export interface NameMatch {
  how: MatchHow;
  /** Only after reading a misspelt word as a dictionary word. */
  spelling: boolean;
}

/** The words a name is compared by: `termWords`, British spellings folded. */
export const matchWords = (text: string): string[] => termWords(text).map(foldSpelling);

/** Every word of these names, as the matcher compares them: the dictionary spelling is corrected towards. */
export function dictionaryOf(names: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const n of names) for (const w of matchWords(n)) words.add(w);
  return words;
}

/** Whether `inner`'s words stand as a whole-word run inside `outer`'s (compared without spaces). */
function containsRun(outer: readonly string[], inner: readonly string[]): boolean {
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

function kindOf(l: readonly string[], n: readonly string[]): MatchHow | null {
  if (l.length === 0 || n.length === 0) return null;
  if (l.join('') === n.join('')) return 'exact';
  if (containsRun(l, n)) return 'contains';
  if (containsRun(n, l) && l.length * 2 > n.length) return 'partial';
  return null;
}

/** A name's words, remembered: a text is compared with every name of the shared vocabulary at each keystroke. */
const nameWords = new Map<string, string[]>();

function wordsOfName(name: string): string[] {
  let w = nameWords.get(name);
  if (!w) {
    w = matchWords(name);
    nameWords.set(name, w);
  }
  return w;
}

/** A learner's text made ready to compare with many names: its words, and what each unknown word may be. */
export interface LearnerText {
  words: string[];
  /** Per word: itself when known (or nothing is near), else its nearest dictionary words. */
  readings: string[][];
  dictionary?: Dictionary;
}

export function learnerText(text: string, dictionary?: Dictionary): LearnerText {
  const words = matchWords(text);
  const readings = words.map((w) => {
    if (!dictionary || dictionary.has(w)) return [w];
    const near = corrections(w, dictionary);
    return near.length > 0 ? near : [w];
  });
  return dictionary ? { words, readings, dictionary } : { words, readings };
}

/** How a prepared learner text names one name, or null (the rule in the file comment). */
export function matchLearner(l: LearnerText, name: string): NameMatch | null {
  const n = wordsOfName(name);
  const how = kindOf(l.words, n);
  if (how) return { how, spelling: false };
  let changed = false;
  const read = l.words.map((w, i) => {
    const options = l.readings[i] ?? [w];
    if (options[0] === w) return w;
    changed = true;
    return options.find((c) => n.includes(c)) ?? options[0] ?? w;
  });
  if (!changed) return null;
  const spelt = kindOf(read, n);
  return spelt ? { how: spelt, spelling: true } : null;
}

/** How a learner's text names one name, or null; without a dictionary, no spelling tolerance. */
export function matchName(learner: string, name: string, dictionary?: Dictionary): NameMatch | null {
  return matchLearner(learnerText(learner, dictionary), name);
}
