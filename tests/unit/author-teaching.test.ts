/**
 * Issue 19's teaching fields edited in author mode (P13): a step's landing, a differential entry's condition, the
 * acceptable alternatives, the findings checklist and "why not". Pure edits that leave an unset field out of the
 * case, a deleted step's findings kept, and every problem the checker finds in them said in the author's words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/case/parse';
import type { ParsedCase, RevealItem } from '../../src/case/schema';
import {
  addFinding,
  addWhyNot,
  removeFinding,
  removeWhyNot,
  setFinding,
  setStepLanding,
  setWhyNot,
  withAcceptable,
  withCondition,
} from '../../src/case/authoring-teaching';
import { removeStep } from '../../src/case/authoring-steps';
import { buildTimeline } from '../../src/case/timeline';
import { authorProblem } from '../../src/ui/author/problem-words';

function seed(): ParsedCase {
  const r = parseCase(JSON.parse(readFileSync(join(import.meta.dirname, '../../cases/epidural-aml/case.json'), 'utf8')));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

type Differential = Extract<RevealItem, { kind: 'differential' }>;
const ddxIndex = (c: ParsedCase): number => c.reveal.findIndex((r) => r.kind === 'differential');
const ddxOf = (c: ParsedCase): Differential => c.reveal[ddxIndex(c)] as Differential;
const withDdx = (c: ParsedCase, item: Differential): ParsedCase => ({ ...c, reveal: c.reveal.map((r, i) => (i === ddxIndex(c) ? item : r)) });

/** The checker's problems, each as author mode says it: "field: message". */
function said(c: ParsedCase): string[] {
  const r = parseCase(c);
  return r.ok ? [] : r.problems.map((p) => {
    const w = authorProblem(p, c);
    return `${w.field}: ${w.message}`;
  });
}

describe('teaching fields in author mode', () => {
  it('sets where a step lands, the default left out of the case, and the learner lands there', () => {
    const c = seed();
    const l5 = c.steps[1]!;
    const extent = c.transcript.filter((s) => s.step === l5.id)[1]!;
    const set = setStepLanding(c, l5.id, extent.id);
    expect(set.steps[1]).toEqual({ ...l5, landing: extent.id });
    const t = buildTimeline(set);
    expect(t.segments[t.steps[1]!.landingSegment]?.id).toBe(extent.id);
    expect('landing' in setStepLanding(set, l5.id, 'findings').steps[1]!).toBe(false);
    expect('landing' in setStepLanding(set, l5.id, undefined).steps[1]!).toBe(false);
    expect(setStepLanding(c, l5.id, 'first').steps[1]!.landing).toBe('first');
  });

  it('makes an entry conditional and lists acceptable names; empty takes them out again', () => {
    const c = seed();
    const entry = ddxOf(c).entries[2]!;
    expect(withCondition(entry, 'chronic severe anemia').conditional).toBe('chronic severe anemia');
    expect('conditional' in withCondition({ ...entry, conditional: 'x' }, '  ')).toBe(false);
    expect(withAcceptable(ddxOf(c), ['Epidural metastasis', 'Langerhans cell histiocytosis']).acceptable).toEqual([
      'Epidural metastasis',
      'Langerhans cell histiocytosis',
    ]);
    expect('acceptable' in withAcceptable(ddxOf(c), [])).toBe(false);
  });

  it('adds, changes and removes findings and wrong answers; "Automatic" unties a wrong answer', () => {
    const c = seed();
    let d = addFinding(c, 'ct');
    const n = d.findings.length - 1;
    expect(d.findings[n]).toEqual({ text: '', match: [], step: 'ct' });
    d = setFinding(d, n, { text: 'Intact vertebral bodies', match: ['intact'] });
    expect(d.findings[n]).toEqual({ text: 'Intact vertebral bodies', match: ['intact'], step: 'ct' });
    expect(removeFinding(d, n).findings).toEqual(c.findings);

    d = addWhyNot(c);
    const k = d.whyNot.length - 1;
    d = setWhyNot(d, k, { diagnosis: 'Schwannoma', reason: 'Not intradural.', vocabularyId: 'lymphoma' });
    expect(d.whyNot[k]).toEqual({ diagnosis: 'Schwannoma', reason: 'Not intradural.', vocabularyId: 'lymphoma' });
    expect(setWhyNot(d, k, { vocabularyId: undefined }).whyNot[k]).toEqual({ diagnosis: 'Schwannoma', reason: 'Not intradural.' });
    expect(removeWhyNot(d, k).whyNot).toEqual(c.whyNot);
  });

  it("keeps a deleted step's findings, at the step that took its segments", () => {
    const c = seed();
    const ct = c.steps.findIndex((s) => s.id === 'ct');
    const r = removeStep(c, 'ct');
    expect(r.draft.findings.filter((f) => f.step === 'ct')).toEqual([]);
    expect(r.draft.findings.filter((f) => f.step === c.steps[ct - 1]!.id).length).toBeGreaterThanOrEqual(c.findings.filter((f) => f.step === 'ct').length);
    expect(parseCase(r.draft).ok).toBe(true);
  });

  it("says every problem of these fields in the author's words, at the field the page shows", () => {
    const c = seed();
    const ddx = ddxOf(c);
    const title = ddx.title;
    // A landing on a segment that moved to another step.
    const l2 = c.steps[0]!;
    const moved = c.transcript.find((s) => s.step === 'l5s1')!;
    expect(said(setStepLanding(c, l2.id, moved.id))).toEqual([
      `Step 1 “${l2.title}” · lands on: lands on a segment that is no longer in this step: choose again where the step lands`,
    ]);
    // An acceptable name already on the list, and a conditional final diagnosis.
    expect(said(withDdx(c, withAcceptable(ddx, ['Epidural metastasis', 'Lymphoma'])))).toEqual([
      `Answer “${title}” · also acceptable · line 2: "Lymphoma" is on the differential already`,
    ]);
    const conditionalFirst = { ...ddx, entries: ddx.entries.map((e, i) => (i === 0 ? withCondition(e, 'x') : e)) };
    expect(said(withDdx(c, conditionalFirst))).toEqual([
      `Answer “${title}” · diagnoses · diagnosis 1 · only with: the final diagnosis cannot be conditional: this patient has it`,
    ]);
    // New items left empty, and a finding's step that is gone.
    expect(said(addWhyNot(addFinding(c, 'gone')))).toEqual([
      `Finding ${c.findings.length + 1} · text: is empty: write something here`,
      `Wrong answer ${c.whyNot.length + 1} · diagnosis: is empty: write something here`,
      `Wrong answer ${c.whyNot.length + 1} · why not: is empty: write something here`,
    ]);
    const gone = setFinding(addFinding(c, 'gone'), c.findings.length, { text: 'Something' });
    expect(said(gone)).toEqual([`Finding ${c.findings.length + 1} · step: names a step the case no longer has: choose one`]);
    expect(said(setWhyNot(c, 0, { vocabularyId: 'nothing' }))).toEqual([
      'Wrong answer 1 · vocabulary entry: names a vocabulary entry the case does not have: choose one, or Automatic',
    ]);
  });
});
