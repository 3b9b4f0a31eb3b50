/**
 * Cases and links that cannot be shown as asked: a case file that breaks a rule (the page names the field and the
 * reason), one that is not JSON, one whose series point at another host (refused, nothing fetched from there), an
 * unknown case id, a step the case does not have, an unknown page. Never a white screen.
 */
import { expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser } from './browser';
import { bundledCase, CASE_ID } from './lesson';

const cases = inject('testCases');
const browserOf = useBrowser();
const url = (hash: string): string => `${inject('baseUrl')}#${hash}`;

async function errorPage(page: Page): Promise<{ heading: string; alert: string; problems: string[] }> {
  await page.getByRole('heading', { level: 1 }).waitFor();
  return {
    heading: (await page.getByRole('heading', { level: 1 }).textContent()) ?? '',
    alert: (await page.getByRole('alert').first().textContent()) ?? '',
    problems: await page.locator('ul.problems li').allTextContents(),
  };
}

it('a case file that breaks a rule opens a page naming the field and the reason', async () => {
  const { page, errors } = await openPage(browserOf());
  await page.goto(url(`/case/${cases.brokenId}`));
  const shown = await errorPage(page);
  expect(shown.heading).toBe('This case cannot be opened');
  expect(shown.alert).toBe(`cases/${cases.brokenId}/case.json has problems`);
  expect(shown.problems.some((p) => p.startsWith('cues[0].viewports.main.series:') && p.includes('nope'))).toBe(true);
  await page.goto(url(`/case/${cases.notJsonId}`));
  expect((await errorPage(page)).alert).toMatch(new RegExp(`^cases/${cases.notJsonId}/case\\.json is not valid JSON: `));
  expect(errors).toEqual([]);
  await page.close();
});

it('a case whose files point at another host is refused, and nothing is fetched from there', async () => {
  const { page, errors } = await openPage(browserOf());
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(inject('baseUrl')) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  await page.goto(url(`/case/${cases.outsideId}`));
  const shown = await errorPage(page);
  expect(shown.problems).toContain('series[0].files[0]: should be a path inside the case folder, not a URL');
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

it('an unknown case id says there is no such case, with the way back', async () => {
  const { page, errors } = await openPage(browserOf());
  await page.goto(url('/case/no-such-case/step/2'));
  const shown = await errorPage(page);
  expect(shown.alert).toBe('There is no case "no-such-case" here: cases/no-such-case/case.json was not found. Check the link, or pick a case from the library.');
  expect(await page.getByRole('link', { name: 'Back to the case library' }).getAttribute('href')).toBe('#/');
  expect(errors).toEqual([]);
  await page.close();
});

it('a deep link to a step the case does not have says so and opens the nearest step', async () => {
  const { timeline } = bundledCase();
  const count = timeline.steps.length;
  const { page, errors } = await openPage(browserOf());
  await page.goto(url(`/case/${CASE_ID}/step/99`));
  const notice = page.locator('.step-link-notice');
  await notice.waitFor();
  expect(await notice.textContent()).toBe(`This link asks for step 99, but the case has ${count} steps (1 to ${count}): showing step ${count}.`);
  await page.waitForFunction((n) => document.querySelector('.step-position')?.textContent?.startsWith(`Step ${n} of`), count);
  expect(errors).toEqual([]);
  await page.close();

  const fresh = await openPage(browserOf());
  await fresh.page.goto(url(`/case/${CASE_ID}/step/0`));
  await fresh.page.locator('.step-link-notice').waitFor();
  expect(await fresh.page.locator('.step-link-notice').textContent()).toContain('showing step 1.');
  expect(fresh.errors).toEqual([]);
  await fresh.page.close();
});

it('an unknown page says so', async () => {
  const { page, errors } = await openPage(browserOf());
  await page.goto(url('/cases/epidural-aml'));
  await page.getByRole('heading', { name: 'Nothing here' }).waitFor();
  expect(await page.getByRole('link', { name: 'Back to the case library' }).getAttribute('href')).toBe('#/');
  expect(errors).toEqual([]);
  await page.close();
});
