/**
 * Spelling tolerance (src/case/spelling.ts, match.ts): what a resident writes counts, and no diagnosis is ever
 * read as its look-alike. The misspellings are real ones from the issue and common ones; the near misses are
 * pairs of distinct diagnoses a few letters apart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_VOCABULARY } from '../../src/case/diagnoses/shared-vocabulary';
import { dictionaryOf, matchName } from '../../src/case/match';
import { parseCase } from '../../src/case/parse';
import { quizKey } from '../../src/case/quiz';
import { scoreDifferential } from '../../src/case/score';
import { editDistance, maxEdits } from '../../src/case/spelling';
import { namesOf } from '../../src/case/vocabulary';

const dictionary = dictionaryOf(SHARED_VOCABULARY.flatMap(namesOf));

function seedKey() {
  const r = parseCase(JSON.parse(readFileSync(join(import.meta.dirname, '../../cases/epidural-aml/case.json'), 'utf8')));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return quizKey(r.value)!;
}

describe('edit distance', () => {
  it('counts inserts, deletes, substitutions and a swap of neighbours as one edit each', () => {
    expect(editDistance('hematopoesis', 'hematopoiesis')).toBe(1);
    expect(editDistance('hematopoeisis', 'hematopoiesis')).toBe(1); // "ei" for "ie"
    expect(editDistance('lymphona', 'lymphoma')).toBe(1);
    expect(editDistance('hematoma', 'hamartoma')).toBe(2);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2); // gave up past the limit
  });
  it('allows none up to 4 letters, one up to 9, two from 10', () => {
    expect([4, 5, 9, 10, 14].map(maxEdits)).toEqual([0, 1, 1, 2, 2]);
  });
});

describe('real misspellings count, marked as spelling', () => {
  const table: Array<[string, string]> = [
    ['extramedullary hematopoesis', 'Extramedullary hematopoiesis'],
    ['extramedulary hematopoiesis', 'Extramedullary hematopoiesis'],
    ['extramedullary hematopoeisis', 'Extramedullary hematopoiesis'],
    ['extramedulary haematopoesis', 'Extramedullary hematopoiesis'],
    ['lymphona', 'Lymphoma'],
    ['plasmocytoma', 'Plasmacytoma'],
    ['myelomma', 'Myeloma'],
    ['leukemic infiltation', 'Leukemic infiltration'],
    ['menigioma', 'Meningioma'],
    ['glioblastome', 'Glioblastoma'],
    ['ependymona', 'Ependymoma'],
    ['osteomyelitus', 'Osteomyelitis'],
    ['spondylodiskitis', 'Spondylodiscitis'],
  ];
  it.each(table)('"%s" names "%s"', (learner, name) => {
    expect(matchName(learner, name, dictionaryOf([...dictionary, name]))).toEqual({ how: 'exact', spelling: true });
  });
  it('British spellings are no misspellings', () => {
    expect(matchName('leukaemia', 'Leukemia', dictionary)).toEqual({ how: 'exact', spelling: false });
    expect(matchName('haematoma', 'Hematoma', dictionary)).toEqual({ how: 'exact', spelling: false });
  });
});

describe('near misses never count', () => {
  // Each pair: two distinct diagnoses. Both are dictionary words, so neither is "corrected" into the other, even
  // where the distance alone would allow it (neuroblastoma/nephroblastoma 2 edits at 13 letters, osteoblastoma/
  // osteoclastoma 1, hypoplasia/hyperplasia 2). myeloma/melanoma: different tumours (plasma cells, melanocytes),
  // 3 edits apart and both known: never the same.
  const table: Array<[string, string]> = [
    ['lymphoma', 'lipoma'],
    ['myeloma', 'melanoma'],
    ['hematoma', 'hamartoma'],
    ['meningioma', 'meningitis'],
    ['leukemia', 'lymphoma'],
    ['sarcoma', 'osteosarcoma'],
    ['neuroblastoma', 'nephroblastoma'],
    ['osteoblastoma', 'osteoclastoma'],
    ['chondroma', 'chordoma'],
    ['carcinoma', 'carcinoid'],
    ['hypoplasia', 'hyperplasia'],
    ['pneumonia', 'pneumonitis'],
    ['astrocytoma', 'astrocytosis'],
  ];
  it.each(table)('"%s" never names "%s", nor the other way round', (a, b) => {
    const both = dictionaryOf([...dictionary, a, b]);
    expect(matchName(a, b, both)).toBeNull();
    expect(matchName(b, a, both)).toBeNull();
  });
  it('a misspelling goes to the nearest word, not to a look-alike further away', () => {
    // "osteoclastma" is 1 edit from osteoclastoma and 2 from osteoblastoma.
    expect(matchName('osteoclastma', 'Osteoblastoma', dictionary)).toBeNull();
    expect(matchName('osteoclastma', 'Osteoclastoma', dictionary)).toEqual({ how: 'exact', spelling: true });
  });
});

describe('the resident\'s answers on the seed case', () => {
  it('counts each of their spellings, and "leukaemic deposits" as leukemic infiltration', () => {
    const r = scoreDifferential(['leukaemic deposits', 'lymphona', 'extramedullary hematopoesis', 'plasmocytoma'], seedKey());
    expect(r.matched.map((m) => [m.learnerText, m.caseRank, m.spelling])).toEqual([
      ['leukaemic deposits', 0, false],
      ['lymphona', 1, true],
      ['extramedullary hematopoesis', 2, true],
    ]);
    expect(r.conditional[0]?.named?.learnerText).toBe('plasmocytoma');
    expect(r.unmatched).toEqual([]);
    expect(r.score).toBe(100); // everything named, in the case's order
    expect(r.finalRank).toBe(1);
  });
});
