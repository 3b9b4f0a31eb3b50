/**
 * The built app under its own Content-Security-Policy (scripts/csp.ts, sent by the preview server): the header is
 * there, and playing the bundled case and viewing local files in every compressed syntax (the WebAssembly codecs
 * in Cornerstone's worker, our header worker, blob: URLs) raises no violation and no console error.
 */
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser } from './browser';
import { bundledCase, CASE_ID, waitForStep } from './lesson';
import { CONTENT_SECURITY_POLICY } from '../../scripts/csp';

const SHARED = join(import.meta.dirname, '../../../shared/dicom');
const CODECS = [
  'pydicom/src/pydicom/data/test_files/MR_small_jp2klossless.dcm',
  'pydicom/src/pydicom/data/test_files/MR_small_jpeg_ls_lossless.dcm',
  'pydicom/src/pydicom/data/test_files/MR_small_RLE.dcm',
  'pydicom/src/pydicom/data/test_files/SC_rgb_jpeg_gdcm.dcm',
  'pydicom/src/pydicom/data/test_files/JPGExtended.dcm',
  'pydicom/src/pydicom/data/test_files/image_dfl.dcm',
  'pydicom-data/data_store/data/HTJ2K_08_RGB.dcm',
].map((p) => join(SHARED, p));
const browserOf = useBrowser();

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Records every securitypolicyviolation the document sees, from before the app's first script. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations!.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return () => page.evaluate(() => window.__cspViolations ?? []);
}

it('serves the app with the strict policy, and playing a case raises no violation', async () => {
  const { timeline } = bundledCase();
  const { page, errors } = await openPage(browserOf());
  const violations = await watchViolations(page);
  const response = await page.goto(`${inject('baseUrl')}?clock=40#/case/${CASE_ID}/step/1`);
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  await waitForStep(page, timeline, 0, 60_000);
  await page.getByRole('button', { name: 'Play' }).click();
  // The lesson clock runs 40 times faster: the narration passes every step's cue.
  await page.waitForFunction(
    (n) => document.querySelector('.step-position')?.textContent?.startsWith(`Step ${n} of`),
    timeline.steps.length,
    { timeout: 60_000 },
  );
  await waitForStep(page, timeline, timeline.steps.length - 1, 60_000);
  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

it('local files in every compressed syntax decode under the policy (WebAssembly, workers, blob: URLs)', async () => {
  const { page, errors } = await openPage(browserOf());
  const violations = await watchViolations(page);
  await page.goto(inject('baseUrl'));
  await page.locator('.local-files input[type="file"][multiple]').setInputFiles(CODECS);
  await page.waitForURL(/#\/local$/);
  const steps = Number(/of (\d+)/.exec((await page.locator('.step-position').textContent()) ?? '')?.[1]);
  expect(steps).toBeGreaterThanOrEqual(5);
  for (let step = 1; step <= steps; step++) {
    if (step > 1) await page.getByRole('button', { name: 'Next step' }).click();
    await page.waitForFunction((s) => document.querySelector('.step-position')?.textContent?.startsWith(`Step ${s} of`), step);
    await page.locator('[role="img"][data-viewport="main"][data-state="ready"]').waitFor({ timeout: 60_000 });
  }
  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});
