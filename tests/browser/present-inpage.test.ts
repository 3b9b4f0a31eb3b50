/**
 * A case that lives only in its page is presentable like a bundled one (P11): the presenter console of a case
 * package opened in the browser, and of files picked from this computer, gets the case and its images from the
 * audience window (blob: URLs of that page), steps it, and the audience follows; no request goes to the site's
 * copy of the case.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { useBrowser } from './browser';
import { bundledCase, CASE_ID, waitForStep } from './lesson';
import { packCase } from '../../src/dicom/package/pack';
import { seedFiles } from '../fixtures/case-package';

const browserOf = useBrowser();
const { timeline } = bundledCase();
const DICOM = join(import.meta.dirname, '../../../shared/dicom');
const CT_DIR = join(DICOM, 'dcm_qa_ct/In/GE');
const ctFiles = readdirSync(CT_DIR).filter((f) => f.endsWith('.dcm')).map((f) => join(CT_DIR, f));
const MR_SMALL = join(DICOM, 'pydicom/src/pydicom/data/test_files/MR_small.dcm');
let dir: string;
let seedZip: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'present-inpage-'));
  seedZip = join(dir, `${CASE_ID}.zip`);
  writeFileSync(seedZip, packCase(await seedFiles()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function openLibrary(): Promise<{ context: BrowserContext; audience: Page; errors: string[] }> {
  const context = await browserOf().newContext({ viewport: { width: 1400, height: 860 }, serviceWorkers: 'block' });
  const errors: string[] = [];
  context.on('weberror', (e) => errors.push(e.error().message));
  const audience = await context.newPage();
  await audience.goto(inject('baseUrl'));
  return { context, audience, errors };
}

/** "Open presenter console", from the start with the answers hidden: the console window once it shows the case. */
async function openConsole(context: BrowserContext, audience: Page): Promise<Page> {
  await audience.getByRole('button', { name: 'Open presenter console' }).click();
  const [consolePage] = await Promise.all([
    context.waitForEvent('page'),
    audience.getByRole('group', { name: 'Start presenting' }).getByRole('button', { name: 'From the start, answers hidden' }).click(),
  ]);
  await consolePage.getByRole('heading', { name: 'Presenter console' }).waitFor({ timeout: 30_000 });
  await consolePage.getByRole('status').filter({ hasText: 'Audience window: connected' }).waitFor();
  return consolePage;
}

it('presents a case package from the console: the console shows it from the audience page and steps it', async () => {
  const { context, audience, errors } = await openLibrary();
  const siteCase: string[] = [];
  context.on('request', (r) => {
    // The library's card of the bundled case fetches its key image (from its own worker): not the package's page.
    const fromKeyImageWorker = /key-image-worker/.test(r.headers().referer ?? '');
    if (r.url().includes(`/cases/${CASE_ID}/`) && !fromKeyImageWorker) siteCase.push(r.url());
  });
  await audience.getByRole('region', { name: 'Open DICOM files from this computer' }).locator('input[type="file"][accept*=".zip"]').setInputFiles(seedZip);
  await waitForStep(audience, timeline, 0, 60_000);
  const consolePage = await openConsole(context, audience);
  await waitForStep(consolePage, timeline, 0, 60_000);
  expect(audience.url()).toMatch(/#\/present\/[a-z0-9]+$/);
  await consolePage.getByRole('button', { name: 'Next step' }).click();
  await waitForStep(consolePage, timeline, 1);
  await waitForStep(audience, timeline, 1);
  expect(siteCase).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

it('presents files from this computer from the console, step by step', async () => {
  const { context, audience, errors } = await openLibrary();
  await audience.getByRole('region', { name: 'Open DICOM files from this computer' }).locator('input[type="file"][multiple]').setInputFiles([MR_SMALL, ...ctFiles]);
  await audience.locator('[role="img"][data-viewport="main"][data-state="ready"]').waitFor({ timeout: 60_000 });
  const consolePage = await openConsole(context, audience);
  const consoleFrame = consolePage.locator('[role="img"][data-viewport="main"]');
  await consoleFrame.and(consolePage.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
  const first = await consoleFrame.getAttribute('aria-label');
  expect(await audience.locator('.presenting-step').textContent()).toMatch(/^1 \/ 2/);
  await consolePage.getByRole('button', { name: 'Next step' }).click();
  await expect.poll(() => audience.locator('.presenting-step').textContent()).toMatch(/^2 \/ 2/);
  await consoleFrame.and(consolePage.locator('[data-state="ready"]')).waitFor();
  expect(await consoleFrame.getAttribute('aria-label')).not.toBe(first);
  const shown = audience.locator('[role="img"][data-viewport="main"][data-state="ready"]');
  await expect.poll(() => shown.getAttribute('aria-label')).toBe(await consoleFrame.getAttribute('aria-label'));
  expect(errors).toEqual([]);
  await context.close();
});
