/**
 * The rank-weighted score (src/case/score.ts) with worked examples: the seed case's key is leukemic infiltration
 * (final diagnosis, gain 4), lymphoma (likely, 2), extramedullary hematopoiesis (consider, 1), plasmacytoma
 * (conditional: only with multiple myeloma, 0); epidural metastasis is an acceptable alternative. The best
 * possible sum is 4/log2(2) + 2/log2(3) + 1/log2(4) = 4 + 1.262 + 0.5 = 5.762.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/case/parse';
import { quizKey, type QuizKey } from '../../src/case/quiz';
import { recallQuality, scoreDifferential } from '../../src/case/score';

function key(): QuizKey {
  const r = parseCase(JSON.parse(readFileSync(join(import.meta.dirname, '../../cases/epidural-aml/case.json'), 'utf8')));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const k = quizKey(r.value);
  if (!k) throw new Error('no differential');
  return k;
}

/** The resident's two lists (issue 19): the old scorer gave both 4 of 5. */
const scattershot = ['abscess', 'hematoma', 'disc', 'mets', 'leukemia', 'lymphoma', 'EMH', 'myeloma'];
const tight = ['leukemia', 'lymphoma', 'EMH'];

describe("the resident's two lists", () => {
  it('scores the tight, correct list 100 and the scattershot list 15', () => {
    const t = scoreDifferential(tight, key());
    const s = scoreDifferential(scattershot, key());
    console.log(`tight: ${t.score} of ${t.maxScore}; scattershot: ${s.score} of ${s.maxScore}`);
    // tight: 4/1 + 2/log2(3) + 1/2 = 5.762 of 5.762
    expect(t.matched.map((m) => m.points)).toEqual([69, 22, 9]);
    expect([t.score, t.maxScore, t.finalRank]).toEqual([100, 100, 1]);
    // scattershot: leukemia 5th 4/log2(6) = 1.547, lymphoma 6th 2/log2(7) = 0.712, EMH 7th 1/log2(8) = 0.333:
    // 2.593 / 5.762 = 45 earned; abscess, hematoma and disc cost 10 each; mets is acceptable, myeloma conditional.
    expect(s.matched.map((m) => [m.learnerText, m.points])).toEqual([['leukemia', 27], ['lymphoma', 12], ['EMH', 6]]);
    expect(s.unmatched.map((u) => u.learnerText)).toEqual(['abscess', 'hematoma', 'disc']);
    expect(s.acceptable.map((a) => [a.learnerText, a.diagnosis])).toEqual([['mets', 'Epidural metastasis']]);
    expect(s.conditional).toEqual([
      { caseRank: 3, diagnosis: 'Plasmacytoma', condition: 'multiple myeloma', named: expect.objectContaining({ learnerText: 'myeloma', learnerRank: 7 }) },
    ]);
    expect([s.earned, s.cost, s.score, s.finalRank]).toEqual([45, 30, 15, 5]);
  });

  it('grades the review from the score: tight is recalled perfectly, scattershot is a lapse', () => {
    expect(recallQuality(scoreDifferential(tight, key()))).toBe(5);
    expect(recallQuality(scoreDifferential(scattershot, key()))).toBe(1);
  });
});

describe('worked examples', () => {
  it('rewards order: the same three names, the final diagnosis last, earn less', () => {
    const r = scoreDifferential(['EMH', 'lymphoma', 'leukemia'], key());
    // 1/1 + 2/log2(3) + 4/2 = 4.262 of 5.762
    expect(r.score).toBe(74);
    expect(r.finalRank).toBe(3);
  });

  it('the final diagnosis alone, first, is a pass; the others without it are a lapse', () => {
    const alone = scoreDifferential(['chloroma'], key());
    expect(alone.score).toBe(69);
    expect(recallQuality(alone)).toBe(3);
    const without = scoreDifferential(['lymphoma', 'extramedullary hematopoiesis'], key());
    // 2/1 + 1/log2(3) = 2.631 of 5.762
    expect(without.score).toBe(46);
    expect(recallQuality(without)).toBe(2);
  });

  it('a conditional entry, named or not, changes nothing', () => {
    expect(scoreDifferential([...tight, 'plasmacytoma'], key()).score).toBe(100);
    expect(scoreDifferential([...tight, 'plasmacytoma'], key()).cost).toBe(0);
    expect(scoreDifferential(tight, key()).missed).toEqual([]);
  });

  it('never goes below 0', () => {
    const r = scoreDifferential(['abscess', 'hematoma', 'disc herniation', 'meningioma', 'glioma', 'leukemia'], key());
    expect(r.cost).toBe(50);
    expect(r.score).toBe(0);
  });

  it('scores by rank when the case gives no likelihoods: first 3, second 2, then 1, the final diagnosis 4', () => {
    const k: QuizKey = {
      entries: [
        { diagnosis: 'Meningioma', names: ['Meningioma'], ownNames: 1, gain: 4 },
        { diagnosis: 'Schwannoma', names: ['Schwannoma'], ownNames: 1, gain: 2 },
      ],
      finalIndex: 0,
      acceptable: [],
    };
    expect(scoreDifferential(['schwannoma', 'meningioma'], k).score).toBe(Math.round((100 * (2 + 4 / Math.log2(3))) / (4 + 2 / Math.log2(3))));
  });
});
