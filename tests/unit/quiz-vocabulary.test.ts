/**
 * The shared diagnosis vocabulary (src/case/diagnoses/) and what the quiz fields offer from it: suggestions that do
 * not depend on the open case, a recognition hint, and every name of the bundled cases recognised.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_VOCABULARY } from '../../src/case/diagnoses/shared-vocabulary';
import { parseCase } from '../../src/case/parse';
import type { ParsedCase } from '../../src/case/schema';
import { recognise, suggest } from '../../src/case/suggest';
import { termKey } from '../../src/case/terms';
import { namesOf } from '../../src/case/vocabulary';

function bundled(id: string): ParsedCase {
  const r = parseCase(JSON.parse(readFileSync(join(import.meta.dirname, `../../cases/${id}/case.json`), 'utf8')));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}
const cases = ['epidural-aml', 'peds-brain-t1'].map(bundled);

/** Every diagnosis a case names: its vocabulary, its differential and acceptable alternatives, its final diagnosis. */
function caseNames(c: ParsedCase): string[] {
  return [
    ...c.vocabulary.flatMap(namesOf),
    ...c.reveal.flatMap((r) =>
      r.kind === 'differential' ? [...r.entries.map((e) => e.diagnosis), ...(r.acceptable ?? [])] : r.kind === 'diagnosis' ? [r.diagnosis] : [],
    ),
  ];
}

describe('the shared vocabulary', () => {
  it('holds a few hundred diagnoses, each name on one line only', () => {
    expect(SHARED_VOCABULARY.length).toBeGreaterThan(400);
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const v of SHARED_VOCABULARY) {
      for (const n of namesOf(v)) {
        const k = termKey(n);
        const other = owner.get(k);
        if (other !== undefined && other !== v.id) twice.push(`${n} (${other}, ${v.id})`);
        owner.set(k, v.id);
      }
    }
    expect(twice).toEqual([]);
    expect(new Set(SHARED_VOCABULARY.map((v) => v.id)).size).toBe(SHARED_VOCABULARY.length);
  });

  it('recognises every diagnosis and synonym of both bundled cases', () => {
    const missing = cases.flatMap(caseNames).filter((n) => recognise(n) === null);
    expect(missing).toEqual([]);
  });

  it('recognises what a resident writes, spelling tolerated, and says when it does not', () => {
    expect(recognise('extramedullary hematopoesis')).toEqual({ name: 'Extramedullary hematopoiesis', spelling: true });
    expect(recognise('leukaemic deposits')).toEqual({ name: 'Leukemic infiltration', spelling: false });
    expect(recognise('EMH')).toEqual({ name: 'Extramedullary hematopoiesis', spelling: false });
    expect(recognise('lymphona')).toEqual({ name: 'Lymphoma', spelling: true });
    expect(recognise('mets')?.name).toBe('Metastasis');
    expect(recognise('zebra stripes')).toBeNull();
    expect(recognise('  ')).toBeNull();
  });
});

describe('suggestions', () => {
  it('offer names whose words start with the prefix, starts first, each diagnosis once', () => {
    expect(suggest('sarc', 20)).toEqual(expect.arrayContaining(['Sarcoidosis', 'Sarcoma', 'Myeloid sarcoma']));
    const s = suggest('sarc', 20);
    expect(s.indexOf('Sarcoidosis')).toBeLessThan(s.indexOf('Myeloid sarcoma'));
    expect(suggest('haem', 20)).toContain('Hematoma');
    expect(suggest('  ')).toEqual([]);
    expect(suggest('e', 3)).toHaveLength(3);
  });

  it('are the same for every two-letter prefix whichever case is open, and never show a mapping', () => {
    // The combobox asks `suggest(typed, 6)` and nothing else: a case (its vocabulary, its answers) cannot enter.
    const letters = 'abcdefghijklmnopqrstuvwxyz'.split('');
    const prefixes = letters.flatMap((a) => letters.map((b) => a + b));
    const perCase = cases.map(() => prefixes.map((p) => suggest(p, 6)));
    expect(perCase[1]).toEqual(perCase[0]);
    const offered = new Set(perCase.flat(2));
    expect([...offered].filter((t) => /\(.*\)/.test(t))).toEqual([]);
    // The seed case's own spellings are offered only because the shared vocabulary has them too.
    const shared = new Set(SHARED_VOCABULARY.flatMap(namesOf));
    expect([...offered].filter((t) => !shared.has(t))).toEqual([]);
  });
});
