/**
 * An unfinished draft (a take's: texts to write, steps it never reached) is what the author's viewer shows, while
 * its problems stay for export; the steps without segments go in one undoable edit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/case/parse';
import type { ParsedCase } from '../../src/case/schema';
import { removeStepsWithoutSegments, stepsWithoutSegments } from '../../src/case/draft-preview';
import { createAuthorStore } from '../../src/state/author-store';

function seed(): ParsedCase {
  const r = parseCase(JSON.parse(readFileSync(join(import.meta.dirname, '../../cases/epidural-aml/case.json'), 'utf8')));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

/** What a take over the first two steps leaves: three segments without words, the later steps without segments. */
function taken(d: ParsedCase): ParsedCase {
  const [a, b] = d.steps;
  const transcript = [
    { id: 'seg-1', start: 0.6, step: a!.id, speaker: 'teacher' as const, text: '' },
    { id: 'seg-2', start: 3.8, step: a!.id, speaker: 'teacher' as const, text: '' },
    { id: 'seg-3', start: 7, step: b!.id, speaker: 'teacher' as const, text: '' },
  ];
  const cue = d.cues[0]!;
  return { ...d, transcript, cues: [{ ...cue, at: 'seg-1' }, { ...cue, at: 'seg-3' }], duration: 10 };
}

describe('an unfinished draft', () => {
  it('is shown at once (texts to write, unreached steps left out) while its problems stay', () => {
    const start = seed();
    const store = createAuthorStore(start, start, { unwrittenText: 'to write' });
    store.getState().edit(taken);
    const s = store.getState();
    expect(parseCase(s.draft).ok).toBe(false);
    // The viewer follows the take: its segments, the placeholder for words, only the steps it reached.
    expect(s.playable.transcript.map((t) => [t.id, t.text])).toEqual([
      ['seg-1', 'to write'],
      ['seg-2', 'to write'],
      ['seg-3', 'to write'],
    ]);
    expect(s.playable.steps.map((t) => t.id)).toEqual(start.steps.slice(0, 2).map((t) => t.id));
    // Both kinds of problem are listed together: three texts, and each step the take never reached.
    const paths = s.problems.map((p) => p.path);
    expect(paths.filter((p) => /^transcript\[\d\]\.text$/.test(p))).toHaveLength(3);
    expect(paths.filter((p) => /^steps\[\d+\]$/.test(p))).toHaveLength(start.steps.length - 2);
  });

  it('keeps the last shown case when a problem is more than unfinished', () => {
    const start = seed();
    const store = createAuthorStore(start);
    store.getState().edit(taken);
    const shown = store.getState().playable;
    store.getState().edit((d) => ({ ...d, transcript: d.transcript.map((t) => (t.id === 'seg-2' ? { ...t, start: 0.1 } : t)) }));
    expect(store.getState().problems.some((p) => p.path === 'transcript[1].start')).toBe(true);
    expect(store.getState().playable).toBe(shown);
  });

  it('loses its steps without segments in one edit; their answers go to a step kept; one undo brings them back', () => {
    const start = seed();
    const store = createAuthorStore(start);
    store.getState().edit(taken);
    const before = store.getState().draft;
    const unreached = stepsWithoutSegments(before);
    const answers = before.reveal.filter((r) => unreached.includes(r.revealAt)).length;
    const r = removeStepsWithoutSegments(before);
    expect(r.removed).toBe(unreached.length);
    expect(r.answers).toBe(answers);
    store.getState().edit(() => r.draft);
    const after = store.getState().draft;
    expect(after.steps.map((t) => t.id)).toEqual(start.steps.slice(0, 2).map((t) => t.id));
    expect(after.reveal.every((x) => after.steps.some((t) => t.id === x.revealAt))).toBe(true);
    expect(store.getState().problems.map((p) => p.path)).toEqual(['transcript[0].text', 'transcript[1].text', 'transcript[2].text']);
    store.getState().undo();
    expect(store.getState().draft).toBe(before);
    // Written, the take is a case.
    store.getState().redo();
    store.getState().edit((d) => ({ ...d, transcript: d.transcript.map((t) => ({ ...t, text: `Said in ${t.id}.` })) }));
    expect(store.getState().problems).toEqual([]);
    expect(store.getState().playable.transcript[2]!.text).toBe('Said in seg-3.');
  });
});
