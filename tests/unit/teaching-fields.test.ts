import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/case/parse';
import type { CaseFile } from '../../src/case/schema';
import { minimalCase } from '../fixtures/minimal-case';

function withTeaching(): CaseFile {
  const c = minimalCase();
  c.tags = ['Spine', 'Hematologic'];
  c.spoilerTags = ['Hematologic'];
  c.vocabulary = [
    { id: 'leukemia', name: 'Leukemic infiltration', synonyms: ['Chloroma', 'Myeloid sarcoma'] },
    { id: 'lymphoma', name: 'Lymphoma' },
  ];
  c.speakerNotes = { look: 'Wait for the room.' };
  const ddx = c.reveal?.[1];
  if (ddx?.kind === 'differential') ddx.entries[0]!.vocabularyId = 'leukemia';
  return c;
}

function problemsOf(mutate: (c: CaseFile) => void): string[] {
  const c = withTeaching();
  mutate(c);
  const r = parseCase(c);
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('teaching-mode fields', () => {
  it('are optional and accepted when consistent', () => {
    const r = parseCase(withTeaching());
    expect(r.ok).toBe(true);
    const plain = parseCase(minimalCase());
    if (!plain.ok) throw new Error('minimal case rejected');
    expect(plain.value).toMatchObject({ vocabulary: [], spoilerTags: [], speakerNotes: {} });
  });

  it('name the path of an unknown vocabularyId', () => {
    const p = problemsOf((c) => {
      const ddx = c.reveal?.[1];
      if (ddx?.kind === 'differential') ddx.entries[0]!.vocabularyId = 'leukaemia';
    });
    expect(p).toEqual(['reveal[1].entries[0].vocabularyId: unknown vocabulary entry "leukaemia" (known: leukemia, lymphoma)']);
  });

  it('accept conditional entries and acceptable alternatives, and name the path of contradictory ones', () => {
    const answers = (c: CaseFile, conditionalAt: number, acceptable: string): void => {
      const ddx = c.reveal?.[1];
      if (ddx?.kind !== 'differential') throw new Error('no differential');
      ddx.entries = [{ diagnosis: 'Leukemia', vocabularyId: 'leukemia' }, { diagnosis: 'Plasmacytoma' }];
      ddx.entries[conditionalAt]!.conditional = 'multiple myeloma';
      ddx.acceptable = [acceptable];
      c.reveal?.push({ id: 'dx', kind: 'diagnosis', revealAt: 'answer', title: 'Diagnosis', diagnosis: 'Leukemia', proof: 'Biopsy', vocabularyId: 'leukemia' });
    };
    expect(problemsOf((c) => answers(c, 1, 'Epidural metastasis'))).toEqual([]);
    expect(problemsOf((c) => answers(c, 0, 'PLASMACYTOMA'))).toEqual([
      'reveal[1].acceptable[0]: "PLASMACYTOMA" is on the differential already',
      'reveal[1].entries[0].conditional: the final diagnosis cannot be conditional: this patient has it',
    ]);
  });

  it('name the path of a spoiler tag that is not a tag', () => {
    expect(problemsOf((c) => (c.spoilerTags = ['Hematologic', 'Oncology']))).toEqual([
      'spoilerTags[1]: "Oncology" is not one of the case\'s tags (Spine, Hematologic)',
    ]);
  });

  it('name the path of notes for an unknown step', () => {
    expect(problemsOf((c) => (c.speakerNotes = { look: 'ok', biopsy: 'no such step' }))).toEqual([
      'speakerNotes.biopsy: unknown step "biopsy" (known: look, compare, answer)',
    ]);
  });

  it('name the path of a synonym shared by two entries, however it is written', () => {
    const p = problemsOf((c) => {
      c.vocabulary![1]!.synonyms = ['NHL', 'myeloid-sarcomas'];
    });
    expect(p).toEqual([
      'vocabulary[1].synonyms[1]: "myeloid-sarcomas" is also a name of vocabulary entry "leukemia": a synonym must belong to one entry',
    ]);
  });

  it('name duplicate vocabulary ids', () => {
    const p = problemsOf((c) => {
      c.vocabulary![1]!.id = 'leukemia';
      c.vocabulary![1]!.name = 'Lymphoma';
    });
    expect(p).toEqual([
      'vocabulary[0].id: "leukemia" is used more than once',
      'vocabulary[1].id: "leukemia" is used more than once',
    ]);
  });
});
