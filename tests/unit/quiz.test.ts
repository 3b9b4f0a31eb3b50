import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/case/parse';
import { matchKind, quizKey, recallQuality, scoreDifferential, suggest, type QuizKey } from '../../src/case/quiz';
import type { ParsedCase } from '../../src/case/schema';

function epidural(): ParsedCase {
  const r = parseCase(JSON.parse(readFileSync(join(import.meta.dirname, '../../cases/epidural-aml/case.json'), 'utf8')));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

function key(): QuizKey {
  const k = quizKey(epidural());
  if (!k) throw new Error('no differential');
  return k;
}

describe('matching one name', () => {
  it('ignores case, punctuation, spacing, plurals and stop words', () => {
    expect(matchKind('  MYELOID-sarcomas ', 'Myeloid sarcoma')).toBe('exact');
    expect(matchKind('extra medullary hematopoiesis', 'Extramedullary hematopoiesis')).toBe('exact');
    expect(matchKind('Leukemic infiltration and epidural extension', 'leukemic infiltration with epidural extension')).toBe('exact');
  });
  it('accepts a name inside the learner text, and most of a name', () => {
    expect(matchKind('epidural lymphoma, diffuse', 'Lymphoma')).toBe('contains');
    expect(matchKind('extramedullary hematopoiesis', 'thoracic extramedullary hematopoiesis')).toBe('partial');
  });
  it('refuses whole-word mismatches and a lone adjective', () => {
    expect(matchKind('lymphoma', 'leukemia')).toBeNull();
    expect(matchKind('leukemia', 'Lymphoma')).toBeNull();
    expect(matchKind('sarcoma', 'osteosarcoma')).toBeNull();
    expect(matchKind('myeloid', 'Myeloid sarcoma')).toBeNull();
    expect(matchKind('', 'Lymphoma')).toBeNull();
  });
});

describe('scoring a differential', () => {
  it('builds the key from the case: names from the vocabulary, final diagnosis by vocabularyId', () => {
    const k = key();
    expect(k.entries.map((e) => e.vocabularyId)).toEqual(['leukemic-infiltration', 'lymphoma', 'extramedullary-hematopoiesis', 'plasmacytoma']);
    expect(k.finalIndex).toBe(0);
    expect(k.entries[0]?.names).toContain('Chloroma');
  });

  it('counts synonyms and gives the bonus for the final diagnosis ranked first', () => {
    const r = scoreDifferential(['Chloroma', 'lymphomas', 'EMH', 'epidural abscess'], key());
    expect(r.matched.map((m) => [m.learnerText, m.diagnosis])).toEqual([
      ['Chloroma', 'Leukemic infiltration with extraosseous epidural extension'],
      ['lymphomas', 'Lymphoma'],
      ['EMH', 'Extramedullary hematopoiesis'],
    ]);
    expect(r.missed).toEqual([{ caseRank: 3, diagnosis: 'Plasmacytoma' }]);
    expect(r.unmatched).toEqual([{ learnerRank: 3, learnerText: 'epidural abscess' }]);
    expect(r.finalRank).toBe(1);
    expect(r.score).toBe(4);
    expect(r.maxScore).toBe(5);
    expect(r.rule).toMatch(/1 point for each .* \+1 bonus/);
  });

  it('reports the final diagnosis lower down without the bonus, and null when absent', () => {
    const lower = scoreDifferential(['Lymphoma', 'granulocytic sarcoma'], key());
    expect(lower.finalRank).toBe(2);
    expect(lower.score).toBe(2);
    const absent = scoreDifferential(['Lymphoma', 'metastases'], key());
    expect(absent.finalRank).toBeNull();
    expect(absent.score).toBe(1);
  });

  it('does not take "lymphoma" for leukemia, nor count one diagnosis twice', () => {
    const r = scoreDifferential(['lymphoma'], key());
    expect(r.matched).toEqual([expect.objectContaining({ diagnosis: 'Lymphoma', caseRank: 1 })]);
    expect(r.finalRank).toBeNull();
    const twice = scoreDifferential(['chloroma', 'myeloid sarcoma'], key());
    expect(twice.matched).toHaveLength(1);
    expect(twice.unmatched.map((u) => u.learnerText)).toEqual(['myeloid sarcoma']);
  });

  it('works without a vocabulary, on the diagnosis texts alone', () => {
    const k: QuizKey = { entries: [{ diagnosis: 'Meningioma', names: ['Meningioma'] }], finalIndex: 0 };
    expect(scoreDifferential(['meningiomas'], k).score).toBe(2);
  });
});

describe('suggestions', () => {
  const vocabulary = epidural().vocabulary;
  it('offers names whose words start with the prefix, starts first', () => {
    const s = suggest('sarc', vocabulary);
    expect(s.map((x) => x.text)).toEqual(['Granulocytic sarcoma', 'Myeloid sarcoma']);
    expect(s[0]?.name).toBe('Leukemic infiltration');
    expect(suggest('Lymph', vocabulary).map((x) => x.text)).toEqual(['Lymphoma', 'Epidural lymphoma', 'Non-Hodgkin lymphoma']);
  });
  it('suggests nothing for an empty prefix and respects the limit', () => {
    expect(suggest('  ', vocabulary)).toEqual([]);
    expect(suggest('e', vocabulary, 3)).toHaveLength(3);
  });
});

describe('recall grade and the recorded quiz', () => {
  it('grades recall as the share of the maximum score, 0-5', () => {
    expect(recallQuality({ score: 5, maxScore: 5 })).toBe(5);
    expect(recallQuality({ score: 3, maxScore: 5 })).toBe(3);
    expect(recallQuality({ score: 0, maxScore: 5 })).toBe(0);
    expect(recallQuality({ score: 2, maxScore: 3 })).toBe(3);
    expect(recallQuality({ score: 1, maxScore: 0 })).toBe(0);
  });
});
