/**
 * Progress kept in the browser: it survives a reload, is "Done" only once every step was reached, resumes at the
 * exact second the learner paused, moves by file, and a file that cannot be used says what it is and why.
 */
import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { openPage, useBrowser } from './browser';
import { bundledCase, CASE_ID, waitForStep } from './lesson';

const { timeline } = bundledCase();
const browserOf = useBrowser();

it('records steps reached, is not "Done" at the last step alone, resumes at the paused second, exports, and refuses bad imports plainly', async () => {
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
  // Straight to the last step (its key), then back to step 4, where the learner plays a little and pauses.
  const last = timeline.steps.length - 1;
  await page.keyboard.press(String(last + 1));
  await waitForStep(page, timeline, last);
  await page.keyboard.press('4');
  await waitForStep(page, timeline, 3);
  const play = page.locator('.play-button');
  await play.click();
  const clock = page.locator('.playback-time');
  const start = timeline.steps[3]!.start;
  await page.waitForFunction((from) => {
    const [m, s] = (document.querySelector('.playback-time')?.textContent ?? '').split(' / ')[0]!.split(':').map(Number);
    return m! * 60 + s! >= from + 3;
  }, start);
  await play.click();
  const paused = (await clock.textContent())!.split(' / ')[0]!;

  await page.goto(inject('baseUrl'));
  await page.reload();
  await card.waitFor();
  // Every step but not all of them reached: in progress, and the card leads back to the step of the pause.
  expect(await card.textContent()).toContain('In progress');
  expect(await card.getAttribute('href')).toContain(`#/case/${CASE_ID}/step/4`);
  await card.click();
  await waitForStep(page, timeline, 3, 60_000);
  expect((await clock.textContent())!.split(' / ')[0]).toBe(paused);
  await page.goto(inject('baseUrl'));
  await card.waitFor();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { cases: Record<string, { furthestStep: number }> };
  expect(exported.cases[CASE_ID]?.furthestStep).toBe(last);

  const dir = mkdtempSync(join(tmpdir(), 'progress-'));
  const input = page.locator('.progress-controls input[type="file"]');
  const alert = page.getByRole('alert');
  const refused = async (name: string, content: unknown): Promise<string> => {
    writeFileSync(join(dir, name), JSON.stringify(content));
    await input.setInputFiles(join(dir, name));
    await page.waitForFunction((n) => document.querySelector('[role="alert"]')?.textContent?.startsWith(n) === true, name);
    return (await alert.textContent())!;
  };
  const broken = await refused('broken.json', { progressVersion: 1, cases: { [CASE_ID]: { caseId: CASE_ID, furthestStep: 'far' } } });
  expect(broken).toContain(`broken.json is a progress file, but its record of case “${CASE_ID}” is damaged: “furthestStep” should be a number.`);
  expect(broken).toContain('Nothing was imported: your progress is unchanged.');
  expect(broken).not.toMatch(/Invalid input|expected \d/);
  const caseFile = await refused('case.json', JSON.parse(readFileSync(join(import.meta.dirname, '../../cases', CASE_ID, 'case.json'), 'utf8')));
  expect(caseFile).toContain('case.json is a case file, not a progress file.');
  expect(await card.textContent()).toContain('In progress');
  expect(errors).toEqual([]);
  await page.close();
});
