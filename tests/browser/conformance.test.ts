/**
 * Conformance over real files: every file in ../shared/dicom, opened through the library's folder picker and
 * viewed with the real viewer, either renders (non-blank pixels) or says specifically why not. What each file must
 * give is in tests/conformance/expectations.json, with the reason for each that does not render. A summary table
 * and every file's outcome go to test-results/conformance/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openPage, useBrowser } from './browser';
import { runBatch, type FileResult, type Outcome } from '../conformance/run-batch';

const SHARED = join(import.meta.dirname, '../../../shared/dicom');
const OUT = join(import.meta.dirname, '../../test-results/conformance');
/** One page load per folder: a person picking that folder. */
const BATCHES = ['pydicom', 'pydicom-data', 'dicomParser', 'dcm_qa_ct', 'SAG-anon'];
const ONLY = process.env.CONFORMANCE_ONLY?.split(',');

type Expected = 'rendered' | { message: string; why: string };
/** Files holding one picture in different encodings (expectations.json explains the fields). */
interface SamePicture {
  reference: string;
  tolerance: number;
  members: string[];
}
const expectationsFile = JSON.parse(readFileSync(join(import.meta.dirname, '../conformance/expectations.json'), 'utf8')) as {
  files: Record<string, Expected>;
  samePicture: { groups: SamePicture[] };
};
const expectations = expectationsFile.files;

/** Why an outcome does not meet its expectation, or undefined when it does. */
function mismatch(name: string, outcome: Outcome): string | undefined {
  const expected = expectations[name];
  const got = outcome.kind === 'message' ? `message "${outcome.message}"` : outcome.kind === 'rendered' ? 'rendered' : `${outcome.kind} (${outcome.detail})`;
  if (!expected) return `${name}: not in expectations.json; it gave ${got}`;
  if (expected === 'rendered') return outcome.kind === 'rendered' ? undefined : `${name}: should render, gave ${got}`;
  if (outcome.kind === 'message' && outcome.message.includes(expected.message)) return undefined;
  return `${name}: should say "${expected.message}", gave ${got}`;
}

const all: FileResult[] = [];

/** The 8x8 colour grid of a file's first image as the viewport showed it, when it was shown. */
function firstThumb(name: string): number[] | undefined {
  const result = all.find((r) => r.name === name);
  if (result?.outcome.kind !== 'rendered') return undefined;
  const first = [...(result.images ?? [])].sort((a, b) => a.index - b.index)[0];
  return first && first.thumb.length > 0 ? first.thumb : undefined;
}

/** Mean absolute difference of two grids, in levels (0-255). */
function gridDifference(a: number[], b: number[]): number {
  if (a.length !== b.length) return Infinity;
  return a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length;
}

const browserOf = useBrowser();

describe('conformance over real DICOM files', () => {
  for (const folder of BATCHES.filter((b) => !ONLY || ONLY.includes(b))) {
    it(`every file in ${folder}/ renders or says why`, async () => {
      const { page, errors } = await openPage(browserOf(), 1200, 900);
      await page.goto(inject('baseUrl'));
      const results = await runBatch(page, SHARED, folder);
      all.push(...results);
      mkdirSync(OUT, { recursive: true });
      writeFileSync(join(OUT, `${folder}.json`), JSON.stringify(results, null, 1));
      const missing = Object.keys(expectations).filter((n) => n.startsWith(`${folder}/`) && !results.some((r) => r.name === n));
      expect(missing, 'files expected but not seen').toEqual([]);
      expect(results.flatMap((r) => mismatch(r.name, r.outcome) ?? [])).toEqual([]);
      // Libraries may log what they make of broken files (console); nothing may go uncaught.
      expect(errors.filter((e) => e.startsWith('pageerror:'))).toEqual([]);
      await page.close();
    }, 300_000);
  }
});

describe('conformance across encodings', () => {
  // After the batches above (tests in a file run in order): a file that renders may still show the wrong picture.
  it('files holding one picture in different encodings show the same picture', () => {
    const problems: string[] = [];
    let compared = 0;
    for (const group of expectationsFile.samePicture.groups) {
      if (!all.some((r) => r.name === group.reference)) continue; // its folder was not run (CONFORMANCE_ONLY)
      const reference = firstThumb(group.reference);
      if (!reference) {
        problems.push(`${group.reference}: the reference picture was not shown`);
        continue;
      }
      for (const member of group.members) {
        const grid = firstThumb(member);
        if (!grid) continue; // refused with a reason, or failed: the batch's own test says which
        compared++;
        const difference = gridDifference(reference, grid);
        if (difference > group.tolerance) {
          problems.push(`${member}: differs from ${group.reference} by ${difference.toFixed(1)} levels on average (at most ${group.tolerance})`);
        }
      }
    }
    expect(problems).toEqual([]);
    if (!ONLY) expect(compared, 'pictures compared').toBeGreaterThan(30);
  });
});

afterAll(() => {
  if (all.length === 0) return;
  const counts = new Map<string, number>();
  for (const r of all) {
    const key = r.outcome.kind === 'message' ? `message: ${r.outcome.message.replace(/\(.*$/, '').slice(0, 70)}` : r.outcome.kind;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const table = [`| outcome | files |`, `|---|---|`, ...[...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `| ${k} | ${n} |`)];
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'summary.md'), `${all.length} files\n\n${table.join('\n')}\n`);
});
