/**
 * Every screen from a 360x640 phone to a desktop, in Chromium's mobile emulation (P12): on every step of both bundled
 * cases, stepped with the keyboard as a learner would, the layout rules of layout-rules.ts hold; while each lesson
 * plays, the page never scrolls (the transcript follows the clock in its own panel); axe finds nothing serious on
 * a phone. One browser context per size.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { useBrowser } from './browser';
import { lessonChromeProblems, pageScrolls, SCREEN_SIZES, stepLayoutProblems, watchPageScroll, type ScreenSize } from './layout-rules';
import { parseCase } from '../../src/case/parse';
import { buildTimeline, cueForStep, type Timeline } from '../../src/case/timeline';

const CASES = ['epidural-aml', 'peds-brain-t1'].map((id) => {
  const parsed = parseCase(JSON.parse(readFileSync(join(import.meta.dirname, '../../cases', id, 'case.json'), 'utf8')));
  if (!parsed.ok) throw new Error(`bundled case ${id} invalid`);
  return { id, timeline: buildTimeline(parsed.value) };
});
/** The lesson clock's speed while a lesson plays: ten seconds of lesson in half a second. */
const CLOCK = 20;
/** How far each lesson plays with the page watched (two seconds at this clock): through several steps and segments. */
const PLAY_SECONDS = 40;

const browserOf = useBrowser();

async function sizedPage(browser: Browser, size: ScreenSize): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: size.width, height: size.height },
    deviceScaleFactor: 1, // layout is in CSS px; pixel ratios are pixel-ratio.test.ts's, and 1 renders fastest
    isMobile: size.mobile,
    hasTouch: size.mobile,
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => undefined));
  return page;
}

/** A page load of its own (the address before the # differs from the last one), never a hash change. */
const caseUrl = (id: string, step: number, clock = 1): string => `${inject('baseUrl')}?clock=${clock}#/case/${id}/step/${step + 1}`;

/**
 * The step shows: its position in the step controls, the cue's viewports in the DOM, and the address names the step.
 * Waiting for the address (it follows 100 ms after a step) keeps a learner's pace: two steps inside one task make
 * two hash changes for one remembered step, and use-step-in-url.ts then moves the lesson back (reported in P12).
 */
async function stepArrived(page: Page, timeline: Timeline, step: number): Promise<string[]> {
  const viewports = Object.keys(cueForStep(timeline, step).viewports);
  const position = `Step ${step + 1} of ${timeline.steps.length}`;
  await page
    .waitForFunction(
      ({ position, names }) =>
        document.querySelector('.step-position')?.textContent?.startsWith(position) === true &&
        location.hash.endsWith(`/step/${position.split(' ')[1]}`) &&
        document.querySelectorAll('[role="img"][data-viewport]').length === names.length &&
        names.every((n) => document.querySelector(`[role="img"][data-viewport="${n}"]`)),
      { position, names: viewports },
      { timeout: 15_000 },
    )
    .catch(async (e: Error) => {
      const shown = await page.evaluate(() => ({
        position: document.querySelector('.step-position')?.textContent,
        viewports: [...document.querySelectorAll('[role="img"][data-viewport]')].map((v) => v.getAttribute('data-viewport')),
        focus: document.activeElement?.outerHTML.slice(0, 120),
        hash: location.hash,
      }));
      throw new Error(`waiting for ${position} with ${viewports.join(', ')}: ${JSON.stringify(shown)}: ${e.message}`);
    });
  return viewports;
}

for (const size of SCREEN_SIZES) {
  it(`${size.name}: every step of both cases fits, and the page holds still while the lesson plays`, async () => {
    const page = await sizedPage(browserOf(), size);
    const problems: string[] = [];
    for (const { id, timeline } of CASES) {
      await page.goto(caseUrl(id, 0));
      for (let step = 0; step < timeline.steps.length; step++) {
        if (step > 0) await page.keyboard.press('ArrowRight');
        const viewports = await stepArrived(page, timeline, step);
        const found = await page.evaluate(stepLayoutProblems, { viewports, phone: size.phone, minImageWidth: 240 });
        problems.push(...found.map((p) => `${id} step ${step + 1}: ${p}`));
        // The header, the step's title and the chapter buttons (P13), with each step's own title.
        problems.push(...(await page.evaluate(lessonChromeProblems)).map((p) => `${id} step ${step + 1}: ${p}`));
      }

      // Where the side panel folds to a button (a landscape phone), folded it still keeps the rules, and the images grow.
      const fold = page.getByRole('button', { name: 'Hide panel' });
      if (await fold.isVisible()) {
        const before = (await page.locator('.viewer-area').boundingBox())?.width ?? 0;
        await fold.click();
        await page.getByRole('button', { name: 'Show panel' }).waitFor();
        const viewports = await stepArrived(page, timeline, timeline.steps.length - 1);
        const found = await page.evaluate(stepLayoutProblems, { viewports, phone: size.phone, minImageWidth: 240 });
        problems.push(...found.map((p) => `${id} last step, panel folded: ${p}`));
        const after = (await page.locator('.viewer-area').boundingBox())?.width ?? 0;
        if (after < before + 100) problems.push(`${id}: folding the panel left the images ${after} px wide (${before} before)`);
      }

      await page.goto(caseUrl(id, 0, CLOCK));
      await stepArrived(page, timeline, 0);
      await page.evaluate(watchPageScroll);
      await page.keyboard.press('k');
      const until = timeline.steps.findIndex((s) => s.start >= PLAY_SECONDS);
      await page.waitForFunction(
        (position) => document.querySelector('.step-position')?.textContent?.startsWith(position) === true,
        `Step ${until + 1} of`,
      );
      problems.push(...(await page.evaluate(pageScrolls)).map((p) => `${id} while playing: the page scrolled to ${p}`));
    }
    await page.close();
    expect(problems).toEqual([]);
  }, 180_000);
}

it('axe finds no serious or critical violation on a phone (390x844): library, case page, its menus', async () => {
  const page = await sizedPage(browserOf(), SCREEN_SIZES[1]!);
  const serious = async (where: string): Promise<string[]> => {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${where}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')}`);
  };
  const found: string[] = [];
  await page.goto(inject('baseUrl'));
  await page.locator('.case-card').first().waitFor();
  found.push(...(await serious('library')));
  const { id, timeline } = CASES[0]!;
  const twoViewports = timeline.steps.findIndex((s) => Object.keys(cueForStep(timeline, s.index).viewports).length > 1);
  await page.goto(caseUrl(id, twoViewports));
  await stepArrived(page, timeline, twoViewports);
  await page.getByRole('button', { name: 'Tools' }).click();
  await page.getByRole('button', { name: 'Menu' }).click();
  found.push(...(await serious('case page, menus open')));
  await page.close();
  expect(found).toEqual([]);
}, 120_000);

it('on a phone the switch shows one linked viewport at a time: scrolling it moves the other, and "Return to lesson" is on screen and works', async () => {
  const page = await sizedPage(browserOf(), SCREEN_SIZES[1]!);
  const { id, timeline } = CASES[0]!;
  const step = timeline.steps.findIndex((s) => cueForStep(timeline, s.index).links.some((g) => g.length > 1));
  const [a, b] = cueForStep(timeline, step).links.find((g) => g.length > 1)!;
  await page.goto(caseUrl(id, step));
  await stepArrived(page, timeline, step);
  const frame = (name: string | undefined) => page.locator(`[role="img"][data-viewport="${name}"]`);
  const start = Number(await frame(b).getAttribute('data-image-index'));
  const other = page.getByRole('group', { name: 'Shown viewport' }).getByRole('button').nth(1);
  await other.click();
  await expect.poll(() => frame(b).isVisible()).toBe(true);
  expect(await frame(a).isVisible()).toBe(false);
  await frame(b).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  // The hidden viewport follows by patient position, as it would beside the shown one.
  await expect.poll(async () => Number(await frame(a).getAttribute('data-image-index'))).toBe(start + 2);
  const back = page.getByRole('button', { name: 'Return to lesson' });
  const box = await back.boundingBox();
  expect(box && box.y >= 0 && box.y + box.height <= 844 && box.x >= 0 && box.x + box.width <= 390).toBe(true);
  await back.click();
  await expect.poll(async () => Number(await frame(b).getAttribute('data-image-index'))).toBe(start);
  expect(Number(await frame(a).getAttribute('data-image-index'))).toBe(start);
  await page.close();
}, 60_000);
