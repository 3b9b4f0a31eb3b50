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
    await page.getByRole('group', { name: 'Filter by tag' }).getByRole('button', { name: firstTag, exact: true }).click();
    await link.waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
