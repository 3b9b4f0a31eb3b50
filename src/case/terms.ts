/**
 * Normalised diagnosis names, shared by the quiz (matching a learner's words) and the cross-checks (a synonym
 * must not belong to two vocabulary entries, or a learner's answer would be ambiguous).
 */

/** Words that carry no diagnosis: "leukemic infiltration with epidural extension" ~ "... and epidural ...". */
const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'with', 'and', 'or', 'in', 'to', 'from', 'for', 'by']);

/** Lower case, no accents, punctuation as spaces: the form a prefix is compared in (no plural folding). */
export function simplify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A plural's singular, by three rules only: "-ies" → "-y", "-sses" → "-ss", else a final "s" goes unless the
 * word ends in "ss", "us" or "is" or is short. Irregular plurals ("metastases") belong in the vocabulary.
 */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The words a name is compared by: simplified, singular, without stop words. */
export function termWords(text: string): string[] {
  return simplify(text)
    .split(' ')
    .filter((w) => w !== '' && !STOP_WORDS.has(w))
    .map(singular);
}

/** One key per name: equal keys mean the same name written differently ("Myeloid-sarcomas" = "myeloid sarcoma"). */
export function termKey(text: string): string {
  return termWords(text).join('');
}
