/**
 * The pure parts of keeping an author's work: undo by edit (typing in one field is one step), the identity of a
 * set of files a local draft belongs to, the words taken from another draft, what export tells about identifiers,
 * and problems said in the author's words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/case/parse';
import type { ParsedCase } from '../../src/case/schema';
import * as edit from '../../src/case/authoring';
import { createAuthorStore } from '../../src/state/author-store';
import { fileSetIdentity } from '../../src/dicom/file-set-identity';
import { reuseText } from '../../src/case/reuse-text';
import { adhocCase, authoringStart } from '../../src/case/adhoc-case';
import { identifierFindings } from '../../src/dicom/deid/findings';
import { authorProblem } from '../../src/ui/author/problem-words';

function seed(): ParsedCase {
  const r = parseCase(JSON.parse(readFileSync(join(import.meta.dirname, '../../cases/epidural-aml/case.json'), 'utf8')));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

describe('undo by edit', () => {
  it('merges edits that share a merge key into one step, and starts a new step for another key or after undo', () => {
    const start = seed();
    const store = createAuthorStore(start);
    const id = start.transcript[0]!.id;
    for (const text of ['A', 'AB', 'ABC']) store.getState().edit((d) => edit.setSegmentText(d, id, text), 'field-1');
    store.getState().edit((d) => edit.setTitle(d, 'New title'), 'field-2');
    expect(store.getState().past).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().draft.title).toBe(start.title);
    expect(store.getState().draft.transcript[0]!.text).toBe('ABC');
    store.getState().undo();
    expect(store.getState().draft).toBe(start);
    store.getState().redo();
    // After an undo, typing on in the same field is a step of its own.
    store.getState().edit((d) => edit.setSegmentText(d, id, 'ABCD'), 'field-1');
    store.getState().undo();
    expect(store.getState().draft.transcript[0]!.text).toBe('ABC');
  });

  it('asks the UI for the field being typed into when an edit names none', () => {
    const start = seed();
    let field: string | undefined = 'title-field';
    const store = createAuthorStore(start, start, { mergeKeyOf: () => field });
    store.getState().edit((d) => edit.setTitle(d, 'a'));
    store.getState().edit((d) => edit.setTitle(d, 'ab'));
    field = undefined; // a button: every click is a step
    store.getState().edit((d) => edit.setTitle(d, 'ab!'));
    store.getState().edit((d) => edit.setTitle(d, 'ab!!'));
    expect(store.getState().past).toHaveLength(3);
  });
});

describe('the identity of a set of files', () => {
  const files = (uids: string[]) => uids.map((u, i) => ({ name: `f${i}.dcm`, header: { sopInstanceUID: u } }));
  it('is the same for the same files in any order, and differs by one file more, less or other', () => {
    const a = fileSetIdentity(files(['1.2.3', '1.2.4', '1.2.5']));
    expect(fileSetIdentity(files(['1.2.5', '1.2.3', '1.2.4']))).toBe(a);
    expect(fileSetIdentity(files(['1.2.3', '1.2.4']))).not.toBe(a);
    expect(fileSetIdentity(files(['1.2.3', '1.2.4', '1.2.5', '1.2.6']))).not.toBe(a);
    expect(fileSetIdentity(files(['1.2.3', '1.2.4', '1.2.50']))).not.toBe(a);
    expect(a).toMatch(/^3-[0-9a-z]+$/);
  });
  it('falls back to size and name for files without a SOP Instance UID', () => {
    const one = fileSetIdentity([{ name: 'a/x.dcm', size: 10, header: { sopInstanceUID: '' } }]);
    expect(fileSetIdentity([{ name: 'b/x.dcm', size: 10, header: { sopInstanceUID: '' } }])).toBe(one);
    expect(fileSetIdentity([{ name: 'b/x.dcm', size: 11, header: { sopInstanceUID: '' } }])).not.toBe(one);
  });
});

describe('taking the words of another draft', () => {
  it('takes title, summary and answers, never series, views or timing; answers keep their step by position', () => {
    const source = seed();
    const target = adhocCase([
      { key: 's1', label: 'CT head', modality: 'CT', imageCount: 28 },
      { key: 's2', label: 'MR', modality: 'MR', imageCount: 1 },
    ]);
    const out = reuseText(target, source);
    expect(out.title).toBe(source.title);
    expect(out.series).toBe(target.series);
    expect(out.cues).toBe(target.cues);
    expect(out.transcript).toBe(target.transcript);
    expect(out.reveal).toHaveLength(source.reveal.length);
    expect(out.reveal.every((r) => target.steps.some((s) => s.id === r.revealAt))).toBe(true);
    expect(parseCase(out).ok).toBe(true);
  });
});

describe('what export says about identifiers', () => {
  it('names patient attributes first, in words, with what was done, and counts dates, UIDs and private elements', () => {
    const f = identifierFindings({
      attributes: {
        '(0008,0020) StudyDate': { 'date-shifted': 40 },
        '(0008,0080) InstitutionName': { removed: 40 },
        '(0008,0018) SOPInstanceUID': { 'uid-replaced': 40 },
        '(0010,0020) PatientID': { 'replaced-with-case-id': 40 },
        '(0010,0030) PatientBirthDate': { emptied: 40 },
      },
      privateElementsRemoved: 12,
      groupLengthsRemoved: 0,
      overlayOrCurveElementsRemoved: 0,
    });
    expect(f.attributes.map((a) => `${a.attribute}: ${a.action} ${a.count}`)).toEqual([
      'Patient ID: replaced 40',
      'Patient birth date: emptied 40',
      'Institution name: removed 40',
    ]);
    expect([f.datesShifted, f.uidsReplaced, f.privateRemoved]).toEqual([40, 40, 12]);
  });
});

describe('problems in the author\'s words', () => {
  it('names the field as the page shows it and turns ids and schema wording into plain words', () => {
    const d = seed();
    expect(authorProblem({ path: 'transcript[2].start', message: '3 s is not after the previous segment\'s start (5 s): times must increase' }, d)).toMatchObject({
      field: 'Segment 3 · start',
    });
    expect(authorProblem({ path: 'title', message: 'Too small: expected string to have >=1 characters' }, d)).toEqual({
      path: 'title',
      field: 'Case · title',
      message: 'is empty: write something here',
    });
    const step = d.steps[1]!;
    const said = authorProblem({ path: 'transcript[4].step', message: `step "${step.id}" comes back after a later step` }, d);
    expect(said.message).toBe(`step 2 (“${step.title}”) comes back after a later step`);
    expect(authorProblem({ path: 'cues[1].viewports.left.arrows[0].tip', message: 'x' }, d).field).toMatch(/^View of segment \d+ · viewport “left” · arrow 1$/);
  });
});

describe('authoring on local files', () => {
  it('starts without the words the app wrote, so the checker asks the author for each at its field', () => {
    const start = authoringStart(adhocCase([{ key: 's1', label: 'MR SAG', modality: 'MR', imageCount: 40 }]));
    const r = parseCase(start);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path).sort()).toEqual(['title', 'transcript[0].text', 'unknownTitle']);
    expect(start.steps[0]!.title).toBe('MR SAG');
  });
});
