/**
 * Hostile and damaged files through the app's own path for arbitrary files (the library's folder picker, an
 * ad-hoc case, the real viewer): a seeded batch of mutants of real files next to untouched ones. Nothing goes
 * uncaught, nothing hangs past the limits, every file that does not render is named with a reason, and the
 * untouched files still render. (The header fuzz in tests/unit/fuzz-header.test.ts covers many more files.)
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, expect, inject, it } from 'vitest';
import { openPage, useBrowser } from './browser';
import { runBatch } from '../conformance/run-batch';
import { mutant, SHARED_DICOM } from '../fuzz/mutate';

const SEED = 20261128;
const COUNT = Number(process.env.BROWSER_FUZZ_COUNT ?? 30);
/** Untouched files that must still render beside the mutants (MR_small's mutants share its series). */
const GOOD = ['pydicom/src/pydicom/data/test_files/MR_small.dcm', 'dcm_qa_ct/In/GE/05.dcm', 'dcm_qa_ct/In/GE/06.dcm'];

const root = mkdtempSync(join(tmpdir(), 'fuzz-local-'));
const folder = 'picked';
mkdirSync(join(root, folder));
for (let i = 0; i < COUNT; i++) {
  const m = mutant(SEED, i);
  writeFileSync(join(root, folder, m.name), m.bytes);
}
for (const g of GOOD) copyFileSync(join(SHARED_DICOM, g), join(root, folder, basename(g)));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const browserOf = useBrowser();

it(`${COUNT} damaged files beside good ones: each named with a reason or shown, the good ones render, nothing uncaught`, async () => {
  const { page, errors } = await openPage(browserOf(), 1200, 900);
  await page.goto(inject('baseUrl'));
  const started = Date.now();
  const results = await runBatch(page, root, folder);
  const seconds = (Date.now() - started) / 1000;
  console.log(`browser fuzz: ${results.length} files in ${seconds.toFixed(1)} s`);
  expect(results).toHaveLength(COUNT + GOOD.length);
  for (const g of GOOD) {
    expect(results.find((r) => r.name === `${folder}/${basename(g)}`)?.outcome.kind, g).toBe('rendered');
  }
  // A mutant may still be a readable image (rendered, or flat: its pixels were hit), or it is refused by name.
  const unexplained = results.filter((r) => r.outcome.kind === 'not reached');
  expect(unexplained.map((r) => `${r.name}: ${'detail' in r.outcome ? r.outcome.detail : ''}`)).toEqual([]);
  for (const r of results) {
    if (r.outcome.kind === 'message') expect(r.outcome.message.length, r.name).toBeGreaterThan(10);
  }
  expect(errors.filter((e) => e.startsWith('pageerror:'))).toEqual([]);
  await page.close();
}, 300_000);
