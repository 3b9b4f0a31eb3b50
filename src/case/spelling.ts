/**
 * Spelling tolerance for diagnosis words, as a spell checker works: a word the dictionary knows is never
 * "corrected" (so "lipoma" stays lipoma and never counts as "lymphoma", "neuroblastoma" never as
 * "nephroblastoma"); an unknown word is read as its nearest dictionary word(s), within a few edits that grow with
 * the word's length ("hematopoesis" → "hematopoiesis", "lymphona" → "lymphoma").
 */

/** British spellings read as American ones: "leukaemia" = "leukemia", "oedema" = "edema", "haematoma" = "hematoma". */
export function foldSpelling(word: string): string {
  return word.replace(/ae/g, 'e').replace(/oe/g, 'e');
}

/**
 * Edits allowed for a word of this length (the shorter of the two compared): none up to 4 letters ("cyst"),
 * one up to 9 ("myelomma"), two from 10 ("haematopoesis"). Measured on the near-miss table of
 * tests/unit/quiz-spelling.test.ts: with two edits at 8-9 letters, "hematoma" would read as "hamartoma" and
 * "carcinoma" as "carcinoid".
 */
export function maxEdits(length: number): number {
  if (length <= 4) return 0;
  return length <= 9 ? 1 : 2;
}

/**
 * Optimal string alignment distance (Damerau-Levenshtein restricted: insert, delete, substitute, swap two
 * neighbours), giving up early once it passes `limit` (returns limit + 1 then).
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  // Three rows, reused: this runs for every dictionary word at every keystroke's unknown word.
  let prev2 = new Int32Array(width);
  let prev = new Int32Array(width);
  let row = new Int32Array(width);
  for (let j = 0; j < width; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j < width; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      }
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    [prev2, prev, row] = [prev, row, prev2];
  }
  return prev[b.length] ?? 0;
}

/** The words a spelling is corrected towards: every word of every known diagnosis name (folded). */
export type Dictionary = ReadonlySet<string>;

/**
 * What an unknown `word` may stand for: the dictionary words at the smallest distance within `maxEdits`; the
 * word itself when the dictionary knows it, and nothing when no word is near enough.
 */
export function corrections(word: string, dictionary: Dictionary): string[] {
  if (dictionary.has(word)) return [word];
  const limit = maxEdits(word.length);
  if (limit === 0) return [];
  let best = limit + 1;
  let found: string[] = [];
  for (const known of dictionary) {
    const d = editDistance(word, known, Math.min(best, maxEdits(Math.min(word.length, known.length))));
    if (d > maxEdits(Math.min(word.length, known.length))) continue;
    if (d < best) {
      best = d;
      found = [known];
    } else if (d === best) found.push(known);
  }
  return found;
}
