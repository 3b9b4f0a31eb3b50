/**
 * No patient identifiers on screen: real files that carry a patient name, ID and birth date (and one made with
 * unmistakable ones), opened as local files and stepped through, leave none of those values in the page text,
 * the window title, any attribute a screen reader or tooltip shows, the browser's storage, or the exported
 * progress file. The values are read from the files here with dicom-parser, as the viewer's own reader does not
 * read them at all.
 */
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dicomParser from 'dicom-parser';
import { afterAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser } from './browser';
import { mrSmallWith } from '../fixtures/hostile-dicom';

const SHARED = join(import.meta.dirname, '../../../shared/dicom');
const temp = mkdtempSync(join(tmpdir(), 'identified-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const identified = join(temp, 'identified.dcm');
writeFileSync(
  identified,
  mrSmallWith({
    PatientName: 'Zebulonova^Quixotia^Marguerite',
    PatientID: 'MRN-99173355',
    PatientBirthDate: '19470312',
    SeriesInstanceUID: '1.2.826.0.1.3680043.9.7433.77',
  }),
);
const FILES = [
  identified,
  join(SHARED, 'pydicom/src/pydicom/data/test_files/MR_small.dcm'),
  join(SHARED, 'pydicom/src/pydicom/data/test_files/CT_small.dcm'),
  ...['0001-1.3.12.2.1107.5.2.19.45152.2013030808110258929186035.dcm', '0002-1.3.12.2.1107.5.2.19.45152.2013030808110261698786039.dcm'].map(
    (f) => join(SHARED, 'SAG-anon', f),
  ),
];

/** Every way a value could be written on screen: as stored, its name parts, a birth date in common formats. */
function forbiddenStrings(): string[] {
  const out = new Set<string>();
  for (const path of FILES) {
    const ds = dicomParser.parseDicom(new Uint8Array(readFileSync(path)), { untilTag: 'x7fe00010' });
    const name = ds.string('x00100010');
    const id = ds.string('x00100020');
    const birth = ds.string('x00100030');
    if (name) {
      out.add(name);
      out.add(name.replace(/\^/g, ' ').trim());
      for (const part of name.split('^')) if (part.length >= 4) out.add(part);
    }
    if (id) out.add(id);
    if (birth && /^\d{8}$/.test(birth)) {
      const [y, m, d] = [birth.slice(0, 4), birth.slice(4, 6), birth.slice(6, 8)];
      for (const f of [birth, `${y}-${m}-${d}`, `${d}.${m}.${y}`, `${m}/${d}/${y}`, `${d}/${m}/${y}`]) out.add(f);
    }
  }
  return [...out];
}

/** All text a person or assistive technology can get from the page, and what the app stored. */
async function everythingShown(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.title, document.body.innerText, document.body.textContent ?? ''];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        if (/^(aria-|data-|title$|alt$|placeholder$|value$|href$)/.test(attr)) parts.push(el.getAttribute(attr) ?? '');
      }
    }
    for (let i = 0; i < localStorage.length; i++) parts.push(localStorage.getItem(localStorage.key(i) ?? '') ?? '');
    return parts.join('\n');
  });
}

const browserOf = useBrowser();

it('files with a patient name, ID and birth date show none of them anywhere, nor store or export them', async () => {
  const forbidden = forbiddenStrings();
  expect(forbidden).toContain('Zebulonova');
  expect(forbidden).toContain('20090701');
  const { page, errors } = await openPage(browserOf());
  await page.goto(inject('baseUrl'));
  await page.locator('.local-files input[type="file"][multiple]').setInputFiles(FILES);
  await page.waitForURL(/#\/local$/);
  const steps = Number(/of (\d+)/.exec((await page.locator('.step-position').textContent()) ?? '')?.[1]);
  expect(steps).toBe(4);
  const seen: string[] = [];
  for (let step = 1; step <= steps; step++) {
    if (step > 1) await page.getByRole('button', { name: 'Next step' }).click();
    await page.waitForFunction((s) => document.querySelector('.step-position')?.textContent?.startsWith(`Step ${s} of`), step);
    await page.locator('[role="img"][data-viewport="main"][data-state="ready"]').waitFor({ timeout: 60_000 });
    seen.push(await everythingShown(page));
  }
  const leaks = (text: string): string[] => forbidden.filter((f) => text.toLowerCase().includes(f.toLowerCase()));
  expect(leaks(seen.join('\n'))).toEqual([]);

  // The library's progress export is the one file the app writes.
  await page.goto(`${inject('baseUrl')}#/`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
  const exported = readFileSync((await download.path()) ?? '', 'utf8');
  expect(leaks(exported)).toEqual([]);
  expect(leaks(await everythingShown(page))).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});
