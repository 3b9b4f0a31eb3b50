/**
 * P11 (items 11, "missing", sample text): a faculty member authors the answers of a case from files (a
 * differential, the final diagnosis, a vocabulary entry with a synonym), exports the package and answers its
 * quiz as a learner: the author's exact wording and the synonym both count, and the synonym is suggested while
 * typing. On the bundled case: new fields start empty with a placeholder and the check at the field; steps are
 * moved and deleted (what a deleted step held is said, and goes to its neighbour); speaker notes, tags, spoiler
 * tags, audience, difficulty and image credit are edited and exported.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import type { ParsedCase } from '../../src/case/schema';
import { openPage, useBrowser } from './browser';
import { bundledCase, CASE_ID } from './lesson';

const MR_SMALL = join(import.meta.dirname, '../../../shared/dicom/pydicom/src/pydicom/data/test_files/MR_small.dcm');
const browserOf = useBrowser();
const { lesson } = bundledCase();

const ready = (page: Page): Promise<void> =>
  page.locator('[role="img"][data-viewport][data-state="ready"]').first().waitFor({ timeout: 60_000 });
const checkStatus = (page: Page): Locator => page.getByRole('status').filter({ hasText: /checks out|to fix/ });

it("scores a learner's answer on an authored case by the author's own wording and the vocabulary's synonyms", async () => {
  const { page, errors } = await openPage(browserOf());
  await page.goto(inject('baseUrl'));
  await page.locator('.local-files input[type="file"][multiple]').setInputFiles([MR_SMALL]);
  await ready(page);
  await page.getByRole('button', { name: 'Author a case from these files' }).click();
  await ready(page);
  await page.getByLabel('Title', { exact: true }).fill('Midline sagittal MR');
  await page.getByLabel(/^Title in unknown mode/).fill('A sagittal MR');
  await page.getByLabel(/^Case id/).fill('quiz-authored');
  await page.locator('.segment-pick').first().click();
  await page.getByLabel('Text of segment 1').fill('A sagittal T1 through the midline.');

  // A second step, with its own segment, where the answers are revealed.
  await page.getByRole('button', { name: 'Add step' }).click();
  await page.getByLabel('Title of step 2').fill('The answer');
  await page.locator('.segment-pick').last().click();
  await page.getByRole('button', { name: 'Add segment after' }).click();
  await page.getByLabel('Step of segment 2').selectOption({ index: 1 });
  await page.getByLabel('Text of segment 2').fill('A normal midline for age.');

  // A new differential starts empty, with a placeholder, and the check stands at the field until it is written.
  await page.getByRole('button', { name: 'Add differential diagnosis' }).click();
  const first = page.getByLabel('Diagnosis 1 of the differential');
  expect(await first.inputValue()).toBe('');
  expect(await first.getAttribute('placeholder')).toBeTruthy();
  await expect.poll(() => page.locator('.ddx-edit li').first().getByRole('alert').count()).toBe(1);
  await first.fill('Normal midline anatomy for age');
  await page.getByRole('button', { name: 'Add a diagnosis' }).click();
  await page.getByLabel('Diagnosis 2 of the differential').fill('Lipoma of the corpus callosum');
  await page.getByRole('button', { name: 'Add final diagnosis' }).click();
  await page.getByLabel('Diagnosis', { exact: true }).fill('Normal midline anatomy for age');
  await page.getByLabel('Proof', { exact: true }).fill('Follow-up MRI');

  // The vocabulary: an entry named as diagnosis 2, with a synonym; the tie is made by the name.
  const vocabulary = page.getByRole('region', { name: 'Vocabulary editor' });
  await vocabulary.getByRole('button', { name: 'Add vocabulary entry' }).click();
  await vocabulary.getByLabel('Name of vocabulary entry 1').fill('Lipoma of the corpus callosum');
  await vocabulary.getByLabel(/^Synonyms of vocabulary entry 1/).fill('Pericallosal lipoma');
  const tie = page.getByLabel('Vocabulary entry of diagnosis 2');
  expect(await tie.locator('option:checked').textContent()).toBe('Automatic: Lipoma of the corpus callosum');
  await expect.poll(() => checkStatus(page).textContent()).toContain('The case checks out.');

  await page.getByRole('button', { name: 'Export package' }).click();
  const review = page.getByRole('dialog', { name: 'Identifying information in these files' });
  const [download] = await Promise.all([page.waitForEvent('download'), review.getByRole('button', { name: 'Export de-identified package' }).click()]);
  const zipPath = join(mkdtempSync(join(tmpdir(), 'answers-')), download.suggestedFilename());
  await download.saveAs(zipPath);

  // As a learner: the package opened again, the quiz answered at step 1.
  await page.goto(inject('baseUrl'));
  await page.reload();
  await page.locator('.local-files input[type="file"][accept*="zip"]').setInputFiles(zipPath);
  await page.waitForFunction(() => window.location.hash.startsWith('#/package/quiz-authored'));
  await ready(page);
  const quiz = page.getByRole('region', { name: 'Your answer' });
  await quiz.getByRole('combobox', { name: 'Diagnosis 1' }).fill('Normal midline anatomy for age');
  const second = quiz.getByRole('combobox', { name: 'Diagnosis 2' });
  await second.pressSequentially('peric');
  await quiz.getByRole('option', { name: /^Pericallosal lipoma/ }).click();
  expect(await second.inputValue()).toBe('Pericallosal lipoma');
  await quiz.getByRole('button', { name: 'Commit answer' }).click();
  await page.getByRole('button', { name: 'Next step' }).click();

  const comparison = page.getByRole('region', { name: 'Quiz comparison' });
  await comparison.waitFor();
  expect(await comparison.locator('.quiz-final').textContent()).toBe('Your first choice was the final diagnosis, Normal midline anatomy for age.');
  const matched = await comparison.locator('.quiz-matched li').allTextContents();
  expect(matched).toEqual([
    expect.stringContaining('“Normal midline anatomy for age”: counted as Normal midline anatomy for age (same name)'),
    expect.stringContaining('“Pericallosal lipoma”: counted as Lipoma of the corpus callosum (synonym)'),
  ]);
  expect(await comparison.locator('.quiz-score').textContent()).toBe('Score: 100 of 100');
  expect(errors).toEqual([]);
  await page.close();
});

async function exported(page: Page): Promise<ParsedCase> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export case.json' }).click()]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8')) as ParsedCase;
}

it('edits steps (move, delete, speaker notes) and the case fields, with empty new fields checked where they are', async () => {
  const { page, errors } = await openPage(browserOf());
  await page.goto(`${inject('baseUrl')}#/author/${CASE_ID}`);
  await ready(page);
  const steps = page.getByRole('region', { name: 'Steps editor' });
  const [s1, s2, s3] = lesson.steps;

  await steps.getByLabel('Speaker notes of step 1').fill('Ask the room what they see before the arrow.');
  await steps.getByRole('button', { name: 'Move step 2 down' }).click();
  expect(await steps.getByLabel('Title of step 3').inputValue()).toBe(s2!.title);
  // The step of the clinical history holds segments and answers: they go to the step before it, as said.
  const historyAt = lesson.steps.findIndex((s) => s.id === 'history');
  const before = lesson.steps[historyAt - 1]!;
  await steps.getByRole('button', { name: `Delete step ${historyAt + 1}` }).click();
  const said = (await steps.getByRole('status').textContent()) ?? '';
  expect(said).toContain(`Step ${historyAt + 1} deleted`);
  expect(said).toContain(`now belong to step “${before.title}”`);

  // A new step is untitled, with a placeholder and the check at its field.
  await steps.getByRole('button', { name: 'Add step' }).click();
  const n = lesson.steps.length; // one deleted, one added
  const title = steps.getByLabel(`Title of step ${n}`);
  expect(await title.inputValue()).toBe('');
  expect(await title.getAttribute('placeholder')).toBe('What this step shows');
  await expect.poll(() => steps.locator('.step-edit').nth(n - 1).getByRole('alert').count()).toBe(1);
  await steps.getByRole('button', { name: `Delete step ${n}` }).click();

  const details = page.getByRole('region', { name: 'Case details' });
  await details.getByLabel('Audience').fill('radiology residents, year 2');
  await details.getByLabel('Difficulty').selectOption('advanced');
  await details.getByLabel(/^Image credit/).fill('Images: synthetic phantom, made for this case (not a patient).');
  await details.getByLabel(/^Tags/).fill('Spine, MRI, Leukemia');
  await details.getByRole('checkbox', { name: '“Leukemia” gives the answer away' }).check();
  await expect.poll(() => checkStatus(page).textContent()).toContain('The case checks out.');

  const draft = await exported(page);
  expect(draft.steps.map((s) => s.id).slice(0, 3)).toEqual([s1!.id, s3!.id, s2!.id]);
  expect(draft.steps.some((s) => s.id === 'history')).toBe(false);
  expect(draft.transcript.filter((s) => s.step === 'history')).toEqual([]);
  expect(draft.reveal.filter((r) => r.revealAt === 'history')).toEqual([]);
  expect(draft.speakerNotes[s1!.id]).toBe('Ask the room what they see before the arrow.');
  expect(draft.speakerNotes[before.id]).toContain(lesson.speakerNotes.history!);
  expect(draft).toMatchObject({
    audience: 'radiology residents, year 2',
    difficulty: 'advanced',
    imageCredit: 'Images: synthetic phantom, made for this case (not a patient).',
    tags: ['Spine', 'MRI', 'Leukemia'],
    spoilerTags: ['Leukemia'],
  });
  expect(errors).toEqual([]);
  await page.close();
});

it('credits the images as a caption, not in programmer wording, in the library and under the viewer', async () => {
  const { page, errors } = await openPage(browserOf());
  await page.goto(inject('baseUrl'));
  const programmer = /scripts\/|npm run|\.ts\b|seed \d|case:import/;
  const credits = (await page.getByRole('region', { name: 'Data credits' }).textContent()) ?? '';
  expect(credits).toContain('Rudolph Pienaar');
  expect(credits).not.toMatch(programmer);
  await page.goto(`${inject('baseUrl')}#/case/${CASE_ID}/step/1`);
  await ready(page);
  expect(await page.locator('.image-credit').textContent()).toBe('Images: synthetic phantom, made for this case (not a patient).');
  expect(errors).toEqual([]);
  await page.close();
});
