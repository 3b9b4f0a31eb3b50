/**
 * Offline: the app shell is installed by its service worker; "Save for offline" keeps a case's every file;
 * with the network off, a reload still opens the library and the saved case plays step by step.
 */
import { expect, inject, it } from 'vitest';
import { useBrowser } from './browser';
import { bundledCase, CASE_ID, stepUrl, waitForStep } from './lesson';

const { timeline } = bundledCase();
const browserOf = useBrowser();

it('saves the seed case for offline use, then opens and steps through it with the network off', async () => {
  const context = await browserOf().newContext({ viewport: { width: 1400, height: 860 }, serviceWorkers: 'allow' });
  const errors: string[] = [];
  context.on('weberror', (e) => errors.push(e.error().message));
  const page = await context.newPage();
  await page.goto(inject('baseUrl'));
  // The service worker has installed the shell and controls the page.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  const controls = page.getByRole('group', { name: /^Offline copy of .*lumbar MR/ });
  await controls.getByRole('button', { name: 'Save for offline' }).click();
  const saved = controls.getByRole('status').filter({ hasText: 'Saved for offline' });
  await saved.waitFor({ timeout: 60_000 });
  expect(Number(/\(([\d.]+) MB\)/.exec((await saved.textContent()) ?? '')?.[1])).toBeGreaterThan(1);
  expect(await controls.textContent()).toMatch(/of this browser's storage in use/);

  await context.setOffline(true);
  await page.reload();
  await page.locator(`a[href*="#/case/${CASE_ID}"]`).waitFor();
  await page.goto(stepUrl(inject('baseUrl'), 0));
  await waitForStep(page, timeline, 0, 60_000);
  for (let step = 1; step < timeline.steps.length; step++) {
    await page.getByRole('button', { name: 'Next step' }).click();
    await waitForStep(page, timeline, step);
  }

  // Back online, the offline copy can be removed.
  await context.setOffline(false);
  await page.goto(inject('baseUrl'));
  await controls.getByRole('button', { name: 'Remove offline copy' }).click();
  await controls.getByRole('button', { name: 'Save for offline' }).waitFor();
  const left = await page.evaluate(
    async (id) => (await (await caches.open('ctv-cases-v1')).keys()).filter((r) => r.url.includes(`/cases/${id}/`)).length,
    CASE_ID,
  );
  expect(left).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});
