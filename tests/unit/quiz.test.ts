import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/case/parse';
import { matchName } from '../../src/case/match';
import { quizKey, type QuizKey } from '../../src/case/quiz';
import { recallQuality, scoreDifferential } from '../../src/case/score';
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

const how = (learner: string, name: string): string | null => matchName(learner, name)?.how ?? null;

describe('matching one name', () => {
  it('ignores case, punctuation, spacing, plurals, stop words and British spelling', () => {
    expect(how('  MYELOID-sarcomas ', 'Myeloid sarcoma')).toBe('exact');
    expect(how('extra medullary hematopoiesis', 'Extramedullary hematopoiesis')).toBe('exact');
    expect(how('Leukemic infiltration and epidural extension', 'leukemic infiltration with epidural extension')).toBe('exact');
    expect(how('Leukaemic infiltration', 'Leukemic infiltration')).toBe('exact');
  });
  it('accepts a name inside the learner text, and most of a name', () => {
    expect(how('epidural lymphoma, diffuse', 'Lymphoma')).toBe('contains');
    expect(how('extramedullary hematopoiesis', 'thoracic extramedullary hematopoiesis')).toBe('partial');
  });
  it('refuses whole-word mismatches and a lone adjective', () => {
    expect(how('lymphoma', 'leukemia')).toBeNull();
    expect(how('leukemia', 'Lymphoma')).toBeNull();
    expect(how('sarcoma', 'osteosarcoma')).toBeNull();
    expect(how('myeloid', 'Myeloid sarcoma')).toBeNull();
    expect(how('', 'Lymphoma')).toBeNull();
  });
});

describe('the seed case as a key', () => {
  it('builds the key from the case: names from the vocabulary, final diagnosis by vocabularyId, gains', () => {
    const k = key();
    expect(k.entries.map((e) => e.vocabularyId)).toEqual(['leukemic-infiltration', 'lymphoma', 'extramedullary-hematopoiesis', 'plasmacytoma']);
    expect(k.finalIndex).toBe(0);
    expect(k.entries[0]?.names).toContain('Chloroma');
    // The final diagnosis weighs most, then by the case's likelihood; plasmacytoma is conditional: worth nothing.
    expect(k.entries.map((e) => e.gain)).toEqual([4, 2, 1, 0]);
    expect(k.entries[3]?.conditional).toBe('multiple myeloma');
    expect(k.acceptable.map((a) => a.diagnosis)).toEqual(['Epidural metastasis']);
  });
});

describe('scoring a differential', () => {
  it('counts synonyms and says how each entry counted; a wrong entry costs 10', () => {
    const r = scoreDifferential(['Chloroma', 'lymphomas', 'EMH', 'epidural abscess'], key());
    expect(r.matched.map((m) => [m.learnerText, m.diagnosis, m.via, m.how, m.points])).toEqual([
      ['Chloroma', 'Leukemic infiltration with extraosseous epidural extension', 'synonym', 'exact', 69],
      ['lymphomas', 'Lymphoma', 'name', 'exact', 22],
      ['EMH', 'Extramedullary hematopoiesis', 'synonym', 'exact', 9],
    ]);
    expect(r.missed).toEqual([]);
    expect(r.conditional).toEqual([{ caseRank: 3, diagnosis: 'Plasmacytoma', condition: 'multiple myeloma', named: null }]);
    expect(r.unmatched).toEqual([{ learnerRank: 3, learnerText: 'epidural abscess' }]);
    expect(r.finalRank).toBe(1);
    expect([r.earned, r.cost, r.score, r.maxScore]).toEqual([100, 10, 90, 100]);
  });

  it('reports the final diagnosis lower down for fewer points, and null when absent', () => {
    const lower = scoreDifferential(['Lymphoma', 'granulocytic sarcoma'], key());
    expect(lower.finalRank).toBe(2);
    // lymphoma first: 2/1 of 5.76; leukemia second: 4/log2(3) = 2.52 of 5.76
    expect(lower.matched.map((m) => m.points)).toEqual([35, 44]);
    expect(lower.score).toBe(79);
    const absent = scoreDifferential(['Lymphoma', 'metastases'], key());
    expect(absent.finalRank).toBeNull();
    expect(absent.score).toBe(35);
    expect(absent.acceptable.map((a) => [a.learnerText, a.diagnosis])).toEqual([['metastases', 'Epidural metastasis']]);
  });

  it('does not take "lymphoma" for leukemia; naming one diagnosis twice neither earns nor costs', () => {
    const r = scoreDifferential(['lymphoma'], key());
    expect(r.matched).toEqual([expect.objectContaining({ diagnosis: 'Lymphoma', caseRank: 1 })]);
    expect(r.finalRank).toBeNull();
    const twice = scoreDifferential(['chloroma', 'myeloid sarcoma'], key());
    expect(twice.matched).toHaveLength(1);
    expect(twice.repeats.map((u) => [u.learnerText, u.caseRank])).toEqual([['myeloid sarcoma', 0]]);
    expect(twice.unmatched).toEqual([]);
    expect(twice.cost).toBe(0);
  });

  it('works without a vocabulary, on the diagnosis texts alone', () => {
    const k: QuizKey = { entries: [{ diagnosis: 'Meningioma', names: ['Meningioma'], ownNames: 1, gain: 4 }], finalIndex: 0, acceptable: [] };
    expect(scoreDifferential(['meningiomas'], k).score).toBe(100);
    expect(scoreDifferential(['meningiomas'], k).matched[0]?.via).toBe('name');
  });
});

describe('recall grade and the recorded quiz', () => {
  it('grades recall as the share of the maximum score, 0-5', () => {
    expect(recallQuality({ score: 100, maxScore: 100 })).toBe(5);
    expect(recallQuality({ score: 60, maxScore: 100 })).toBe(3);
    expect(recallQuality({ score: 0, maxScore: 100 })).toBe(0);
    // Records made by the old scorer (score of 5) still grade the same.
    expect(recallQuality({ score: 2, maxScore: 3 })).toBe(3);
    expect(recallQuality({ score: 1, maxScore: 0 })).toBe(0);
  });
});
