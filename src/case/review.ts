/**
 * Feedback after the reveal that goes beyond the score: which of the case's findings the learner's written
 * findings name (the checklist's pre-ticks), and which common wrong answers they named (the case's "why not").
 */
import type { ParsedCase, WhyNot } from './schema';
import { SHARED_VOCABULARY } from './diagnoses/shared-vocabulary';
import { dictionaryOf, matchName } from './match';
import type { Dictionary } from './spelling';
import { termWords } from './terms';
import { namesOf, tiedEntry } from './vocabulary';

/**
 * Whether `phrase` stands in `text` as a run of whole words, compared without spaces ("L5-S1" in "at L5/S1",
 * "50 HU" in "about 50HU"). Exact, not spelling-tolerant: "L2" must never tick "L3".
 */
export function hasPhrase(text: string, phrase: string): boolean {
  const words = termWords(text);
  const target = termWords(phrase).join('');
  if (target === '') return false;
  for (let start = 0; start < words.length; start++) {
    let joined = '';
    for (let end = start; end < words.length && joined.length < target.length; end++) {
      joined += words[end];
      if (joined === target) return true;
    }
  }
  return false;
}

/** For each checklist item of the case, whether the learner's written findings name it. */
export function findingsNamed(c: Pick<ParsedCase, 'findings'>, text: string): boolean[] {
  return c.findings.map((item) => item.match.some((phrase) => hasPhrase(text, phrase)));
}

export interface WhyNotHit {
  item: WhyNot;
  /** 1-based rank of the learner's entry that named it, and its text. */
  rank: number;
  learnerText: string;
}

/** The spelling dictionary of a case's why-not list, built once per list: the panel asks on every render. */
const dictionaries = new WeakMap<readonly WhyNot[], Dictionary>();
function whyNotDictionary(list: readonly WhyNot[], names: readonly string[][]): Dictionary {
  let d = dictionaries.get(list);
  if (!d) {
    d = dictionaryOf([...SHARED_VOCABULARY.flatMap(namesOf), ...names.flat()]);
    dictionaries.set(list, d);
  }
  return d;
}

/**
 * The case's wrong answers the learner named, in the case's order, each with the learner's first entry that
 * names it. A name counts as the quiz counts it (`matchName`, spelling-tolerant over the shared vocabulary's and
 * these names' words): the item's own text and its vocabulary entry's.
 */
export function whyNotNamed(c: Pick<ParsedCase, 'whyNot' | 'vocabulary'>, answers: readonly string[]): WhyNotHit[] {
  const namesByItem = c.whyNot.map((item) => {
    const entry = tiedEntry(c.vocabulary, item.diagnosis, item.vocabularyId);
    return [item.diagnosis, ...(entry ? namesOf(entry) : [])];
  });
  const dictionary = whyNotDictionary(c.whyNot, namesByItem);
  return c.whyNot.flatMap((item, i) => {
    const names = namesByItem[i] ?? [];
    const rank = answers.findIndex((a) => names.some((n) => matchName(a, n, dictionary) !== null));
    const learnerText = answers[rank];
    return rank >= 0 && learnerText !== undefined ? [{ item, rank: rank + 1, learnerText }] : [];
  });
}
