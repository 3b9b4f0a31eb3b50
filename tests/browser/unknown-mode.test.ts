/** Unknown mode: the title (which may name the answer) is absent from the DOM until the diagnosis is revealed. */
import { describe, expect, inject, it } from 'vitest';
import { openPage, useBrowser } from './browser';
import { bundledCase, CASE_ID, waitForStep } from './lesson';

const { lesson, timeline } = bundledCase();
const diagnosisStep = lesson.steps.findIndex((s) => s.id === lesson.reveal.find((r) => r.kind === 'diagnosis')?.revealAt);

const browserOf = useBrowser();

describe('unknown mode', () => {
  it('hides the title and revealing tags in the library and on the case page until the diagnosis', async () => {
    const { page, errors } = await openPage(browserOf());
    await page.goto(inject('baseUrl'));
    const card = page.locator(`a[href*="#/case/${CASE_ID}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain(lesson.title);
    await page.getByRole('button', { name: 'Unknown mode' }).click();
    await card.getByRole('heading', { name: /^Unknown case \d+$/ }).waitFor();
    expect(await card.textContent()).toContain(lesson.unknownTitle);
    const libraryHtml = await page.content();
    expect(libraryHtml).not.toContain(lesson.title);
    for (const t of lesson.spoilerTags) expect(await card.textContent()).not.toContain(t);
    // Searching for words of the hidden title must not single the case out.
    await page.getByRole('searchbox', { name: 'Search cases' }).fill(lesson.title.split(' ').slice(0, 3).join(' '));
    expect(await card.count()).toBe(0);
    await page.getByRole('searchbox', { name: 'Search cases' }).fill('');

    await card.click();
    await waitForStep(page, timeline, 0, 60_000);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(lesson.unknownTitle);
    expect(await page.content()).not.toContain(lesson.title);

    await page.keyboard.press(String(diagnosisStep + 1));
    await waitForStep(page, timeline, diagnosisStep);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(lesson.title);

    // The choice survives a reload.
    await page.goto(inject('baseUrl'));
    await card.getByRole('heading', { name: /^Unknown case \d+$/ }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
