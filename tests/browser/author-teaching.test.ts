/**
 * Issue 19 in author mode (P13): a faculty member sets the teaching fields without touching JSON. On the bundled
 * case: where a step lands, a conditional differential entry, an acceptable alternative (a name already on the
 * list is said at its field, and "Show" leads there), a findings item and a "why not" item, typed and clicked;
 * undo and redo of the typed reason; export; the draft after a reload; then the preview as a learner lands on the
 * chosen segment, and after the reveal shows the condition, the alternative and the new "why not".
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import type { ParsedCase } from '../../src/case/schema';
import { openPage, useBrowser } from './browser';
import { bundledCase, CASE_ID, stepOf } from './lesson';

const browserOf = useBrowser();
const { lesson } = bundledCase();

const ready = (page: Page): Promise<void> =>
  page.locator('[role="img"][data-viewport][data-state="ready"]').first().waitFor({ timeout: 60_000 });
const checkStatus = (page: Page) => page.getByRole('status').filter({ hasText: /checks out|to fix/ });
const currentSegment = (page: Page): Promise<string> =>
  page.getByRole('region', { name: 'Transcript' }).locator('[aria-current="true"]').innerText();

const extent = lesson.transcript.find((s) => s.id === 'l5s1-extent')!;
const extentNumber = lesson.transcript.indexOf(extent) + 1;
const REASON = 'It lies inside the dura, at one level.';
const finding = lesson.findings.length + 1;
const wrong = lesson.whyNot.length + 1;

it('sets landing, conditional and acceptable answers, a finding and a why-not by hand; they export, survive a reload and teach in the preview', async () => {
  const { page, errors } = await openPage(browserOf());
  await page.goto(`${inject('baseUrl')}#/author/${CASE_ID}`);
  await ready(page);

  // Step 2 lands on its second segment.
  const steps = page.getByRole('region', { name: 'Steps editor' });
  await steps.getByLabel('Step 2 lands on').selectOption({ label: `Segment ${extentNumber}: ${extent.text.slice(0, 40)}…` });

  // Diagnosis 3 only with a history; an acceptable name that is on the list already is said where it stands.
  const answers = page.getByRole('region', { name: 'Reveal editor' });
  await answers.getByLabel('Only with this history, for diagnosis 3').fill('chronic severe anemia');
  const acceptable = answers.getByLabel(/^Also acceptable/);
  await acceptable.fill('Epidural metastasis\nLymphoma');
  const problem = 'Answer “Differential diagnosis” · also acceptable · line 2: "Lymphoma" is on the differential already';
  await expect.poll(() => answers.locator('[data-problem-for$=".acceptable"]').innerText()).toBe(problem);
  const list = page.locator('.problem-list li').filter({ hasText: 'also acceptable' });
  expect(await list.innerText()).toContain(problem);
  await page.getByRole('button', { name: 'Undo' }).focus();
  await list.getByRole('button', { name: 'Show' }).click();
  await expect.poll(() => acceptable.evaluate((el) => el === document.activeElement)).toBe(true);
  await acceptable.fill('Epidural metastasis\nLangerhans cell histiocytosis');

  // A finding, shown at the CT step.
  const findings = page.getByRole('region', { name: 'Findings checklist editor' });
  await findings.getByRole('button', { name: 'Add a finding' }).click();
  await findings.getByLabel(`Finding ${finding}`, { exact: true }).fill('Intact vertebral bodies on CT');
  await findings.getByLabel(`Words that tick finding ${finding}, one per line`).fill('intact');
  await findings.getByLabel(`Step that shows finding ${finding}`).selectOption({ label: `${stepOf('ct') + 1}. Thoracic spine CT` });

  // A wrong answer; its reason typed key by key is one undo step.
  const whyNot = page.getByRole('region', { name: 'Why not editor' });
  await whyNot.getByRole('button', { name: 'Add a wrong answer' }).click();
  await whyNot.getByLabel(`Wrong answer ${wrong}`, { exact: true }).fill('Schwannoma');
  const reason = whyNot.getByLabel(`Why not, for wrong answer ${wrong}`);
  await reason.pressSequentially(REASON);
  await page.getByRole('button', { name: 'Undo' }).click();
  expect(await reason.inputValue()).toBe('');
  expect(await whyNot.getByLabel(`Wrong answer ${wrong}`, { exact: true }).inputValue()).toBe('Schwannoma');
  await page.getByRole('button', { name: 'Redo' }).click();
  expect(await reason.inputValue()).toBe(REASON);
  await expect.poll(() => checkStatus(page).textContent()).toContain('The case checks out.');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export case.json' }).click()]);
  const out = JSON.parse(readFileSync((await download.path())!, 'utf8')) as ParsedCase;
  expect(out.steps[1]).toEqual({ ...lesson.steps[1], landing: 'l5s1-extent' });
  const ddx = out.reveal.find((r) => r.kind === 'differential');
  expect(ddx?.kind === 'differential' && ddx.entries[2]?.conditional).toBe('chronic severe anemia');
  expect(ddx?.kind === 'differential' && ddx.acceptable).toEqual(['Epidural metastasis', 'Langerhans cell histiocytosis']);
  expect(out.findings[finding - 1]).toEqual({ text: 'Intact vertebral bodies on CT', match: ['intact'], step: 'ct' });
  expect(out.whyNot[wrong - 1]).toEqual({ diagnosis: 'Schwannoma', reason: REASON });

  // The draft is kept: after a reload every field reads as left.
  await page.reload();
  await ready(page);
  expect(await steps.getByLabel('Step 2 lands on').inputValue()).toBe('l5s1-extent');
  expect(await answers.getByLabel('Only with this history, for diagnosis 3').inputValue()).toBe('chronic severe anemia');
  expect(await findings.getByLabel(`Finding ${finding}`, { exact: true }).inputValue()).toBe('Intact vertebral bodies on CT');
  expect(await whyNot.getByLabel(`Why not, for wrong answer ${wrong}`).inputValue()).toBe(REASON);

  // As a learner: "Next step" lands on the chosen segment; after the reveal the new answers teach.
  await page.getByRole('button', { name: 'Preview as learner' }).click();
  await ready(page);
  const quiz = page.getByRole('region', { name: 'Your answer' });
  await quiz.getByRole('combobox', { name: 'Diagnosis 1' }).fill('schwannoma');
  await quiz.getByRole('combobox', { name: 'Diagnosis 2' }).fill('leukemia');
  await quiz.getByRole('combobox', { name: 'Diagnosis 3' }).fill('Langerhans cell histiocytosis');
  await quiz.getByRole('button', { name: 'Commit answer' }).click();
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect.poll(() => currentSegment(page)).toContain(extent.text);

  await page.keyboard.press(String(stepOf('history') + 1));
  const why = page.getByRole('region', { name: 'Why not' });
  await why.waitFor();
  expect(await why.getByRole('listitem').allTextContents()).toEqual([`Schwannoma (your #1) — ${REASON}`]);
  const comparison = page.getByRole('region', { name: 'Quiz comparison' });
  expect(await comparison.locator('.quiz-conditional').innerText()).toContain('Extramedullary hematopoiesis (the case\'s #3) belongs on the list only with chronic severe anemia');
  expect(await comparison.locator('.quiz-acceptable').innerText()).toContain('Your #3 “Langerhans cell histiocytosis”: counted as Langerhans cell histiocytosis');
  const checklist = page.getByRole('region', { name: 'Findings checklist' });
  expect(await checklist.getByRole('checkbox', { name: 'Intact vertebral bodies on CT' }).isChecked()).toBe(false);
  expect(errors).toEqual([]);
  await page.close();
});
