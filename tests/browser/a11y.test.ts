/**
 * axe-core on every page a learner, presenter or author sees: no serious or critical violation on the library, the
 * case page before and after the reveal, the quiz, the presenter console and audience window, author mode, and a
 * case package opened from the library (and one refused).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { openPage, useBrowser } from './browser';
import { bundledCase, CASE_ID, stepOf, stepUrl, waitForStep } from './lesson';
import { cueForStep } from '../../src/case/timeline';
import { packCase } from '../../src/dicom/package/pack';
import { rawZip, seedFiles, withCase } from '../fixtures/case-package';

const { timeline } = bundledCase();
const browserOf = useBrowser();
let dir: string;
let seedZip: string;
let badZip: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'a11y-package-'));
  const seed = await seedFiles();
  seedZip = join(dir, `${CASE_ID}.zip`);
  // A file the case does not use: the page lists it among the package's notes.
  writeFileSync(seedZip, rawZip(new Map([...seed, ['unused.txt', new TextEncoder().encode('not part of the case')]])));
  badZip = join(dir, 'bad-case.zip');
  writeFileSync(badZip, packCase(withCase(seed, (c) => void (c.cues[0]!.at = 'no-such-segment'))));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')}`);
}

it('the library has no serious or critical violation', async () => {
  const { page } = await openPage(browserOf());
  await page.goto(inject('baseUrl'));
  await page.locator('.case-card').first().waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
});

it('the case page, with the quiz, before and after the reveal, has none', async () => {
  const { page } = await openPage(browserOf());
  await page.goto(stepUrl(inject('baseUrl'), 0));
  await waitForStep(page, timeline, 0, 60_000);
  await page.getByRole('combobox', { name: 'Diagnosis 1' }).fill('lym'); // the suggestion list open
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('combobox', { name: 'Diagnosis 1' }).fill('Lymphoma');
  await page.getByRole('button', { name: 'Commit answer' }).click();
  const last = stepOf('teaching');
  await page.goto(stepUrl(inject('baseUrl'), last));
  await waitForStep(page, timeline, last);
  await page.getByRole('region', { name: 'Quiz comparison' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
});

it('announces the step and the findings its arrows point at, politely, when the cue changes', async () => {
  const { page } = await openPage(browserOf());
  await page.goto(stepUrl(inject('baseUrl'), 0));
  await waitForStep(page, timeline, 0, 60_000);
  await page.getByRole('button', { name: 'Next step' }).click();
  await waitForStep(page, timeline, 1);
  const cue = cueForStep(timeline, 1);
  const labels = Object.values(cue.viewports).flatMap((vp) => vp.arrows.map((a) => a.label)).filter((l) => l);
  expect(labels.length).toBeGreaterThan(0);
  const live = page.locator('[aria-live="polite"]', { hasText: `Step 2: ${timeline.steps[1]!.title}` });
  await live.waitFor({ state: 'attached' });
  for (const l of labels) expect(await live.textContent()).toContain(l);
  // The viewports' accessible names state the series and the image.
  expect(await page.locator('[role="img"][data-viewport]').first().getAttribute('aria-label')).toMatch(/, image \d+ of \d+$/);
  await page.close();
});

it("the case page's controls are reached by Tab, each with a visible focus ring", async () => {
  const { page } = await openPage(browserOf());
  await page.goto(stepUrl(inject('baseUrl'), 0));
  await waitForStep(page, timeline, 0, 60_000);
  const seen = new Set<string>();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const frame = el.closest<HTMLElement>('[role="img"][data-viewport]');
      const ringed = frame ?? el;
      const style = getComputedStyle(ringed);
      const after = frame ? getComputedStyle(frame, '::after') : null;
      const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      const viewportRing = after !== null && after.content !== 'none' && after.content !== 'normal';
      const labelled = (el as HTMLInputElement).labels?.[0]?.textContent?.trim();
      const name = el.getAttribute('aria-label') ?? (labelled || el.textContent?.trim().slice(0, 40) || el.tagName);
      return { key: `${el.tagName}:${name}`, visible: ring || viewportRing || style.boxShadow !== 'none' };
    });
    if (!focus) continue;
    expect(focus.visible, `focus ring on ${focus.key}`).toBe(true);
    seen.add(focus.key);
  }
  // The controls a learner needs are all reached: steps, playback, the transcript, a viewport, the quiz.
  const all = [...seen].join('\n');
  for (const want of ['Next step', 'Play', 'Window/level', 'Diagnosis 1', 'Skip', 'My notes']) expect(all).toContain(want);
  expect(all).toMatch(/image \d+ of \d+/);
  await page.close();
});

it('the presenter console and the audience screen have none', async () => {
  const context = await browserOf().newContext({ viewport: { width: 1400, height: 860 }, serviceWorkers: 'block' });
  const audience = await context.newPage();
  await audience.goto(stepUrl(inject('baseUrl'), 0));
  await waitForStep(audience, timeline, 0, 60_000);
  await audience.getByRole('button', { name: 'Open presenter console' }).click();
  const [consolePage] = await Promise.all([
    context.waitForEvent('page'),
    audience.getByRole('button', { name: 'From the start, answers hidden' }).click(),
  ]);
  await waitForStep(consolePage, timeline, 0, 60_000);
  expect(await seriousViolations(consolePage)).toEqual([]);
  expect(await seriousViolations(audience)).toEqual([]);
  await context.close();
});

it('author mode on the bundled case has none', async () => {
  const { page } = await openPage(browserOf());
  await page.goto(`${inject('baseUrl')}#/author/${CASE_ID}`);
  await page.locator('[role="img"][data-viewport][data-state="ready"]').first().waitFor({ timeout: 60_000 });
  await page.getByRole('status').filter({ hasText: 'The case checks out.' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  // A segment open for editing, with its fields and buttons.
  await page.locator('.segment-pick').nth(1).click();
  await page.getByLabel('Text of segment 2').waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  // The checker's problem beside its field, and the status saying so.
  await page.getByLabel('Start of segment 2 (s)').fill('0');
  await page.getByRole('status').filter({ hasText: 'to fix' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Undo' }).click();
  // Placing an arrow: the layer over the images that takes the click.
  await page.getByRole('button', { name: 'Place arrow' }).click();
  await page.locator('.arrow-placer').waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
});

it('a case package opened from the library, and one refused, have none', async () => {
  const { page } = await openPage(browserOf());
  await page.goto(inject('baseUrl'));
  const picker = page.getByRole('region', { name: 'Open DICOM files from this computer' });
  await picker.locator('input[type="file"][accept*=".zip"]').setInputFiles(seedZip);
  await page.waitForURL(new RegExp(`#/package/${CASE_ID}$`), { timeout: 60_000 });
  await waitForStep(page, timeline, 0, 60_000);
  await page.getByRole('list', { name: '1 package note' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('link', { name: '← Library' }).click();
  await page.getByRole('list', { name: 'Opened case packages' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await picker.locator('input[type="file"][accept*=".zip"]').setInputFiles(badZip);
  await page.getByRole('heading', { name: 'This case package cannot be opened' }).waitFor({ timeout: 30_000 });
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
});
