/**
 * A step that reveals answers asks first, in a fresh browser with no answer committed: a deep link, playback and
 * "Next step" all stop before it; the dialog has the focus, Escape reveals nothing, "Commit my answer first" takes
 * the learner to the quiz, "Reveal anyway" plays on, and "don't ask again" is remembered.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, inject, it } from 'vitest';
import { openPage, useBrowser } from './browser';
import { bundledCase, CASE_ID, stepOf, waitForStep } from './lesson';

const { timeline } = bundledCase();
const browserOf = useBrowser();
const QUESTION = 'This step reveals the history and the differential: commit your answer first?';

it('asks before the reveal: from a deep link, playback and Next; Escape, commit first, reveal anyway and play on, never again', async () => {
  const { page, errors } = await openPage(browserOf(), 1400, 860, { askBeforeReveal: true });
  const reveal = stepOf('history');
  const ddx = page.getByRole('region', { name: 'Differential diagnosis' });
  const dialog = page.getByRole('dialog', { name: QUESTION });
  const position = page.locator('.step-position');

  // A deep link into the revealing step: the step before it, and the question, with the focus on the safe choice.
  await page.goto(`${inject('baseUrl')}?clock=20#/case/${CASE_ID}/step/${reveal + 1}`);
  await dialog.waitFor();
  await waitForStep(page, timeline, reveal - 1, 60_000);
  expect(await position.textContent()).toContain(`Step ${reveal} of ${timeline.steps.length}`);
  expect(await ddx.count()).toBe(0);
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Commit my answer first');
  const axe = await new AxeBuilder({ page }).include('dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(await ddx.count()).toBe(0);
  await page.waitForFunction((n) => window.location.hash.endsWith(`/step/${n}`), reveal);
  // Back to the address of the link: asked again; declined, the address shows the step on screen.
  await page.goBack();
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await page.waitForFunction((n) => window.location.hash.endsWith(`/step/${n}`), reveal);
  expect(await ddx.count()).toBe(0);

  // Playing into it stops before it and asks; "Commit my answer first" leads to the quiz.
  const play = page.locator('.play-button');
  await play.click();
  await dialog.waitFor({ timeout: 30_000 });
  expect(await play.textContent()).toBe('Play');
  expect(await position.textContent()).toContain(`Step ${reveal} of`);
  await dialog.getByRole('button', { name: 'Commit my answer first' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.closest('section[aria-label="Your answer"]') !== null);
  expect(await ddx.count()).toBe(0);

  // "Next step" asks too; Escape keeps the step.
  await page.getByRole('button', { name: 'Next step' }).click();
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(await position.textContent()).toContain(`Step ${reveal} of`);

  // "Reveal anyway" during playback reveals and plays on from where playback stopped.
  await play.click();
  await dialog.waitFor({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Reveal anyway' }).click();
  await ddx.waitFor();
  await waitForStep(page, timeline, reveal);
  expect(await play.textContent()).toBe('Pause');
  await play.click();

  // "Don't ask again" is remembered in this browser: with no answer and nothing seen (progress cleared), as before
  // it asks once more; chosen, it never asks again.
  const fresh = async (): Promise<void> => {
    await page.goto(`${inject('baseUrl')}#/`);
    await page.getByRole('heading', { name: 'Teaching cases' }).waitFor();
    await page.evaluate(() => localStorage.removeItem('ctv.progress'));
    await page.goto(`${inject('baseUrl')}#/case/${CASE_ID}/step/${reveal}`);
    await waitForStep(page, timeline, reveal - 1, 60_000);
    await page.getByRole('button', { name: 'Next step' }).click();
  };
  await fresh();
  await dialog.getByRole('button', { name: "Reveal, and don't ask again" }).click();
  await ddx.waitFor();
  await fresh();
  await ddx.waitFor();
  expect(await dialog.count()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});

it('asks once: after "Reveal anyway" at the history, the biopsy step that reveals the rest does not ask; "Commit first" and a commit stop it too', async () => {
  const { page, errors } = await openPage(browserOf(), 1400, 860, { askBeforeReveal: true });
  // The seed case with its differential held back to the biopsy step: the history comes first, on a step of its own.
  await page.route(`**/cases/${CASE_ID}/case.json`, async (route) => {
    const json = (await (await route.fetch()).json()) as { reveal: Array<{ kind: string; revealAt: string }> };
    for (const r of json.reveal) if (r.kind === 'differential') r.revealAt = 'biopsy';
    await route.fulfill({ json });
  });
  const history = stepOf('history');
  const biopsy = stepOf('biopsy');
  const dialog = page.getByRole('dialog');
  const ddx = page.getByRole('region', { name: 'Differential diagnosis' });
  const next = page.getByRole('button', { name: 'Next step' });

  await page.goto(`${inject('baseUrl')}#/case/${CASE_ID}/step/${history}`);
  await waitForStep(page, timeline, history - 1, 60_000);
  await next.click();
  await page.getByRole('dialog', { name: 'This step reveals the history: commit your answer first?' }).waitFor();
  await dialog.getByRole('button', { name: 'Reveal anyway' }).click();
  await page.getByRole('region', { name: 'Clinical history' }).waitFor();
  await waitForStep(page, timeline, history);
  await next.click();
  await ddx.waitFor();
  await waitForStep(page, timeline, biopsy);
  expect(await dialog.count()).toBe(0);

  // Another attempt (progress cleared): "Commit my answer first", a commit, and no step asks after it.
  await page.goto(`${inject('baseUrl')}#/`);
  await page.getByRole('heading', { name: 'Teaching cases' }).waitFor();
  await page.evaluate(() => localStorage.removeItem('ctv.progress'));
  await page.goto(`${inject('baseUrl')}#/case/${CASE_ID}/step/${history}`);
  await waitForStep(page, timeline, history - 1, 60_000);
  await next.click();
  await dialog.getByRole('button', { name: 'Commit my answer first' }).click();
  const quiz = page.getByRole('region', { name: 'Your answer' });
  await quiz.getByRole('combobox', { name: 'Diagnosis 1' }).fill('leukemia');
  await quiz.getByRole('button', { name: 'Commit answer' }).click();
  await next.click();
  await waitForStep(page, timeline, history);
  await next.click();
  await ddx.waitFor();
  expect(await dialog.count()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});
