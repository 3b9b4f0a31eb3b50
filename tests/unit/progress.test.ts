import { describe, expect, it } from 'vitest';
import { emptyProgress, exportProgress, libraryStatus, markStep, type CaseProgress, type ProgressMap } from '../../src/case/progress';
import { importProgress } from '../../src/case/progress-import';
import { review } from '../../src/case/spaced-repetition';

const t = (day: number): Date => new Date(Date.UTC(2026, 0, day, 12));

function sample(): ProgressMap {
  let a = emptyProgress('epidural-aml', t(1));
  a = markStep(a, 'l2', 0, ['l2', 'l5s1', 's3'], t(2));
  a = { ...a, notes: 'look at S3 again', position: { seconds: 42.5, at: t(2).toISOString() }, sm2: review(undefined, 4, t(2)) };
  a = { ...a, quiz: { answers: ['chloroma', 'lymphoma'], score: 3, maxScore: 5, answeredAt: t(2).toISOString() } };
  return { 'epidural-aml': a, other: emptyProgress('other', t(1)) };
}

describe('progress export and import', () => {
  it('round-trips', () => {
    const all = sample();
    const r = importProgress(exportProgress(all), {});
    expect(r).toEqual({ ok: true, progress: all, updated: ['epidural-aml', 'other'], kept: [] });
  });

  it('merges per case: the newer updatedAt wins', () => {
    const mine: ProgressMap = { a: { ...emptyProgress('a', t(5)), notes: 'mine' }, b: { ...emptyProgress('b', t(1)), notes: 'mine' } };
    const theirs: ProgressMap = {
      a: { ...emptyProgress('a', t(3)), notes: 'theirs' },
      b: { ...emptyProgress('b', t(4)), notes: 'theirs' },
      c: emptyProgress('c', t(2)),
    };
    const r = importProgress(exportProgress(theirs), mine);
    if (!r.ok) throw new Error(r.error);
    expect(r.progress.a?.notes).toBe('mine');
    expect(r.progress.b?.notes).toBe('theirs');
    expect(Object.keys(r.progress).sort()).toEqual(['a', 'b', 'c']);
    expect(r.updated.sort()).toEqual(['b', 'c']);
    expect(r.kept).toEqual(['a']);
  });

  it('rejects malformed input with the path and reason, leaving the current progress intact', () => {
    const current = sample();
    const before = JSON.stringify(current);
    const bad = JSON.parse(exportProgress(sample())) as { cases: Record<string, Record<string, unknown>> };
    bad.cases['epidural-aml']!.furthestStep = 'two';
    const r = importProgress(JSON.stringify(bad), current);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(/cases\.epidural-aml\.furthestStep: Invalid input: expected number/);
      expect(r.problems[0]?.path).toBe('cases.epidural-aml.furthestStep');
    }
    expect(JSON.stringify(current)).toBe(before);

    const notJson = importProgress('{"progressVersion": 1,', current);
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.error).toMatch(/not valid JSON/);

    const newer = importProgress(JSON.stringify({ progressVersion: 3, cases: {} }), current);
    if (!newer.ok) expect(newer.refusal).toEqual({ kind: 'newer', version: 3 });
    else throw new Error('accepted a newer version');

    const wrongKey = importProgress(JSON.stringify({ progressVersion: 1, cases: { x: emptyProgress('y', t(1)) } }), current);
    if (!wrongKey.ok) expect(wrongKey.error).toMatch(/cases\.x\.caseId: "y" differs from its key "x"/);
    else throw new Error('accepted a mismatched key');

    const badDate = importProgress(JSON.stringify({ progressVersion: 1, cases: { x: { ...emptyProgress('x', t(1)), updatedAt: 'soon' } } }), current);
    if (!badDate.ok) expect(badDate.error).toMatch(/cases\.x\.updatedAt: not a date/);
    else throw new Error('accepted a bad date');
    expect(JSON.stringify(current)).toBe(before);
  });
});

describe('library status', () => {
  it('is new, in progress, then done once every step was reached: not at the last step alone, nor after the quiz', () => {
    const steps = ['a', 'b', 'c'];
    expect(libraryStatus(undefined)).toBe('new');
    const p: CaseProgress = emptyProgress('c', t(1));
    expect(libraryStatus(p)).toBe('new');
    const started = markStep(p, 'a', 0, steps, t(2));
    expect(libraryStatus(started)).toBe('in progress');
    // A link straight to the last step, and a committed (even revealed) answer: still in progress.
    const jumped = markStep(started, 'c', 2, steps, t(3));
    expect(jumped.completedAt).toBeUndefined();
    expect(libraryStatus(jumped)).toBe('in progress');
    const answered = { ...jumped, quiz: { answers: ['x'], score: 0, maxScore: 3, answeredAt: t(3).toISOString(), revealedAt: t(3).toISOString() } };
    expect(libraryStatus(answered)).toBe('in progress');
    const finished = markStep(jumped, 'b', 1, steps, t(4));
    expect(finished).toMatchObject({ stepsSeen: ['a', 'c', 'b'], furthestStep: 2, completedAt: t(4).toISOString() });
    expect(libraryStatus(finished)).toBe('done');
  });
});

describe('version 1 files', () => {
  const v1 = (record: Record<string, unknown>): string =>
    JSON.stringify({ progressVersion: 1, exportedAt: t(9).toISOString(), cases: { 'epidural-aml': { caseId: 'epidural-aml', updatedAt: t(5).toISOString(), ...record } } });

  it('still load: an answer then was graded when committed, so it is closed; a position has no step', () => {
    const r = importProgress(
      v1({ stepsSeen: ['l2'], furthestStep: 0, position: { seconds: 56, at: t(5).toISOString() }, quiz: { answers: ['chloroma'], score: 2, maxScore: 5, answeredAt: t(4).toISOString() } }),
      {},
    );
    if (!r.ok) throw new Error(r.error);
    const p = r.progress['epidural-aml']!;
    expect(p.quiz).toEqual({ answers: ['chloroma'], score: 2, maxScore: 5, answeredAt: t(4).toISOString(), revealedAt: t(4).toISOString() });
    expect(p.position).toEqual({ seconds: 56, at: t(5).toISOString() });
    // Written back as version 2, and read again unchanged.
    expect(JSON.parse(exportProgress(r.progress)).progressVersion).toBe(2);
    const again = importProgress(exportProgress(r.progress), {});
    expect(again.ok && again.progress['epidural-aml']).toEqual(p);
  });

  it('keep "completed" only when every step up to the last one was seen', () => {
    const all = importProgress(v1({ stepsSeen: ['a', 'b', 'c'], furthestStep: 2, completedAt: t(5).toISOString() }), {});
    const jumped = importProgress(v1({ stepsSeen: ['a', 'c'], furthestStep: 2, completedAt: t(5).toISOString() }), {});
    expect(all.ok && libraryStatus(all.progress['epidural-aml'])).toBe('done');
    expect(jumped.ok && libraryStatus(jumped.progress['epidural-aml'])).toBe('in progress');
  });
});

describe('a file that cannot be used', () => {
  const refusal = (text: string) => {
    const r = importProgress(text, {});
    if (r.ok) throw new Error('accepted');
    return r.refusal;
  };

  it('says what it is and why, in plain words', () => {
    expect(refusal('PK\u0003\u0004 not json').kind).toBe('not-json');
    expect(refusal(JSON.stringify({ formatVersion: 1, id: 'x', steps: [] }))).toEqual({ kind: 'case-file' });
    expect(refusal(JSON.stringify({ notes: 'hello' }))).toEqual({ kind: 'not-progress' });
    expect(refusal(JSON.stringify([1, 2]))).toEqual({ kind: 'not-progress' });
    expect(refusal(JSON.stringify({ progressVersion: 'one', cases: {} }))).toEqual({ kind: 'unknown-version', version: '"one"' });
    expect(refusal(JSON.stringify({ progressVersion: 2, cases: { 'epidural-aml': { caseId: 'epidural-aml', furthestStep: 'far' } } }))).toEqual({
      kind: 'damaged',
      caseId: 'epidural-aml',
      field: 'furthestStep',
      detail: 'should be a number',
      more: 1,
    });
    expect(refusal(JSON.stringify({ progressVersion: 2, cases: [] }))).toMatchObject({ kind: 'damaged', caseId: null, field: 'cases' });
  });
});
