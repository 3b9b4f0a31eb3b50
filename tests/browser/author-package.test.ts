/**
 * P10 end to end: from real files dropped on the library, an author makes a three-step case (a captured view, an
 * arrow, a revealed diagnosis), exports it as a package, reloads, opens the package, and plays it: the viewport
 * shows the captured image and window, and the arrow stands on the spot that was clicked. The package's DICOM is
 * de-identified on the way out.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { unzipSync, strFromU8 } from 'fflate';
import dicomParser from 'dicom-parser';
import { expect, inject, it } from 'vitest';
import type { ParsedCase } from '../../src/case/schema';
import { arrowTipsOnScreen } from './arrows';
import { openPage, useBrowser } from './browser';
import { decodePng, patchStats, screenshotWithCss } from './lesson';

const DICOM = join(import.meta.dirname, '../../../shared/dicom');
const CT_DIR = join(DICOM, 'dcm_qa_ct/In/GE');
const ctFiles = readdirSync(CT_DIR).filter((f) => f.endsWith('.dcm')).map((f) => join(CT_DIR, f));
const MR_SMALL = join(DICOM, 'pydicom/src/pydicom/data/test_files/MR_small.dcm');
const browserOf = useBrowser();

const main = (page: Page): Locator => page.locator('[role="img"][data-viewport]').first();
const ready = (page: Page): Promise<void> => main(page).and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });

/** Mean gray of a small patch of the rendered image (arrows and overlays hidden) around a page point. */
async function grayAt(frame: Locator, x: number, y: number): Promise<number> {
  const box = (await frame.boundingBox())!;
  const png = decodePng(await screenshotWithCss(frame, '.viewport svg, .viewport-overlay, .link-buttons { visibility: hidden !important; }'));
  return patchStats(png, x - box.x - 2, y - box.y - 2, 5, 5).mean;
}

it('authors a case from dropped files, exports a package, and plays it back with the view and arrow as made', async () => {
  const { page, errors } = await openPage(browserOf());
  await page.goto(inject('baseUrl'));
  await page.locator('.local-files input[type="file"][multiple]').setInputFiles([MR_SMALL, ...ctFiles]);
  await ready(page);
  await page.getByRole('button', { name: 'Author a case from these files' }).click();
  await ready(page);
  const status = page.getByRole('status').filter({ hasText: /checks out|to fix/ });

  await page.getByLabel('Title', { exact: true }).fill('Authored from dropped files');
  await page.getByLabel(/^Title in unknown mode/).fill('A CT and an MR');
  await page.getByLabel(/^Case id/).fill('authored-demo');

  // Each series' segment starts without words (the app writes none for the author): write them, and find the CT
  // (the series with many images) on the way.
  let ctStep = -1;
  for (let k = 0; k < 2; k++) {
    await page.locator('.segment-pick').nth(k).click();
    await page.getByLabel(`Text of segment ${k + 1}`).fill(`What series ${k + 1} shows.`);
    await ready(page);
    if ((await main(page).getAttribute('aria-label'))?.endsWith('of 28')) ctStep = k;
  }
  expect(ctStep).toBeGreaterThanOrEqual(0);
  await page.locator('.segment-pick').nth(ctStep).click();
  await page.waitForFunction(() => document.querySelector('[role="img"][data-viewport]')?.getAttribute('aria-label')?.endsWith('of 28'));
  await ready(page);
  const frame = main(page);
  const box = (await frame.boundingBox())!;
  const start = Number(await frame.getAttribute('data-image-index'));
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 120);
  await expect.poll(async () => Number(await frame.getAttribute('data-image-index'))).not.toBe(start);
  const captured = Number(await frame.getAttribute('data-image-index'));
  await page.getByRole('button', { name: 'Capture view' }).click();
  await page.getByLabel('Arrow label').fill('Look here');
  await page.getByRole('button', { name: 'Place arrow' }).click();
  const click: [number, number] = [box.x + box.width * 0.5, box.y + box.height * 0.5];
  const grayAuthored = await grayAt(frame, ...click);
  await page.mouse.click(...click);
  await expect.poll(async () => (await arrowTipsOnScreen(page, 'main')).length).toBe(1);

  // A third step with its own segment, and the final diagnosis revealed there.
  await page.getByRole('button', { name: 'Add step' }).click();
  // New fields start empty (a placeholder, and the check at the field) until the author writes them.
  await page.getByLabel('Title of step 3').fill('The answer');
  await page.locator('.segment-pick').last().click();
  await page.getByRole('button', { name: 'Add segment after' }).click();
  const n = await page.locator('.segment-pick').count();
  await page.getByLabel(`Step of segment ${n}`).selectOption({ index: 2 });
  await page.getByLabel(`Text of segment ${n}`).fill('And the answer.');
  await page.getByRole('button', { name: 'Add final diagnosis' }).click();
  await page.getByLabel('Diagnosis', { exact: true }).fill('A normal CT head');
  await page.getByLabel('Proof', { exact: true }).fill('Clinical follow-up');
  await expect.poll(() => status.textContent()).toContain('The case checks out.');

  // Before anything is saved, the author sees what identifying information the files held and what is done to it.
  await page.getByRole('button', { name: 'Export package' }).click();
  const review = page.getByRole('dialog', { name: 'Identifying information in these files' });
  await review.waitFor({ timeout: 30_000 });
  const found = await review.getByRole('list', { name: 'Identifying attributes found' }).innerText();
  expect(found).toMatch(/Patient ID: replaced/);
  expect(found).toMatch(/Patient name: replaced/);
  const [download] = await Promise.all([page.waitForEvent('download'), review.getByRole('button', { name: 'Export de-identified package' }).click()]);
  // Saved under its suggested name: the library tells a package by its .zip name.
  const zipPath = join(mkdtempSync(join(tmpdir(), 'authored-')), download.suggestedFilename());
  await download.saveAs(zipPath);
  expect(download.suggestedFilename()).toBe('authored-demo.zip');
  const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
  const exported = JSON.parse(strFromU8(files['case.json']!)) as ParsedCase;
  expect(exported.steps).toHaveLength(3);
  // Every DICOM file in the package says it was de-identified, and no longer carries the source's patient name.
  const sourceName = dicomParser.parseDicom(new Uint8Array(readFileSync(MR_SMALL))).string('x00100010') ?? '';
  for (const [path, bytes] of Object.entries(files).filter(([p]) => p.endsWith('.dcm'))) {
    const ds = dicomParser.parseDicom(bytes, { untilTag: 'x7fe00010' });
    expect(ds.string('x00120062'), path).toBe('YES');
    if (sourceName) expect(ds.string('x00100010') ?? '', path).not.toBe(sourceName);
  }

  // Reload: the dropped files are gone; the package brings the case back.
  await page.goto(inject('baseUrl'));
  await page.reload();
  await page.locator('.local-files input[type="file"][accept*="zip"]').setInputFiles(zipPath);
  await page
    .waitForFunction(() => window.location.hash.startsWith('#/package/authored-demo'))
    .catch(async (e: Error) => {
      throw new Error(`the package did not open: ${(await page.locator('body').innerText()).slice(0, 600)} (${e.message})`);
    });
  await ready(page);
  for (let i = 0; i < ctStep; i++) await page.getByRole('button', { name: 'Next step' }).click();
  await page.waitForFunction((i) => Number(document.querySelector('[role="img"][data-viewport]')?.getAttribute('data-image-index')) === i, captured);
  await ready(page);
  const tips = await arrowTipsOnScreen(page, 'main');
  expect(tips).toHaveLength(1);
  const grayPlayed = await grayAt(main(page), ...tips[0]!);
  expect(Math.abs(grayPlayed - grayAuthored)).toBeLessThan(25);
  expect(errors).toEqual([]);
  await page.close();
});
