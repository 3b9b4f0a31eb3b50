/**
 * After the reveal (issue 19, items 13 and 14): the findings checklist, pre-ticked from what the learner wrote,
 * ticked by hand, kept across a reload, each item leading to its step; and "why not" for the wrong answers named.
 */
import { describe, expect, inject, it } from 'vitest';
import { openPage, useBrowser } from './browser';
import { bundledCase, stepOf, stepUrl, waitForStep } from './lesson';

const { lesson, timeline } = bundledCase();
const historyStep = stepOf('history');
const browserOf = useBrowser();

describe('after the reveal', () => {
  it('checks the findings against what the learner wrote and says why their wrong answers are wrong', async () => {
    const { page, errors } = await openPage(browserOf());
    await page.goto(stepUrl(inject('baseUrl'), 0));
    await waitForStep(page, timeline, 0, 60_000);
    const quiz = page.getByRole('region', { name: 'Your answer' });
    await quiz.getByRole('combobox', { name: 'Diagnosis 1' }).fill('abscess');
    await quiz.getByRole('combobox', { name: 'Diagnosis 2' }).fill('leukemia');
    await quiz.getByRole('combobox', { name: 'Diagnosis 3' }).fill('hematoma');
    // Written last: leaving the diagnosis field closes its suggestions.
    await quiz.getByLabel('Findings').fill('Anterior epidural tissue at L2; posterior at L5/S1 into the sacral canal. On CT about 50 HU.');
    // Nothing of the checklist or "why not" before the reveal.
    expect(await page.getByRole('region', { name: 'Findings checklist' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Why not' }).count()).toBe(0);
    await quiz.getByRole('button', { name: 'Commit answer' }).click();
    await quiz.getByText('scored when the differential is revealed').waitFor();

    await page.keyboard.press(String(historyStep + 1));
    await waitForStep(page, timeline, historyStep);
    const checklist = page.getByRole('region', { name: 'Findings checklist' });
    const boxes = checklist.getByRole('checkbox');
    const ticked = async (): Promise<boolean[]> => Promise.all((await boxes.all()).map((b) => b.isChecked()));
    expect(await boxes.count()).toBe(lesson.findings.length);
    expect(await ticked()).toEqual([true, true, false, false, false, true]);
    await checklist.getByText('You had 3 of 6.').waitFor();
    expect(await checklist.locator('.checklist-missed li').allTextContents()).toEqual(
      [lesson.findings[2], lesson.findings[3], lesson.findings[4]].map((f) => f?.text),
    );
    await checklist.getByRole('checkbox', { name: lesson.findings[2]?.text ?? '' }).check();
    await checklist.getByText('You had 4 of 6.').waitFor();

    const whyNot = page.getByRole('region', { name: 'Why not' });
    const reasons = await whyNot.getByRole('listitem').allTextContents();
    expect(reasons).toEqual([
      `Abscess (your #1) — ${lesson.whyNot[0]?.reason}`,
      `Hematoma (your #3) — ${lesson.whyNot[1]?.reason}`,
    ]);

    // The ticks are the learner's: still there after a reload.
    await page.waitForFunction((n) => location.hash.endsWith(`/step/${n}`), historyStep + 1);
    await page.reload();
    await waitForStep(page, timeline, historyStep, 60_000);
    expect(await ticked()).toEqual([true, true, true, false, false, true]);

    // Each item leads to the step that shows it.
    await checklist.getByRole('button', { name: `Show me (step ${stepOf('ct') + 1})` }).first().click();
    await waitForStep(page, timeline, stepOf('ct'));
    expect(errors).toEqual([]);
    await page.close();
  });
});
