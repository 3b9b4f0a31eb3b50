/**
 * P11: the quiz scores an authored case by the author's own wording and vocabulary; the checker catches sample
 * text and a final diagnosis the quiz cannot find; steps delete and reorder keeping the case valid; case fields.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/case/parse';
import { quizKey } from '../../src/case/quiz';
import { scoreDifferential } from '../../src/case/score';
import { checkStructure } from '../../src/case/cross-check';
import { buildTimeline } from '../../src/case/timeline';
import type { ParsedCase, RevealItem } from '../../src/case/schema';
import { moveStep, removeStep, setSpeakerNotes } from '../../src/case/authoring-steps';
import { addVocabularyEntry, removeVocabularyEntry, setImageCredit, setSpoilerTag, setTags, setVocabularyEntry } from '../../src/case/authoring-fields';

function seed(): ParsedCase {
  const r = parseCase(JSON.parse(readFileSync(join(import.meta.dirname, '../../cases/epidural-aml/case.json'), 'utf8')));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

/** The seed case with its answers replaced, and no vocabulary: a case as a faculty member authors it. */
function authored(reveal: RevealItem[], vocabulary: ParsedCase['vocabulary'] = []): ParsedCase {
  const c = seed();
  // Its "why not" names the seed's vocabulary: gone with it.
  return { ...c, reveal, vocabulary, whyNot: [] };
}

const ddx = (...names: string[]): Extract<RevealItem, { kind: 'differential' }> => ({
  kind: 'differential',
  id: 'differential-1',
  revealAt: 'history',
  title: 'Differential',
  entries: names.map((diagnosis) => ({ diagnosis, reason: '' })),
});
const dx = (diagnosis: string, vocabularyId?: string): Extract<RevealItem, { kind: 'diagnosis' }> => ({
  kind: 'diagnosis',
  id: 'diagnosis-1',
  revealAt: 'biopsy',
  title: 'Diagnosis',
  diagnosis,
  proof: 'Follow-up',
  ...(vocabularyId ? { vocabularyId } : {}),
});

describe('scoring an authored case', () => {
  it("matches the author's own wording without a vocabulary, and prefers the exact name for the final diagnosis", () => {
    const c = authored([ddx('Normal midline anatomy', 'Normal midline anatomy for age', 'Callosal dysgenesis'), dx('Normal midline anatomy for age')]);
    const key = quizKey(c)!;
    expect(key.entries[key.finalIndex]?.diagnosis).toBe('Normal midline anatomy for age');
    const r = scoreDifferential(['normal midline anatomy for age.', 'callosal dysgenesis'], key);
    expect(r.finalRank).toBe(1);
    expect(r.matched.map((m) => m.how)).toEqual(['exact', 'exact']);
  });

  it('counts a final diagnosis the differential does not hold, as one more entry, without a problem', () => {
    const c = authored([ddx('Callosal dysgenesis', 'Lipoma'), dx('Normal midline anatomy for age')]);
    const key = quizKey(c)!;
    expect(key.entries).toHaveLength(3);
    const r = scoreDifferential(['Normal midline anatomy for age'], key);
    expect(r.finalRank).toBe(1);
    expect(checkStructure(c)).toEqual([]);
  });

  it("accepts synonyms of a vocabulary entry tied by id or, without an id, by the entry's name", () => {
    const vocab = [{ id: 'dx-1', name: 'Normal midline anatomy for age', synonyms: ['Normal corpus callosum'] }];
    const byName = quizKey(authored([ddx('Normal midline anatomy for age', 'Lipoma'), dx('Normal midline anatomy for age')], vocab))!;
    expect(scoreDifferential(['normal corpus callosum'], byName).finalRank).toBe(1);
    const byId = quizKey(authored([ddx('Normal for age', 'Lipoma'), dx('Normal', 'dx-1')], vocab))!;
    // Tied to an entry no differential entry is: scored as an entry of its own, with the entry's synonyms.
    expect(byId.entries).toHaveLength(3);
    expect(scoreDifferential(['Normal corpus callosum'], byId).finalRank).toBe(1);
    const tied = authored([{ ...ddx('Normal for age', 'Lipoma'), entries: [{ diagnosis: 'Normal for age', reason: '', vocabularyId: 'dx-1' }, { diagnosis: 'Lipoma', reason: '' }] }, dx('Normal', 'dx-1')], vocab);
    const k = quizKey(tied)!;
    expect(k.finalIndex).toBe(0);
    expect(scoreDifferential(['Normal corpus callosum'], k).finalRank).toBe(1);
    // The final diagnosis' own words count for the entry it is tied to.
    expect(scoreDifferential(['normal'], k).finalRank).toBe(1);
  });
});

describe('sample text left in a case', () => {
  it('is flagged at its field, in old drafts too', () => {
    const c = seed();
    const old: ParsedCase = {
      ...c,
      steps: c.steps.map((s, i) => (i === 1 ? { ...s, title: 'Step 2' } : s)),
      transcript: c.transcript.map((s, i) => (i === 3 ? { ...s, text: 'New segment' } : s)),
      reveal: [ddx('First diagnosis'), { ...dx('The diagnosis'), proof: 'How it was proven' }, { kind: 'history', id: 'h', revealAt: 'history', title: 'History', text: 'Write it here.' }],
    };
    const paths = checkStructure(old).filter((p) => /sample/.test(p.message)).map((p) => p.path);
    expect(paths).toEqual(['steps[1].title', 'transcript[3].text', 'reveal[0].entries[0].diagnosis', 'reveal[1].diagnosis', 'reveal[1].proof', 'reveal[2].text']);
    expect(checkStructure(c)).toEqual([]);
  });
});

describe('step edits', () => {
  it('deletes a step: its segments, answers and notes go to the step before, and the case stays valid', () => {
    const c = seed();
    const id = c.steps[6]!.id;
    const r = removeStep(c, id);
    expect(r.into).toBe(c.steps[5]!.id);
    expect(r.segments).toBe(c.transcript.filter((s) => s.step === id).length);
    expect(r.answers).toBe(c.reveal.filter((x) => x.revealAt === id).length);
    expect(r.draft.steps).toHaveLength(c.steps.length - 1);
    expect(r.draft.speakerNotes[c.steps[5]!.id]).toContain(c.speakerNotes[id]!);
    expect(parseCase(r.draft).ok).toBe(true);
    // The first step hands over to the next; the last one left cannot go.
    expect(removeStep(c, c.steps[0]!.id).into).toBe(c.steps[1]!.id);
    let one = c;
    while (one.steps.length > 1) one = removeStep(one, one.steps[0]!.id).draft;
    expect(removeStep(one, one.steps[0]!.id).draft).toBe(one);
  });

  it('moves a step with its segments, keeping their timing and what each step shows', () => {
    const c = seed();
    const before = buildTimeline(c);
    const moved = moveStep(c, c.steps[1]!.id, -1);
    const r = parseCase(moved);
    expect(r.ok ? [] : r.problems).toEqual([]);
    const after = buildTimeline(moved);
    expect(after.steps.map((s) => s.id)).toEqual([c.steps[1]!.id, c.steps[0]!.id, ...c.steps.slice(2).map((s) => s.id)]);
    expect(after.duration).toBe(before.duration);
    const span = (t: typeof before, id: string): number => t.steps.find((s) => s.id === id)!.end - t.steps.find((s) => s.id === id)!.start;
    for (const s of c.steps) expect(span(after, s.id)).toBeCloseTo(span(before, s.id), 5);
    // Each segment still shows the cue it showed.
    const cueOf = (t: typeof before, segId: string): unknown => t.cues[t.segments.find((s) => s.id === segId)!.cueIndex]?.viewports;
    for (const seg of c.transcript) expect(cueOf(after, seg.id)).toEqual(cueOf(before, seg.id));
    expect(moveStep(c, c.steps[0]!.id, -1)).toBe(c);
  });

  it('speaker notes: empty text removes them', () => {
    const c = seed();
    const id = c.steps[0]!.id;
    expect(setSpeakerNotes(c, id, 'Ask the room first.').speakerNotes[id]).toBe('Ask the room first.');
    expect(id in setSpeakerNotes(c, id, '').speakerNotes).toBe(false);
  });
});

describe('case fields and vocabulary', () => {
  it('keeps spoiler tags among the tags, and leaves an empty credit out', () => {
    let c = setTags(seed(), ['Spine', 'Metabolic', ' ', 'Spine']);
    expect(c.tags).toEqual(['Spine', 'Metabolic']);
    expect(c.spoilerTags).toEqual(['Metabolic']);
    c = setSpoilerTag(c, 'Spine', true);
    expect(setTags(c, ['Spine']).spoilerTags).toEqual(['Spine']);
    expect('imageCredit' in setImageCredit(c, '  ')).toBe(false);
  });

  it('adds, names and removes vocabulary entries, untying what named them', () => {
    const c = seed();
    const { draft, id } = addVocabularyEntry(c, 'Normal for age');
    const named = setVocabularyEntry(draft, id, { synonyms: ['Normal study'] });
    expect(named.vocabulary.at(-1)).toEqual({ id, name: 'Normal for age', synonyms: ['Normal study'] });
    const gone = removeVocabularyEntry(c, 'leukemic-infiltration');
    const d = gone.reveal.find((r) => r.kind === 'diagnosis');
    expect(d && 'vocabularyId' in d).toBe(false);
  });
});
