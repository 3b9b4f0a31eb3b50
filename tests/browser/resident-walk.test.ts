/**
 * The resident's walk of issue 19, end to end, in unknown mode: the case opened from the library with the keyboard
 * only, → through every step before the reveal (step 1 lands on its arrow), the scattershot list committed at step
 * 1 and the tight list typed as a revision at the CT, the question before the reveal (the revision is not
 * committed yet), "Commit my answer first", the commit, the reveal, and what the learner reads then: the score, the
 * findings checklist and "why not" (for the wrong answers the first list named). A reload comes back to the same
 * step, by the alias address.
 */
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { arrowLabelsOnScreen } from './arrows';
import { openPage, useBrowser } from './browser';
import { bundledCase, CASE_ID, stepOf, waitForStep } from './lesson';

const { timeline } = bundledCase();
const browserOf = useBrowser();
const scattershot = ['abscess', 'hematoma', 'disc', 'mets', 'leukemia', 'lymphoma', 'EMH', 'myeloma'];
const tight = ['leukemia', 'lymphoma', 'EMH'];

/** Tab until the focused element's text matches (the keyboard's way to a control); fails after `max` presses. */
async function tabTo(page: Page, text: RegExp, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const t = await page.evaluate(() => `${document.activeElement?.textContent ?? ''} ${document.activeElement?.getAttribute('aria-label') ?? ''}`);
    if (text.test(t)) return;
  }
  throw new Error(`no control matching ${text} within ${max} Tabs`);
}

it("a resident's walk in unknown mode, keyboard first: steps, two lists, the question, the reveal, the feedback, a reload", async () => {
  const { page, errors } = await openPage(browserOf(), 1400, 860, { askBeforeReveal: true });
  const history = stepOf('history');
  const ct = stepOf('ct');
  await page.goto(inject('baseUrl'));
  await page.getByRole('heading', { name: 'Teaching cases' }).waitFor();
  await tabTo(page, /Unknown mode/);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Unknown case 1' }).waitFor();
  await tabTo(page, /^Unknown case 1/);
  await page.keyboard.press('Enter');
  await waitForStep(page, timeline, 0, 40_000);
  expect(page.url()).toMatch(/#\/unknown\/[0-9a-f]{12}(\/step\/1)?$/);
  // Step 1 lands on its teaching view: the L2 lesion is pointed at.
  await expect.poll(async () => (await arrowLabelsOnScreen(page, 'left')).map((l) => l.text)).toEqual(['L2 anterior epidural']);

  // The scattershot list, committed at step 1 with findings of the first images.
  const quiz = page.getByRole('region', { name: 'Your answer' });
  await quiz.getByLabel('Findings').fill('Anterior epidural tissue at L2; posterior at L5-S1 into the sacral canal; S3.');
  await quiz.getByRole('combobox', { name: 'Diagnosis 1' }).click();
  for (const a of scattershot) {
    await page.keyboard.type(a);
    await page.keyboard.press('Enter');
  }
  expect(await quiz.getByRole('combobox').count()).toBe(scattershot.length);
  await quiz.getByRole('button', { name: 'Commit answer' }).click();
  await quiz.getByText('scored when the differential is revealed').waitFor();

  // → through the steps to the CT, the last before the reveal.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let step = 1; step <= ct; step++) {
    await page.keyboard.press('ArrowRight');
    // A step may bring a series not yet loaded (the post-contrast one, then the CT): as long as a first load.
    await waitForStep(page, timeline, step, 40_000);
  }
  expect(await page.locator('.step-position').textContent()).toContain(`Step ${ct + 1} of ${timeline.steps.length}`);

  // The tight list as a revision, with what the CT adds to the findings; not committed yet.
  await quiz.getByRole('button', { name: 'Revise answer' }).click();
  while ((await quiz.getByRole('combobox').count()) > tight.length) {
    await quiz.getByRole('button', { name: `Remove diagnosis ${await quiz.getByRole('combobox').count()}` }).click();
  }
  for (const [i, a] of tight.entries()) await quiz.getByRole('combobox', { name: `Diagnosis ${i + 1}` }).fill(a);
  await quiz.getByLabel('Findings').fill('Anterior epidural tissue at L2; posterior at L5-S1 into the sacral canal; S3; thoracic T6-T9 on CT, about 50 HU.');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  // → into the reveal: the question, since the revision is not committed; "Commit my answer first", then commit.
  await page.keyboard.press('ArrowRight');
  const dialog = page.getByRole('dialog', { name: 'This step reveals the history and the differential: commit your answer first?' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Commit my answer first' }).click();
  await dialog.waitFor({ state: 'detached' });
  await quiz.getByRole('button', { name: 'Commit revision' }).click();
  await quiz.getByText(`Last revised at step ${ct + 1}.`).waitFor();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('ArrowRight');
  await waitForStep(page, timeline, history);
  const comparison = page.getByRole('region', { name: 'Quiz comparison' });
  await comparison.waitFor();
  expect(await page.getByRole('dialog').count()).toBe(0);

  // What the learner reads.
  const score = await comparison.locator('.quiz-score').textContent();
  expect(score).toBe('Score: 100 of 100');
  const changes = await page.getByRole('region', { name: 'How your answer changed' }).textContent();
  const checklist = page.getByRole('region', { name: 'Findings checklist' });
  const tally = await checklist.locator('.checklist-tally').textContent();
  expect(tally).toBe('You had 5 of 6.');
  const missed = await checklist.locator('.checklist-missed li').allTextContents();
  expect(missed).toEqual(['Only mild enhancement after gadolinium']);
  const whyNot = await page.getByRole('region', { name: 'Why not' }).locator('li').allTextContents();
  expect(whyNot.map((t) => t.split(' — ')[0])).toEqual([
    'Abscess (in your answer at step 1, dropped later)',
    'Hematoma (in your answer at step 1, dropped later)',
    'Disc herniation (in your answer at step 1, dropped later)',
    'Metastasis (in your answer at step 1, dropped later)',
  ]);
  console.log(JSON.stringify({ score, changes, tally, missed, whyNot }, null, 1));

  // A reload comes back to the step, by the alias, with the answers as they were.
  await page.waitForFunction((n) => location.hash.endsWith(`/step/${n}`), history + 1);
  await page.reload();
  await waitForStep(page, timeline, history, 60_000);
  expect(page.url()).toMatch(new RegExp(`#/unknown/[0-9a-f]{12}/step/${history + 1}$`));
  expect(page.url()).not.toContain(CASE_ID);
  expect(await page.locator('.step-position').textContent()).toContain(`Step ${history + 1} of`);
  expect(await comparison.locator('.quiz-score').textContent()).toBe('Score: 100 of 100');
  expect(errors).toEqual([]);
  await page.close();
}, 120_000);
