/** Unknown mode's aliases, the library's filters, and the reveal's findings checklist and "why not" (issue 19). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/case/parse';
import type { ParsedCase } from '../../src/case/schema';
import { answerTerms, filterLibrary, libraryEntryOf, type LibraryEntry } from '../../src/case/library';
import { findingsNamed, hasPhrase, whyNotNamed } from '../../src/case/review';
import { caseAlias } from '../../src/ui/case-alias';
import { parseHash, unknownHref } from '../../src/ui/route';

function epidural(): ParsedCase {
  const r = parseCase(JSON.parse(readFileSync(join(import.meta.dirname, '../../cases/epidural-aml/case.json'), 'utf8')));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

describe('unknown-mode addresses', () => {
  it('are a stable 12-digit alias that does not contain the id, and parse back', () => {
    const alias = caseAlias('epidural-aml');
    expect(alias).toMatch(/^[0-9a-f]{12}$/);
    expect(caseAlias('epidural-aml')).toBe(alias);
    expect(caseAlias('epidural-amm')).not.toBe(alias);
    expect(unknownHref(alias, 3)).not.toContain('epidural');
    expect(parseHash(unknownHref(alias, 3))).toEqual({ page: 'unknown', alias, step: 3, console: false });
    expect(parseHash(unknownHref(alias, 2, true))).toEqual({ page: 'unknown', alias, step: 2, console: true });
    // Old id links still parse as before.
    expect(parseHash('#/case/epidural-aml/step/2')).toEqual({ page: 'case', caseId: 'epidural-aml', step: 2 });
  });
});

describe('library filters', () => {
  const lesson = epidural();
  const aml = libraryEntryOf(lesson);
  type Card = Extract<LibraryEntry, { problem?: undefined }>;
  const other: Card = { ...(aml as Card), id: 'other', title: 'A normal brain', unknownTitle: 'Brain MR', summary: '', tags: ['Neuroradiology', 'MRI'], spoilerTags: [], answerTerms: ['Normal'] };
  const ids = (list: LibraryEntry[]): string[] => list.map((e) => e.id);

  it('combine tags: a case must carry every tag that is on', () => {
    expect(ids(filterLibrary([aml, other], '', ['MRI']))).toEqual(['epidural-aml', 'other']);
    expect(ids(filterLibrary([aml, other], '', ['MRI', 'Spine']))).toEqual(['epidural-aml']);
    expect(ids(filterLibrary([aml, other], '', ['Spine', 'Neuroradiology', 'CT']))).toEqual(['epidural-aml']);
    expect(ids(filterLibrary([aml, other], '', ['Spine', 'Pediatrics']))).toEqual([]);
  });

  it('find a case by its diagnoses outside unknown mode, never in it', () => {
    expect(answerTerms(lesson)).toEqual(expect.arrayContaining(['Leukemia', 'Lymphoma', 'EMH', 'Plasmacytoma']));
    for (const q of ['leukemia', 'Leukaemia', 'chloroma', 'extramedullary hematopoiesis', 'plasmacytoma']) {
      expect(ids(filterLibrary([aml, other], q, []))).toEqual(['epidural-aml']);
      expect(ids(filterLibrary([aml, other], q, [], true))).toEqual([]);
    }
    // The card's own words still find it in unknown mode.
    expect(ids(filterLibrary([aml, other], 'lumbosacral', [], true))).toEqual(['epidural-aml']);
  });
});

describe('findings checklist', () => {
  const lesson = epidural();

  it('holds the seed case findings, each tied to a step', () => {
    expect(lesson.findings.map((f) => f.step)).toEqual(['l2', 'l5s1', 's3', 'ct', 'post', 'ct']);
  });

  it('ticks what the learner wrote, by whole words', () => {
    expect(hasPhrase('tissue at L5/S1 and below', 'L5-S1')).toBe(true);
    expect(hasPhrase('density about 50HU', '50 HU')).toBe(true);
    expect(hasPhrase('L3 and L4', 'L2')).toBe(false);
    expect(hasPhrase('html', 'HU')).toBe(false);
    const text = 'Anterior epidural soft tissue at L2, posterior at L5-S1 into the sacral canal; mildly enhancing. CT: 50 HU.';
    expect(findingsNamed(lesson, text)).toEqual([true, true, false, false, true, true]);
    expect(findingsNamed(lesson, '')).toEqual([false, false, false, false, false, false]);
  });
});

describe('why not', () => {
  const lesson = epidural();

  it('names the wrong answers of the resident\'s scattershot list, with their rank', () => {
    const hits = whyNotNamed(lesson, ['abscess', 'hematoma', 'disc', 'mets', 'leukemia', 'lymphoma']);
    expect(hits.map((h) => [h.item.diagnosis, h.rank])).toEqual([
      ['Abscess', 1],
      ['Hematoma', 2],
      ['Disc herniation', 3],
      ['Metastasis', 4],
    ]);
    expect(hits.every((h) => h.item.reason.length > 10)).toBe(true);
  });

  it('says nothing to a tight, correct list', () => {
    expect(whyNotNamed(lesson, ['leukemia', 'lymphoma', 'extramedullary hematopoiesis'])).toEqual([]);
  });

  it('counts a vocabulary synonym ("spinal epidural abscess")', () => {
    expect(whyNotNamed(lesson, ['Spinal epidural abscess']).map((h) => h.item.diagnosis)).toEqual(['Abscess']);
  });
});

describe('author mode', () => {
  it('unties "why not" from a vocabulary entry it removes, so the case stays valid', async () => {
    const { removeVocabularyEntry } = await import('../../src/case/authoring-fields');
    const { checkStructure } = await import('../../src/case/cross-check');
    const d = removeVocabularyEntry(epidural(), 'epidural-abscess');
    expect(d.whyNot[0]).toEqual({ diagnosis: 'Abscess', reason: epidural().whyNot[0]?.reason });
    expect(checkStructure(d)).toEqual([]);
  });
});

describe('cross-checks of the review fields', () => {
  it('name a checklist step or a why-not vocabulary entry that does not exist', () => {
    const raw = JSON.parse(readFileSync(join(import.meta.dirname, '../../cases/epidural-aml/case.json'), 'utf8'));
    raw.findings[0].step = 'nowhere';
    raw.whyNot[0].vocabularyId = 'no-such-entry';
    const r = parseCase(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.problems.map((p) => p.path);
    expect(paths).toContain('findings[0].step');
    expect(paths).toContain('whyNot[0].vocabularyId');
  });
});
