/** Progress kept in the browser: it survives a reload, resumes where the learner was, and moves by file. */
import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { openPage, useBrowser } from './browser';
import { bundledCase, CASE_ID, waitForStep } from './lesson';

const { timeline } = bundledCase();
const browserOf = useBrowser();

it('records steps reached, shows "In progress" after a reload, resumes there, exports, and refuses a bad import', async () => {
  const { page, errors } = await openPage(browserOf());
  await page.goto(inject('baseUrl'));
  const card = page.locator(`a[href*="#/case/${CASE_ID}"]`);
  await card.waitFor();
  expect(await card.textContent()).toContain('New');

  await card.click();
  await waitForStep(page, timeline, 0, 60_000);
  await page.getByRole('button', { name: 'Next step' }).click();
  await page.getByRole('button', { name: 'Next step' }).click();
  await waitForStep(page, timeline, 2);

  await page.goto(inject('baseUrl'));
  await page.reload();
  await card.waitFor();
  expect(await card.textContent()).toContain('In progress');
  expect(await card.getAttribute('href')).toContain(`#/case/${CASE_ID}/step/3`);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { cases: Record<string, { furthestStep: number }> };
  expect(exported.cases[CASE_ID]?.furthestStep).toBe(2);

  const bad = join(mkdtempSync(join(tmpdir(), 'progress-')), 'broken.json');
  writeFileSync(bad, JSON.stringify({ progressVersion: 1, cases: { [CASE_ID]: { caseId: CASE_ID, furthestStep: 'far' } } }));
  await page.locator('.progress-controls input[type="file"]').setInputFiles(bad);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toMatch(/broken\.json: not a progress file: cases\.epidural-aml\.\w+/);
  expect(await alert.textContent()).toContain('Your progress is unchanged');
  expect(await card.textContent()).toContain('In progress');
  expect(errors).toEqual([]);
  await page.close();
});
