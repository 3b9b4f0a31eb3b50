/**
 * P11, the author's work kept safe: a draft on local files belongs to exactly those files (another set of files
 * gets a new draft, never the old one's view and arrows), a reload mid-authoring says the files must be chosen
 * again and restores the draft when they are, the Tap-to-time recording stays with the draft and goes into the
 * package, a segment can be timed past the ad-hoc case's old 10-second end, and export shows the identifying
 * information found before anything is saved.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { strFromU8, unzipSync } from 'fflate';
import { expect, inject, it } from 'vitest';
import type { ParsedCase } from '../../src/case/schema';
import { openPage, useBrowser } from './browser';
import { silentWav } from './wav';

const DICOM = join(import.meta.dirname, '../../../shared/dicom');
const SAG_DIR = join(DICOM, 'SAG-anon');
const sagFiles = readdirSync(SAG_DIR).filter((f) => f.endsWith('.dcm')).sort().slice(80, 120).map((f) => join(SAG_DIR, f));
const CT_DIR = join(DICOM, 'dcm_qa_ct/In/GE');
const ctFiles = readdirSync(CT_DIR).filter((f) => f.endsWith('.dcm')).map((f) => join(CT_DIR, f));
const browserOf = useBrowser();

const main = (page: Page): Locator => page.locator('[role="img"][data-viewport]').first();
const ready = (page: Page): Promise<void> => main(page).and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
const titleField = (page: Page): Locator => page.getByRole('region', { name: 'Case details' }).getByLabel('Title', { exact: true });
const checks = (page: Page): Locator => page.getByRole('status').filter({ hasText: /checks out|to fix/ });

async function authorOn(page: Page, files: string[]): Promise<void> {
  await page.goto(inject('baseUrl'));
  await page.locator('.local-files input[type="file"][multiple]').setInputFiles(files);
  await ready(page);
  await page.getByRole('button', { name: /^(Author a case from these files|Continue your draft)/ }).click();
  await page.getByRole('region', { name: 'Case details' }).waitFor();
  await ready(page);
}

it('keeps a draft with its own files: restored after a reload and a new pick, never over other files; recording and export', async () => {
  const { page, errors } = await openPage(browserOf());
  await authorOn(page, sagFiles);
  // A new draft holds none of the app's own words: the checker asks for the title and the segment's text.
  expect(await titleField(page).inputValue()).toBe('');
  expect(await page.locator('.problem-list').innerText()).toMatch(/Case · title: is empty[\s\S]*Segment 1 · text: is empty/);
  await titleField(page).fill('Midline anatomy draft');
  await page.getByLabel(/^Title in unknown mode/).fill('A sagittal MR');

  // A second segment timed at 26 s: the ad-hoc case used to end at 10 s, an error no field showed.
  await page.locator('.segment-pick').first().click();
  await page.getByLabel('Text of segment 1').fill('The midline, from the genu to the splenium.');
  await page.getByRole('button', { name: 'Add segment after' }).click();
  await page.getByLabel('Text of segment 2').fill('The corpus callosum, genu to splenium.');
  await page.getByLabel('Start of segment 2 (s)').fill('26');
  await expect.poll(() => checks(page).textContent()).toContain('The case checks out.');

  // The narration recording picked for Tap to time becomes the case's narration.
  const tap = page.getByRole('region', { name: 'Tap to time' });
  await tap.locator('input[type="file"]').setInputFiles({ name: 'Lecture take 1.wav', mimeType: 'audio/wav', buffer: silentWav(40) });
  await tap.getByText("This recording is the case's narration").waitFor();
  await page.waitForTimeout(600); // the draft is saved 300 ms after the last edit

  // Reload: the files are gone, the draft is not; the page says so and takes the files again.
  await page.reload();
  await page.getByRole('heading', { name: 'Choose the files again to go on authoring' }).waitFor();
  expect(await page.getByRole('list', { name: 'Drafts kept in this browser' }).innerText()).toContain('Midline anatomy draft');
  await page.locator('.local-files input[type="file"][multiple]').setInputFiles(sagFiles);
  await page.getByRole('region', { name: 'Case details' }).waitFor();
  await ready(page);
  expect(await titleField(page).inputValue()).toBe('Midline anatomy draft');
  await page.getByText('Draft restored from').waitFor();
  await tap.locator('audio').waitFor({ state: 'attached' });

  // Export: what the files held is shown first; the package carries the recording as the case's narration.
  await page.getByRole('button', { name: 'Export package' }).click();
  const review = page.getByRole('dialog', { name: 'Identifying information in these files' });
  await review.waitFor({ timeout: 60_000 });
  expect(await review.innerText()).toMatch(/Checked 40 DICOM files/);
  const [download] = await Promise.all([page.waitForEvent('download'), review.getByRole('button', { name: 'Export de-identified package' }).click()]);
  const zipPath = join(mkdtempSync(join(tmpdir(), 'drafts-')), download.suggestedFilename());
  await download.saveAs(zipPath);
  const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
  const exported = JSON.parse(strFromU8(files['case.json']!)) as ParsedCase;
  expect(exported.title).toBe('Midline anatomy draft');
  expect(exported.narration?.src).toBe('narration/lecture-take-1.wav');
  expect(files['narration/lecture-take-1.wav']?.length).toBe(silentWav(40).length);

  // Other files: a new draft, not the MR's title, view or recording; the MR draft's words may be taken over.
  await authorOn(page, ctFiles);
  expect(await titleField(page).inputValue()).toBe('');
  expect(await page.getByText('Draft restored from').count()).toBe(0);
  expect(await main(page).getAttribute('aria-label')).toMatch(/of 28$/);
  expect(await tap.locator('audio').count()).toBe(0);
  await page.getByRole('button', { name: 'Take the words of “Midline anatomy draft” (title, summary, answers)' }).click();
  expect(await titleField(page).inputValue()).toBe('Midline anatomy draft');
  expect(await main(page).getAttribute('aria-label')).toMatch(/of 28$/);
  expect(errors).toEqual([]);
  await page.close();
});

it('undoes by edit with the button and the keys alike, lists every problem with a way to its field, and previews the draft', async () => {
  const { page, errors } = await openPage(browserOf());
  await page.goto(`${inject('baseUrl')}#/author/epidural-aml`);
  await ready(page);
  const original = await titleField(page).inputValue();

  // Typing is one step of the history: Ctrl+Z outside the field takes the whole word back, Ctrl+Shift+Z redoes it.
  await titleField(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' (edited)');
  await page.getByRole('heading', { name: /^Authoring:/ }).click();
  await page.keyboard.press('Control+z');
  expect(await titleField(page).inputValue()).toBe(original);
  await page.keyboard.press('Control+Shift+z');
  expect(await titleField(page).inputValue()).toBe(`${original} (edited)`);
  // Inside the field the keys walk the same history as the button.
  await titleField(page).click();
  await page.keyboard.press('Control+z');
  expect(await titleField(page).inputValue()).toBe(original);
  await page.keyboard.press('Control+Shift+z');
  await page.getByRole('button', { name: 'Undo' }).click();
  expect(await titleField(page).inputValue()).toBe(original);

  // An empty title: the problem is listed in words and "Show" takes the author to the field.
  await titleField(page).fill('');
  await expect.poll(() => checks(page).textContent()).toMatch(/1 problem to fix/);
  const item = page.locator('.problem-list li').first();
  expect(await item.innerText()).toMatch(/^Case · title: is empty/);
  await page.getByRole('heading', { name: /^Authoring:/ }).click();
  await item.getByRole('button', { name: 'Show' }).click();
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.closest('label')?.textContent?.trim())).toBe('Title');
  expect(await page.locator('[data-problem-for="title"]').innerText()).toMatch(/Case · title: is empty/);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => checks(page).textContent()).toContain('The case checks out.');

  // Preview as a learner: the case page with the quiz and the draft's title; back to authoring, the draft intact.
  await titleField(page).fill('Previewed title');
  await page.getByRole('button', { name: 'Preview as learner' }).click();
  await page.getByRole('heading', { level: 1, name: 'Previewed title' }).waitFor();
  await page.getByRole('region', { name: 'Your answer' }).waitFor();
  await ready(page);
  await page.getByRole('button', { name: 'Back to authoring' }).click();
  expect(await titleField(page).inputValue()).toBe('Previewed title');
  // As the audience: the presenting screen, with the neutral title.
  await page.getByRole('button', { name: 'Preview as audience' }).click();
  await page.locator('.lesson.presenting').waitFor();
  expect(await page.locator('.lesson h1').innerText()).not.toContain('Previewed title');
  await page.getByRole('button', { name: 'Back to authoring' }).click();
  await titleField(page).waitFor();
  // Nothing of the preview stays in the learner's progress.
  expect(await page.evaluate(() => localStorage.getItem('ctv.progress') ?? '')).not.toContain('preview');
  expect(errors).toEqual([]);
  await page.close();
});
