/** Authoring edits on the real seed case: each keeps or breaks validity as a user would expect; undo/redo. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/case/parse';
import type { ParsedCase } from '../../src/case/schema';
import * as edit from '../../src/case/authoring';
import { createAuthorStore } from '../../src/state/author-store';
import type { SeriesFacts } from '../../src/case/cross-check';
import dicomParser from 'dicom-parser';
import { createLessonStore } from '../../src/state/lesson-store';

function seed(): ParsedCase {
  const r = parseCase(JSON.parse(readFileSync(join(import.meta.dirname, '../../cases/epidural-aml/case.json'), 'utf8')));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}
const valid = (d: ParsedCase): boolean => parseCase(d).ok;

describe('authoring edits', () => {
  it('adds, splits, merges, moves and removes segments, keeping the case valid', () => {
    let d = seed();
    const first = d.transcript[0]!;
    const added = edit.addSegment(d, first.id);
    // A new segment is empty (its field shows a placeholder): the checker asks for its words until written.
    expect(added.draft.transcript[1]!.text).toBe('');
    expect(parseCase(added.draft).ok).toBe(false);
    d = edit.setSegmentText(added.draft, added.id, 'Added words.');
    expect(d.transcript[1]!.id).toBe(added.id);
    expect(d.transcript[1]!.start).toBeGreaterThan(first.start);
    expect(valid(d)).toBe(true);

    const split = edit.splitSegment(d, first.id, first.text.indexOf(' ', 20));
    d = split.draft;
    expect(d.transcript[0]!.text + ' ' + d.transcript[1]!.text).toBe(first.text);
    expect(valid(d)).toBe(true);

    d = edit.mergeWithNext(d, first.id);
    expect(d.transcript[0]!.text).toBe(first.text);
    const mid = d.transcript[5]!;
    const moved = edit.moveSegment(d, mid.id, 1);
    expect(moved.transcript[6]!.id).toBe(mid.id);
    expect(moved.transcript[6]!.start).toBe(d.transcript[6]!.start);
    expect(valid(moved)).toBe(true);
    // Moving the opening segment away leaves the lesson's start without a cue: the checker says where.
    const bad = parseCase(edit.moveSegment(d, first.id, 1));
    expect(bad.ok).toBe(false);
    expect(valid(edit.removeSegment(d, added.id))).toBe(true);
  });

  it('times in tenths; a start before the previous segment is an error with its path', () => {
    let d = seed();
    const second = d.transcript[1]!;
    d = edit.nudgeSegment(d, second.id, 0.1 + 0.2);
    expect(d.transcript[1]!.start).toBe(Math.round((second.start + 0.3) * 10) / 10);
    const bad = parseCase(edit.setSegmentStart(d, second.id, 0));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.some((p) => p.path.startsWith('transcript[1]'))).toBe(true);
  });

  it('captures a cue at a segment and places an arrow on it; a cue on an unknown series is named', () => {
    let d = seed();
    const seg = d.transcript[2]!;
    d = edit.setCue(d, seg.id, { main: { series: 't1-post', imageIndex: 3, window: { center: 400, width: 900 }, arrows: [] } });
    d = edit.addArrow(d, seg.id, 'main', { tip: [100, 120], tail: [60, 80], label: 'here' });
    expect(d.cues.find((c) => c.at === seg.id)?.viewports.main?.arrows).toEqual([{ tip: [100, 120], tail: [60, 80], label: 'here' }]);
    expect(d.cues.map((c) => d.transcript.findIndex((s) => s.id === c.at))).toEqual(
      [...d.cues.map((c) => d.transcript.findIndex((s) => s.id === c.at))].sort((a, b) => a - b),
    );
    expect(valid(d)).toBe(true);
    const bad = parseCase(edit.setCue(d, seg.id, { main: { series: 'nope', imageIndex: 0, arrows: [] } }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.message).join()).toContain('nope');
  });
});

describe('author store', () => {
  it('checks every edit, keeps the last playable case, and undoes and redoes', () => {
    const start = seed();
    const store = createAuthorStore(start);
    const id = start.transcript[1]!.id;
    const before = store.getState().playable;
    store.getState().edit((d) => edit.setSegmentStart(d, id, 0));
    expect(store.getState().problems.length).toBeGreaterThan(0);
    expect(store.getState().playable).toBe(before);
    store.getState().undo();
    expect(store.getState().problems).toEqual([]);
    expect(store.getState().draft).toBe(start);
    store.getState().redo();
    expect(store.getState().draft.transcript[1]!.start).toBe(0);
    store.getState().undo();
    store.getState().edit((d) => edit.setSegmentText(d, id, 'Changed words'));
    expect(store.getState().future).toEqual([]);
    expect(store.getState().playable.transcript[1]!.text).toBe('Changed words');
  });

  it('checks image indices against the series the viewer has opened, as cases:check does against the files', () => {
    const start = seed();
    const store = createAuthorStore(start);
    // The facts the viewer would report, read here from the case's own files.
    const facts = new Map<string, SeriesFacts>();
    for (const s of start.series) {
      if (!('manifest' in s) || !s.manifest) continue;
      const dir = join(import.meta.dirname, '../../cases/epidural-aml', s.manifest, '..');
      const files = (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: string[] }).files;
      const header = dicomParser.parseDicom(new Uint8Array(readFileSync(join(dir, files[0]!))), { untilTag: 'x7fe00010' });
      facts.set(s.key, { imageCount: files.length, rows: header.uint16('x00280010')!, columns: header.uint16('x00280011')! });
    }
    // Facts arrive series by series: a linked series not opened yet is not judged against one that is.
    const [first] = facts.keys();
    store.getState().setFacts(new Map([[first!, { ...facts.get(first!)!, frameOfReferenceUID: '1.2.3' }]]));
    expect(store.getState().problems).toEqual([]);
    store.getState().setFacts(facts);
    expect(store.getState().problems).toEqual([]);
    const cue = start.cues[0]!;
    const [name, vp] = Object.entries(cue.viewports)[0]!;
    const count = facts.get(vp.series)!.imageCount;
    const before = store.getState().playable;
    store.getState().edit((d) => edit.setCue(d, cue.at, { ...cue.viewports, [name]: { ...vp, imageIndex: count } }, cue.links));
    expect(store.getState().problems).toEqual([
      { path: `cues[0].viewports.${name}.imageIndex`, message: `${count} is past the last image (${count - 1}) of series "${vp.series}"` },
    ]);
    expect(store.getState().playable).toBe(before);
    // Facts that say nothing new leave the state as it is.
    const problems = store.getState().problems;
    store.getState().setFacts(new Map(facts));
    expect(store.getState().problems).toBe(problems);
    store.getState().undo();
    expect(store.getState().problems).toEqual([]);
  });

  it('the lesson follows a replaced case and stays on the same segment', () => {
    const start = seed();
    const lesson = createLessonStore(start, 2);
    const seg = lesson.getState().timeline.segments[lesson.getState().segmentIndex]!.id;
    const added = edit.addSegment(start, start.transcript[0]!.id);
    const parsed = parseCase(edit.setSegmentText(added.draft, added.id, 'Added words.'));
    if (!parsed.ok) throw new Error('invalid');
    const epoch = lesson.getState().cueEpoch;
    const cueOf = () => lesson.getState().timeline.cues[lesson.getState().timeline.segments[lesson.getState().segmentIndex]!.cueIndex];
    const shown = cueOf();
    lesson.getState().replaceLesson(parsed.value);
    expect(lesson.getState().timeline.segments[lesson.getState().segmentIndex]!.id).toBe(seg);
    // The cue in force did not change: the viewer is not asked to show it again (an author's pan stays).
    expect(cueOf()).toBe(shown);
    expect(lesson.getState().cueEpoch).toBe(epoch);
    // A change of the cue in force is shown.
    const changed = parseCase({
      ...parsed.value,
      cues: parsed.value.cues.map((c) => (c === parsed.value.cues.find((x) => x.at === shown!.at) ? { ...c, viewports: Object.fromEntries(Object.entries(c.viewports).map(([k, v]) => [k, { ...v, imageIndex: v.imageIndex + 1 }])) } : c)),
    });
    if (!changed.ok) throw new Error('invalid');
    lesson.getState().replaceLesson(changed.value);
    expect(cueOf()).not.toBe(shown);
    expect(lesson.getState().cueEpoch).toBe(epoch + 1);
  });
});
