import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  exportProgress,
  importProgress,
  libraryStatus,
  markStep,
  type CaseProgress,
  type ProgressMap,
} from '../../src/case/progress';
import { review } from '../../src/case/spaced-repetition';

const t = (day: number): Date => new Date(Date.UTC(2026, 0, day, 12));

function sample(): ProgressMap {
  let a = emptyProgress('epidural-aml', t(1));
  a = markStep(a, 'l2', 0, 3, t(2));
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

    const newer = importProgress(JSON.stringify({ progressVersion: 2, cases: {} }), current);
    if (!newer.ok) expect(newer.error).toMatch(/^progressVersion: version 2 was written by a newer app/);
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
  it('is new, in progress, then done at the last step or after the quiz', () => {
    expect(libraryStatus(undefined)).toBe('new');
    const p: CaseProgress = emptyProgress('c', t(1));
    expect(libraryStatus(p)).toBe('new');
    const started = markStep(p, 'a', 0, 2, t(2));
    expect(libraryStatus(started)).toBe('in progress');
    const finished = markStep(started, 'b', 1, 2, t(3));
    expect(finished).toMatchObject({ stepsSeen: ['a', 'b'], furthestStep: 1, completedAt: t(3).toISOString() });
    expect(libraryStatus(finished)).toBe('done');
    expect(libraryStatus({ ...started, quiz: { answers: [], score: 0, maxScore: 3, answeredAt: t(2).toISOString() } })).toBe('done');
  });
});
