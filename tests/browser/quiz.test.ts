/**
 * Study mode: the learner commits a ranked differential before the reveal (with suggestions from the case's
 * vocabulary), then sees it compared with the case's; the answer, a draft and notes survive reloads, and the
 * case joins the "Review again" list.
 */
import { expect, inject, it } from 'vitest';
import { quizKey, scoreDifferential } from '../../src/case/quiz';
import { openPage, useBrowser } from './browser';
import { bundledCase, CASE_ID, stepOf, stepUrl, waitForStep } from './lesson';

const { lesson, timeline } = bundledCase();
const browserOf = useBrowser();

it('commits a differential, compares it after the reveal (synonyms count), and schedules a review', async () => {
  const key = quizKey(lesson);
  expect(key).not.toBeNull();
  const { page, errors } = await openPage(browserOf());
  await page.goto(stepUrl(inject('baseUrl'), 0));
  await waitForStep(page, timeline, 0, 60_000);
  const quiz = page.getByRole('region', { name: 'Your answer' });
  await quiz.waitFor();

  // A synonym from the vocabulary, picked from the suggestions after typing its first letters.
  const first = quiz.getByRole('combobox', { name: 'Diagnosis 1' });
  await first.fill('chlor');
  const option = quiz.getByRole('option', { name: /^Chloroma/ });
  await option.waitFor();
  expect(await option.textContent()).toContain('Leukemic infiltration');
  await first.press('ArrowDown');
  await first.press('Enter');
  expect(await first.inputValue()).toBe('Chloroma');
  await quiz.getByRole('combobox', { name: 'Diagnosis 2' }).fill('Epidural abscess');
  await quiz.getByLabel('Findings').fill('Epidural soft tissue at several levels');

  // The draft survives a reload before it is committed.
  await page.reload();
  await waitForStep(page, timeline, 0, 60_000);
  expect(await quiz.getByRole('combobox', { name: 'Diagnosis 1' }).inputValue()).toBe('Chloroma');
  expect(await quiz.getByRole('combobox', { name: 'Diagnosis 2' }).inputValue()).toBe('Epidural abscess');
  await quiz.getByRole('combobox', { name: 'Diagnosis 3' }).fill('lymphoma');
  // Ranks can be changed: lymphoma up to second place.
  await quiz.getByRole('button', { name: 'Move diagnosis 3 up' }).click();
  const answers = ['Chloroma', 'lymphoma', 'Epidural abscess'];
  for (const [i, a] of answers.entries()) {
    expect(await quiz.getByRole('combobox', { name: `Diagnosis ${i + 1}` }).inputValue()).toBe(a);
  }
  await quiz.getByRole('button', { name: 'Commit answer' }).click();
  await quiz.getByText('scored when the differential is revealed').waitFor();
  expect(await page.getByRole('region', { name: 'Quiz comparison' }).count()).toBe(0);
  expect(await page.getByRole('region', { name: 'Differential diagnosis' }).count()).toBe(0);

  // The step that reveals the differential shows the comparison; the final diagnosis waits for its own step.
  const expected = scoreDifferential(answers, key!);
  const historyStep = stepOf('history');
  await page.goto(stepUrl(inject('baseUrl'), historyStep));
  await waitForStep(page, timeline, historyStep);
  const comparison = page.getByRole('region', { name: 'Quiz comparison' });
  await comparison.waitFor();
  expect(await comparison.locator('.quiz-score').textContent()).toBe(`Score: ${expected.score} of ${expected.maxScore}`);
  expect(await comparison.locator('.quiz-rule').textContent()).toBe(expected.rule);
  const matched = await comparison.locator('.quiz-matched li').allTextContents();
  expect(matched).toHaveLength(expected.matched.length);
  expect(matched[0]).toContain('“Chloroma” = Leukemic infiltration');
  expect(await comparison.locator('.quiz-missed li').allTextContents()).toEqual(
    expected.missed.map((m) => `${m.diagnosis} (the case's #${m.caseRank + 1})`),
  );
  expect(await comparison.locator('.quiz-unmatched li').allTextContents()).toEqual(['Your #3 “Epidural abscess”']);
  expect(await comparison.textContent()).toContain('Where the final diagnosis stood in your list is shown with the final diagnosis.');
  expect(await comparison.textContent()).toContain('Epidural soft tissue at several levels');

  const biopsy = stepOf('biopsy');
  await page.getByRole('button', { name: 'Next step' }).click();
  await waitForStep(page, timeline, biopsy);
  const finalName = key!.entries[key!.finalIndex]!.diagnosis;
  expect(expected.finalRank).toBe(1);
  expect(await comparison.locator('.quiz-final').textContent()).toBe(`Your first choice was the final diagnosis, ${finalName}.`);

  // The library lists the case to review again, from its score.
  await page.goto(inject('baseUrl'));
  const review = page.getByRole('region', { name: 'Review again' });
  await review.waitFor();
  expect(await review.textContent()).toContain(`last score ${expected.score} of ${expected.maxScore}`);
  expect(await review.getByRole('link').getAttribute('href')).toBe(`#/case/${CASE_ID}/step/1`);
  expect(errors).toEqual([]);
  await page.close();
});

it('skipping the quiz never blocks, and notes are kept across a reload', async () => {
  const { page, errors } = await openPage(browserOf());
  const before = stepOf('history') - 1;
  await page.goto(stepUrl(inject('baseUrl'), before));
  await waitForStep(page, timeline, before, 60_000);
  const quiz = page.getByRole('region', { name: 'Your answer' });
  expect(await quiz.textContent()).toContain('The answers come with the next step');
  await quiz.getByRole('button', { name: 'Skip' }).click();
  await quiz.getByText('Quiz skipped.').waitFor();

  const notes = page.getByRole('textbox', { name: 'My notes' });
  await notes.fill('Check the sacral canal on T1 first.');
  await notes.blur();
  await page.getByRole('button', { name: 'Next step' }).click();
  await waitForStep(page, timeline, before + 1);
  await page.getByRole('region', { name: 'Differential diagnosis' }).waitFor();
  expect(await quiz.textContent()).toContain('You did not commit a differential');

  // The address takes the step a moment after it (use-step-in-url.ts); a reload reloads the address.
  await page.waitForFunction((n) => window.location.hash.endsWith(`/step/${n}`), before + 2);
  await page.reload();
  await waitForStep(page, timeline, before + 1, 60_000);
  expect(await page.getByRole('textbox', { name: 'My notes' }).inputValue()).toBe('Check the sacral canal on T1 first.');
  expect(errors).toEqual([]);
  await page.close();
});
