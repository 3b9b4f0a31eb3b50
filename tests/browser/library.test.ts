import { describe, expect, inject, it } from 'vitest';
import { openPage, useBrowser } from './browser';
import { bundledCase, CASE_ID } from './lesson';

const browserOf = useBrowser();

describe('library page', () => {
  it('lists the bundled case with its tags and filters by tag and text, without downloading the viewer', async () => {
    const { page, errors } = await openPage(browserOf());
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(inject('baseUrl'));
    const { lesson } = bundledCase();

    const link = page.locator(`a[href*="#/case/${CASE_ID}"]`);
    await link.waitFor();
    expect(await link.textContent()).toContain(lesson.title);
    for (const tag of lesson.tags) expect(await link.textContent()).toContain(tag);

    // Nothing of Cornerstone: no decode worker, no codec, no case-page chunk.
    expect(requested.filter((u) => /\.wasm$|decodeImageFrameWorker|CasePage/i.test(u))).toEqual([]);

    await page.getByRole('searchbox', { name: 'Search cases' }).fill('no such words anywhere');
    await page.getByText('No case matches.').waitFor();
    await page.getByRole('searchbox', { name: 'Search cases' }).fill('');
    const firstTag = lesson.tags[0]!;
    const tagGroup = page.getByRole('group', { name: 'Filter by tag' });
    await tagGroup.getByRole('button', { name: firstTag, exact: true }).click();
    await link.waitFor();
    // Tags combine: a second one narrows the list to cases that carry both, and the page says which are on.
    const other = page.locator('a[href*="#/case/peds-brain-t1"]');
    await tagGroup.getByRole('button', { name: 'Neuroradiology', exact: true }).click();
    await tagGroup.getByRole('button', { name: 'MRI', exact: true }).click();
    await page.getByText(`Showing cases tagged ${firstTag} and Neuroradiology and MRI.`).waitFor();
    expect(await tagGroup.getByRole('button', { pressed: true }).allTextContents()).toEqual([firstTag, 'Neuroradiology', 'MRI'].sort());
    await link.waitFor();
    expect(await other.count()).toBe(0);
    await tagGroup.getByRole('button', { name: 'Pediatrics', exact: true }).press('Enter'); // by keyboard too
    await page.getByText('No case matches.').waitFor();
    await page.getByRole('button', { name: 'Clear tags' }).click();
    await other.waitFor();
    expect(await tagGroup.getByRole('button', { name: 'All', exact: true }).getAttribute('aria-pressed')).toBe('true');

    // Search finds a case by its diagnoses (differential, final, synonyms), but not in unknown mode.
    const search = page.getByRole('searchbox', { name: 'Search cases' });
    await search.fill('leukemia');
    await link.waitFor();
    expect(await other.count()).toBe(0);
    await search.fill('granulocytic sarcoma');
    await link.waitFor();
    await page.getByRole('button', { name: 'Unknown mode' }).click();
    await page.getByText('No case matches.').waitFor();
    await page.getByRole('button', { name: 'Unknown mode' }).click();
    await search.fill('');
    expect(errors).toEqual([]);
    await page.close();
  });
});
