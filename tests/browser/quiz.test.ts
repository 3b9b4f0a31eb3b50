/**
 * Study mode: the learner commits a ranked differential before the reveal (with suggestions from the shared
 * vocabulary and a hint saying what each line is recognised as; Enter confirms a line, never commits), revises it
 * as later steps come, then sees it compared with the case's, scored by rank with the rule in words and with what
 * changed at which step; the answer, a draft and notes survive reloads, and the case joins the "Review again"
 * list. After "Hide answers" the quiz does not reopen blind. In unknown mode the suggestions show names only,
 * never what they map to.
 */
import { expect, inject, it } from 'vitest';
import { quizKey } from '../../src/case/quiz';
import { scoreDifferential } from '../../src/case/score';
import { suggest } from '../../src/case/suggest';
import { openPage, useBrowser } from './browser';
import { bundledCase, CASE_ID, stepOf, stepUrl, waitForStep } from './lesson';

const { lesson, timeline } = bundledCase();
const browserOf = useBrowser();
/** The hint under a line the shared vocabulary does not know: the same for every case, so it gives nothing away. */
const NOT_IN_COMMON_LIST = "not in the common list: compared with the case's answer when scored";

it('commits a differential (Enter never commits), revises it at a later step, compares it after the reveal, and schedules a review', async () => {
  const key = quizKey(lesson);
  expect(key).not.toBeNull();
  // A fresh browser that asks before a revealing step: once an answer is committed it asks no more.
  const { page, errors } = await openPage(browserOf(), 1400, 860, { askBeforeReveal: true });
  await page.goto(stepUrl(inject('baseUrl'), 0));
  await waitForStep(page, timeline, 0, 60_000);
  const quiz = page.getByRole('region', { name: 'Your answer' });
  await quiz.waitFor();

  // A synonym from the shared vocabulary, picked from the suggestions after typing its first letters: the option
  // is the name alone, and the line says what it is recognised as only once it names something.
  const first = quiz.getByRole('combobox', { name: 'Diagnosis 1' });
  const hintOf = (n: number) => quiz.locator('.quiz-answers > li').nth(n - 1).locator('.quiz-recognised');
  await first.fill('chlor');
  const option = quiz.getByRole('option', { name: /^Chloroma/ });
  await option.waitFor();
  expect(await option.textContent()).toBe('Chloroma');
  expect(await hintOf(1).textContent()).toBe(NOT_IN_COMMON_LIST);
  await first.press('ArrowDown');
  await first.press('Enter');
  expect(await first.inputValue()).toBe('Chloroma');
  expect(await hintOf(1).textContent()).toBe('recognised: Leukemic infiltration');
  // Enter confirms the line and moves on: the answer is not committed at step 1 by a key.
  await first.press('Enter');
  const second = quiz.getByRole('combobox', { name: 'Diagnosis 2' });
  expect(await second.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.type('Epidural abscess');
  await page.keyboard.press('Enter');
  expect(await quiz.getByRole('combobox', { name: 'Diagnosis 3' }).evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter'); // an empty last line adds nothing
  expect(await quiz.getByRole('combobox').count()).toBe(3);
  expect(await quiz.getByRole('button', { name: 'Commit answer' }).isEnabled()).toBe(true);
  expect(await quiz.textContent()).not.toContain('Committed');
  await quiz.getByLabel('Findings').fill('Epidural soft tissue at several levels');

  // The draft survives a reload before it is committed.
  await page.reload();
  await waitForStep(page, timeline, 0, 60_000);
  expect(await quiz.getByRole('combobox', { name: 'Diagnosis 1' }).inputValue()).toBe('Chloroma');
  expect(await quiz.getByRole('combobox', { name: 'Diagnosis 2' }).inputValue()).toBe('Epidural abscess');
  await quiz.getByRole('button', { name: 'Commit answer' }).click();
  await quiz.getByText('scored when the differential is revealed').waitFor();
  expect(await page.getByRole('region', { name: 'Quiz comparison' }).count()).toBe(0);
  expect(await page.getByRole('region', { name: 'Differential diagnosis' }).count()).toBe(0);
  // "Reveal now" no longer tells a learner who committed to commit first.
  await page.getByRole('button', { name: 'Reveal now' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Reveal the answers?' });
  expect(await confirm.textContent()).toContain('Your answer is committed');
  expect(await confirm.textContent()).not.toContain('Commit to your own answer first');
  await confirm.getByRole('button', { name: 'Cancel' }).click();

  // The CT arrives at a later step: the learner revises, adding lymphoma in second place.
  const ct = stepOf('ct');
  await page.goto(stepUrl(inject('baseUrl'), ct));
  await waitForStep(page, timeline, ct, 60_000);
  await quiz.getByRole('button', { name: 'Revise answer' }).click();
  await quiz.getByRole('combobox', { name: 'Diagnosis 3' }).fill('lymphoma');
  // Ranks can be changed: lymphoma up to second place.
  await quiz.getByRole('button', { name: 'Move diagnosis 3 up' }).click();
  // A misspelling is recognised, and said to be one, before committing; a conditional diagnosis last.
  await quiz.getByRole('button', { name: 'Add a diagnosis' }).click();
  await quiz.getByRole('combobox', { name: 'Diagnosis 4' }).fill('extramedullary hematopoesis');
  expect(await hintOf(4).textContent()).toBe('recognised: Extramedullary hematopoiesis (spelling)');
  await quiz.getByRole('button', { name: 'Add a diagnosis' }).click();
  await quiz.getByRole('combobox', { name: 'Diagnosis 5' }).fill('myeloma');
  const answers = ['Chloroma', 'lymphoma', 'Epidural abscess', 'extramedullary hematopoesis', 'myeloma'];
  for (const [i, a] of answers.entries()) {
    expect(await quiz.getByRole('combobox', { name: `Diagnosis ${i + 1}` }).inputValue()).toBe(a);
  }
  await quiz.getByRole('button', { name: 'Commit revision' }).click();
  await quiz.getByText(`Last revised at step ${ct + 1}.`).waitFor();

  // The step that reveals the differential shows the comparison; the final diagnosis waits for its own step.
  const expected = scoreDifferential(answers, key!);
  const historyStep = stepOf('history');
  await page.goto(stepUrl(inject('baseUrl'), historyStep));
  await waitForStep(page, timeline, historyStep);
  const comparison = page.getByRole('region', { name: 'Quiz comparison' });
  await comparison.waitFor();
  // Chloroma 1st (4), lymphoma 2nd (2/log2 3), EMH 4th (1/log2 5): 99 of 100 earned; the abscess costs 10.
  expect([expected.earned, expected.cost, expected.score]).toEqual([99, 10, 89]);
  expect(await comparison.locator('.quiz-score').textContent()).toBe('Score: 89 of 100 (99 earned, −10 for entries not on the list)');
  expect(await comparison.locator('.quiz-rule').textContent()).toMatch(/^How it is scored: .* the higher you ranked it.* costs 10\./);
  expect(await comparison.locator('.quiz-matched li').allTextContents()).toEqual([
    "Your #1 “Chloroma”: counted as Leukemic infiltration with extraosseous epidural extension (synonym), the case's #1: +69 points",
    "Your #2 “lymphoma”: counted as Lymphoma (same name), the case's #2: +22 points",
    "Your #4 “extramedullary hematopoesis”: counted as Extramedullary hematopoiesis (spelling), the case's #3: +8 points",
  ]);
  expect(await comparison.locator('.quiz-conditional li').allTextContents()).toEqual([
    "Plasmacytoma (the case's #4) belongs on the list only with multiple myeloma, which this patient does not have: you named it (Your #5 “myeloma”); no points, no cost.",
  ]);
  expect(await comparison.locator('.quiz-missed').count()).toBe(0);
  expect(await comparison.getByRole('heading', { name: "Not in the case's differential (−10 each)" }).count()).toBe(1);
  expect(await comparison.locator('.quiz-unmatched li').allTextContents()).toEqual(['Your #3 “Epidural abscess”']);
  expect(await comparison.textContent()).toContain('Where the final diagnosis stood in your list is shown with the final diagnosis.');
  expect(await comparison.textContent()).toContain('Epidural soft tissue at several levels');
  // What changed at which step, and no question on the way in: the answer was committed.
  const history = page.getByRole('region', { name: 'How your answer changed' });
  expect(await history.textContent()).toContain('First committed at step 1.');
  expect(await history.locator('.quiz-changes li').allTextContents()).toEqual([`At step ${ct + 1} you added “lymphoma”, “extramedullary hematopoesis”, and “myeloma”.`]);
  expect(await page.getByRole('dialog').count()).toBe(0);

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

it('skipping the quiz never blocks, "Hide answers" does not reopen a blind quiz, and notes are kept across a reload', async () => {
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

  // Hiding the answers once seen: the quiz says so, and an answer committed now is marked as answered after them.
  await page.getByRole('button', { name: 'Hide answers' }).click();
  await page.getByRole('region', { name: 'Differential diagnosis' }).waitFor({ state: 'detached' });
  await quiz.getByRole('button', { name: 'Answer after all' }).click();
  expect(await quiz.textContent()).toContain('You have seen the answers');
  await quiz.getByRole('combobox', { name: 'Diagnosis 1' }).fill('Leukemia');
  await quiz.getByRole('button', { name: 'Commit answer' }).click();
  await quiz.locator('.quiz-seen-mark').getByText('Committed after the answers were shown').waitFor();
  await page.getByRole('button', { name: 'Reveal now' }).click();
  await page.getByRole('button', { name: 'Show answers' }).click();
  const history = page.getByRole('region', { name: 'How your answer changed' });
  expect(await history.textContent()).toContain('counted as not recalled');

  // The address takes the step a moment after it (use-step-in-url.ts); a reload reloads the address.
  await page.waitForFunction((n) => window.location.hash.endsWith(`/step/${n}`), before + 2);
  await page.reload();
  await waitForStep(page, timeline, before + 1, 60_000);
  expect(await page.getByRole('textbox', { name: 'My notes' }).inputValue()).toBe('Check the sacral canal on T1 first.');
  expect(errors).toEqual([]);
  await page.close();
});

it('in unknown mode, suggestions come from the shared vocabulary and show names only, never what they map to; a name only the case knows counts; one click commits with the list open', async () => {
  // A tall screen: the quiz's buttons are in view without scrolling its panel, as on a reading-room monitor.
  const { page, errors } = await openPage(browserOf(), 1400, 1300);
  // The case's own vocabulary knows one more name for its first diagnosis, which the shared vocabulary does not.
  const caseOnly = 'Blastic epidural deposit';
  await page.route(`**/cases/${CASE_ID}/case.json`, async (route) => {
    const json = (await (await route.fetch()).json()) as { vocabulary: Array<{ id: string; synonyms: string[] }> };
    for (const v of json.vocabulary) if (v.id === 'leukemic-infiltration') v.synonyms.push(caseOnly);
    await route.fulfill({ json });
  });
  await page.goto(inject('baseUrl'));
  await page.getByRole('button', { name: 'Unknown mode' }).click();
  await page.getByRole('link').filter({ hasText: lesson.unknownTitle }).first().click();
  await waitForStep(page, timeline, 0, 60_000);
  const field = page.getByRole('region', { name: 'Your answer' }).getByRole('combobox', { name: 'Diagnosis 1' });
  const list = page.getByRole('listbox', { name: 'Suggestions for diagnosis 1' });
  for (const prefix of ['ch', 'le', 'ly', 'ex', 'pl', 'my', 'gr', 'em']) {
    await field.fill(prefix);
    await list.getByRole('option').first().waitFor();
    const shown = await list.getByRole('option').allTextContents();
    // The same names whatever case is open (the shared vocabulary's), and no "(Leukemic infiltration)" after any.
    expect(shown, prefix).toEqual(suggest(prefix, 6));
    expect(shown.filter((t) => t.includes('(')), prefix).toEqual([]);
  }

  // A name only the case knows is not said to be unrecognised: it is compared with the case's answer when scored.
  const quiz = page.getByRole('region', { name: 'Your answer' });
  await field.fill(caseOnly);
  expect(await quiz.locator('.quiz-answers > li').first().locator('.quiz-recognised').textContent()).toBe(NOT_IN_COMMON_LIST);
  // With the suggestions open under line 2, one click on "Commit answer" commits: the list floats, nothing moves.
  await field.press('Enter');
  await quiz.getByRole('combobox', { name: 'Diagnosis 2' }).fill('lymph');
  await page.getByRole('listbox', { name: 'Suggestions for diagnosis 2' }).getByRole('option').first().waitFor();
  await quiz.getByRole('button', { name: 'Commit answer' }).click();
  await quiz.getByText('scored when the differential is revealed').waitFor({ timeout: 3000 });
  // And it counts, as the case's synonym.
  await page.getByRole('button', { name: 'Reveal now' }).click();
  await page.getByRole('alertdialog', { name: 'Reveal the answers?' }).getByRole('button', { name: 'Show answers' }).click();
  const matched = page.getByRole('region', { name: 'Quiz comparison' }).locator('.quiz-matched li').first();
  expect(await matched.textContent()).toMatch(new RegExp(`^Your #1 “${caseOnly}”: counted as Leukemic infiltration.* \\(synonym\\), the case's #1`));
  expect(errors).toEqual([]);
  await page.close();
});
