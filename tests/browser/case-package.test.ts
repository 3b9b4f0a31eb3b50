/**
 * Case packages in the browser: the seed case, packed by the pure packer, is picked on the library, checked and
 * opened from memory (no request for the bundled case's files; its narration from the package), plays its first
 * two steps with ready viewports and gets a library card for the session; a hostile package dropped on the
 * library shows what is wrong.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { strToU8 } from 'fflate';
import { openPage, useBrowser } from './browser';
import { bundledCase, CASE_ID, waitForStep } from './lesson';
import { packCase } from '../../src/dicom/package/pack';
import { rawZip, seedFiles, withCase } from '../fixtures/case-package';
import { silentWav } from './wav';
import { modified } from '../unit/import-fixtures';

const browserOf = useBrowser();
const { lesson, timeline } = bundledCase();
let dir: string;
let seedZip: string;
let badCaseZip: Uint8Array;
let hostileZip: Uint8Array;
let notDeidentifiedZip: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'case-package-browser-'));
  const seed = await seedFiles();
  seedZip = join(dir, `${CASE_ID}.zip`);
  // With recorded narration, so the page must play it from the package too.
  const narrated = withCase(seed, (c) => void (c.narration = { src: 'narration.wav', kind: 'audio' }));
  narrated.set('narration.wav', silentWav(timeline.duration + 2));
  writeFileSync(seedZip, packCase(narrated));
  badCaseZip = packCase(withCase(seed, (c) => void (c.cues[0]!.at = 'no-such-segment')));
  // One file that does not say it was de-identified: opened with a warning, never stored in the browser.
  const unsure = new Map(seed);
  unsure.set('series/t1-post/0004.dcm', modified(seed.get('series/t1-post/0004.dcm')!, (f) => void delete f.dict['00120062']));
  notDeidentifiedZip = join(dir, 'unsure.zip');
  writeFileSync(notDeidentifiedZip, packCase(unsure));
  hostileZip = rawZip([
    ['case.json', seed.get('case.json')!],
    ['../../evil.dcm', strToU8('x')],
  ]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('opens a picked case package as its case, from memory, plays steps 1-2, and lists it in the library', async () => {
  const { page, errors } = await openPage(browserOf());
  const caseFileRequests: string[] = [];
  page.on('request', (r) => {
    // The library's card of the bundled case fetches its key image (from its own worker): not the package's page.
    const fromKeyImageWorker = /key-image-worker/.test(r.headers().referer ?? '');
    if (r.url().includes(`/cases/${CASE_ID}/`) && !fromKeyImageWorker) caseFileRequests.push(r.url());
  });
  // Unzipping and checking every header takes the page's thread for seconds on a big package: a worker does it.
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(inject('baseUrl'));
  const picker = page.getByRole('region', { name: 'Open DICOM files from this computer' });
  await picker.locator('input[type="file"][accept*=".zip"]').setInputFiles(seedZip);
  await page.waitForURL(new RegExp(`#/package/${CASE_ID}$`), { timeout: 60_000 });
  expect(workers.some((u) => /unpack-worker/.test(u)), `workers started: ${workers.join(', ')}`).toBe(true);

  await waitForStep(page, timeline, 0, 60_000);
  expect(await page.locator('.step-position').textContent()).toMatch(new RegExp(`^Step 1 of ${lesson.steps.length}`));
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(lesson.title);
  expect(await page.locator('.package-notice').textContent()).toContain(`Opened from the case package ${CASE_ID}.zip`);
  // The narration comes from the package's memory, whole (a blob: URL seeks without a server).
  const audio = page.locator('audio');
  expect(await audio.getAttribute('src')).toMatch(/^blob:/);
  await page.waitForFunction(() => (document.querySelector('audio')?.duration ?? 0) > 0);
  expect(await audio.evaluate((a: HTMLAudioElement) => a.duration)).toBeCloseTo(timeline.duration + 2, 0);
  await page.getByRole('button', { name: 'Next step' }).click();
  await waitForStep(page, timeline, 1);
  expect(await page.locator('.step-position').textContent()).toMatch(/^Step 2 of/);
  // Presenting works, with a console too (present-inpage.test.ts presents it).
  expect(await page.getByRole('button', { name: 'Present', exact: true }).count()).toBe(1);
  expect(await page.getByRole('button', { name: 'Open presenter console' }).count()).toBe(1);

  // Back in the library, the package has a card of its own that opens it again.
  await page.getByRole('link', { name: '← Library' }).click();
  const cards = page.getByRole('list', { name: 'Opened case packages' });
  await cards.waitFor();
  expect(await cards.textContent()).toContain(lesson.title);
  // Its picture is drawn from the package's own files in memory.
  await cards.locator('.key-image[data-state="ready"]').waitFor();
  await cards.getByRole('link').click();
  await page.waitForURL(new RegExp(`#/package/${CASE_ID}$`));
  await waitForStep(page, timeline, 0, 60_000);

  // Its files say they were de-identified, so the browser keeps it: a reload of its page opens it again from
  // there, the library lists it after a reload, and "Remove" takes it out for good.
  await expect.poll(() => page.locator('.package-notice').textContent()).toContain('Kept in this browser');
  await page.reload();
  await waitForStep(page, timeline, 0, 60_000);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(lesson.title);
  await page.getByRole('link', { name: '← Library' }).click();
  await page.reload();
  await expect.poll(() => cards.textContent()).toContain(`${CASE_ID}.zip, kept in this browser`);
  // Kept, its files are not at hand until it is opened: the card shows the placeholder.
  expect(await cards.locator('.key-image').getAttribute('data-state')).toBe('placeholder');
  await cards.getByRole('button', { name: `Remove ${lesson.title} from this browser` }).click();
  // The library was reloaded, so nothing of it is open in this page any more: its card goes, and stays gone.
  await expect.poll(() => cards.count()).toBe(0);
  await page.reload();
  await page.locator(`a[href*="#/case/${CASE_ID}"]`).first().waitFor();
  await page.waitForTimeout(500); // storage answers asynchronously: give a kept card the time to come back
  expect(await cards.count()).toBe(0);

  expect(caseFileRequests).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

it('refuses a hostile package dropped on the library, and a package whose case.json fails, naming the entry and the field', async () => {
  const { page, errors } = await openPage(browserOf());
  await page.goto(inject('baseUrl'));
  const picker = page.getByRole('region', { name: 'Open DICOM files from this computer' });
  const dataTransfer = await page.evaluateHandle((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'hostile.zip', { type: 'application/zip' }));
    return dt;
  }, [...hostileZip]);
  await picker.dispatchEvent('dragover', { dataTransfer });
  await picker.dispatchEvent('drop', { dataTransfer });
  await page.getByRole('heading', { name: 'This case package cannot be opened' }).waitFor({ timeout: 30_000 });
  expect(page.url()).toMatch(/#\/package$/);
  expect(await page.getByRole('alert').textContent()).toBe('hostile.zip: 1 problem');
  expect(await page.getByRole('list', { name: 'Package problems' }).textContent()).toBe(
    '(package): refused: entry "../../evil.dcm" climbs out of the archive folder ("..")',
  );

  // The same page (no reload): a refused package leaves no card behind.
  await page.getByRole('link', { name: 'Back to the case library' }).click();
  await picker.locator('input[type="file"][accept*=".zip"]').setInputFiles({ name: 'bad-case.zip', mimeType: 'application/zip', buffer: Buffer.from(badCaseZip) });
  await page.getByRole('list', { name: 'Package problems' }).waitFor({ timeout: 30_000 });
  expect(await page.getByRole('list', { name: 'Package problems' }).textContent()).toMatch(/^case\.json: cues\[0\]\.at: .*"no-such-segment"/);
  await page.getByRole('link', { name: 'Back to the case library' }).click();
  await page.getByRole('heading', { name: 'Teaching cases' }).waitFor();
  expect(await page.getByRole('list', { name: 'Opened case packages' }).count()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});

it('opens a package whose files do not all say they were de-identified, warns, and does not keep it in the browser', async () => {
  const { page, errors } = await openPage(browserOf());
  await page.goto(inject('baseUrl'));
  const picker = page.getByRole('region', { name: 'Open DICOM files from this computer' });
  await picker.locator('input[type="file"][accept*=".zip"]').setInputFiles(notDeidentifiedZip);
  await waitForStep(page, timeline, 0, 60_000);
  const notice = page.locator('.package-notice');
  expect(await notice.getByRole('note').textContent()).toContain('1 DICOM file does not say it was de-identified');
  expect(await notice.textContent()).toContain('is not stored in the browser');
  await page.goto(inject('baseUrl'));
  await page.reload();
  await page.locator(`a[href*="#/case/${CASE_ID}"]`).first().waitFor();
  await page.waitForTimeout(500); // storage answers asynchronously: give a kept card the time to come
  expect(await page.getByRole('list', { name: 'Opened case packages' }).count()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});
