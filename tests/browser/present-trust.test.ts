/**
 * Presenting that faculty can trust (P11): after a rehearsal that revealed everything, "Present" starts where the
 * presenter chooses with every answer hidden, at a neutral address, with nothing on the projector that leads to the
 * title, id or answers; the clicker goes cue by cue (the L2 arrow the speaker notes hold back); the console reveals
 * item by item and scrolls the audience's answers, which fit their panel; "Blank" says what pressing it will do; a
 * click on the projected image draws no focus frame; a reload keeps presenting and leaving restores the address.
 */
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { useBrowser } from './browser';
import { arrowLabelsOnScreen } from './arrows';
import { bundledCase, CASE_ID, stepUrl, viewport, waitForStep } from './lesson';

const { lesson, timeline } = bundledCase();
const browserOf = useBrowser();
const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const l2Arrow = timeline.cues.find((c) => c.at === 'l2-look')!.viewports.left!.arrows[0]!.label!;
/** The frame drawn over a viewport holding the focus (its ::after), as computed: none when not drawn. */
const ringOf = (page: Page) => viewport(page, 'left').evaluate((el) => getComputedStyle(el, '::after').content);
const currentSegment = (page: Page) => page.getByRole('region', { name: 'Transcript' }).locator('[aria-current="true"]').textContent();

it('presents from a chosen start with answers hidden, cue by cue, item by item, at a neutral address', async () => {
  const context = await browserOf().newContext({ viewport: { width: 1400, height: 860 }, serviceWorkers: 'block' });
  const errors: string[] = [];
  context.on('weberror', (e) => errors.push(e.error().message));
  const audience = await context.newPage();
  // The rehearsal: to the last step (every answer revealed), then back to step 1.
  await audience.goto(stepUrl(inject('baseUrl'), timeline.steps.length - 1));
  await waitForStep(audience, timeline, timeline.steps.length - 1, 60_000);
  await region(audience, 'Differential diagnosis').waitFor();
  await audience.locator('body').press('1');
  await waitForStep(audience, timeline, 0);
  // A click on the image draws no focus frame (keyboard focus does: a11y.test.ts).
  await viewport(audience, 'left').click();
  expect(['none', 'normal']).toContain(await ringOf(audience));

  // Present: the choice, first "from the start"; the projector shows no answer, title, id or way to them.
  await audience.getByRole('button', { name: 'Present', exact: true }).click();
  const menu = audience.getByRole('group', { name: 'Start presenting' });
  expect(await menu.getByRole('button').allTextContents()).toEqual(['From the start, answers hidden', 'From this step, answers hidden']);
  await menu.getByRole('button', { name: 'From the start, answers hidden' }).click();
  await audience.locator('.lesson.presenting').waitFor();
  for (const name of ['Clinical history', 'Differential diagnosis', 'Final diagnosis', 'Teaching point']) expect(await region(audience, name).count()).toBe(0);
  expect(await audience.locator('h1').textContent()).toBe(lesson.unknownTitle);
  expect(await audience.title()).not.toContain(lesson.title);
  expect(await audience.getByRole('link').count()).toBe(0); // no "Author mode", no library
  expect(audience.url()).toMatch(/#\/present\/[a-z0-9]+$/);
  expect(audience.url()).not.toContain(CASE_ID);

  // The console, at a neutral address too, in step.
  const [consolePage] = await Promise.all([context.waitForEvent('page'), audience.getByRole('button', { name: 'Open presenter console' }).click()]);
  await waitForStep(consolePage, timeline, 0, 60_000);
  await consolePage.getByRole('status').filter({ hasText: 'Audience window: connected' }).waitFor();
  expect(consolePage.url()).not.toContain(CASE_ID);

  // The clicker: first the arrow step 1 holds back, then step 2.
  expect(await arrowLabelsOnScreen(audience, 'left')).toEqual([]);
  await audience.locator('body').press('PageDown');
  await expect.poll(async () => (await arrowLabelsOnScreen(audience, 'left')).map((l) => l.text), { timeout: 10_000 }).toEqual([l2Arrow]);
  await expect.poll(() => currentSegment(consolePage)).toContain(timeline.segments.find((s) => s.id === 'l2-look')!.text.slice(0, 20));
  expect(await consolePage.getByRole('navigation', { name: 'Cues' }).getByRole('status').textContent()).toBe('Cue 2 of 2 in this step');
  await consolePage.getByRole('button', { name: 'Next cue' }).click();
  await waitForStep(audience, timeline, 1);

  // Item by item from the console: the history only.
  await consolePage.getByRole('button', { name: 'Reveal Clinical history' }).click();
  await region(audience, 'Clinical history').waitFor();
  expect(await region(audience, 'Differential diagnosis').count()).toBe(0);

  // Blank says what pressing it does next.
  await consolePage.getByRole('button', { name: 'Blank audience screen' }).click();
  await audience.locator('.blank-screen').waitFor();
  const show = consolePage.getByRole('button', { name: 'Show audience screen' });
  expect(await show.getAttribute('aria-pressed')).toBe('true');
  await show.click();
  await audience.locator('.blank-screen').waitFor({ state: 'detached' });

  // A click on the projected image: no focus frame.
  await viewport(audience, 'left').click();
  expect(['none', 'normal']).toContain(await ringOf(audience));

  // Every answer, from the console: they fit the audience's panel, which scrolls from the console.
  await consolePage.getByRole('button', { name: 'Reveal now' }).click();
  await region(audience, 'Teaching point').waitFor();
  const answers = audience.locator('.presenting-answers');
  const fits = await answers.evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight + 1);
  expect(fits).toBe(true);
  const scrollTop = () => answers.evaluate((el) => el.scrollTop);
  const end = await answers.evaluate((el) => el.scrollHeight - el.clientHeight);
  expect(end).toBeGreaterThan(0);
  // The console knows what the room cannot see, and its buttons scroll to either end.
  const up = consolePage.getByRole('button', { name: 'Scroll answers up' });
  const down = consolePage.getByRole('button', { name: 'Scroll answers down' });
  await consolePage.getByRole('status').filter({ hasText: 'The audience screen has more answers' }).waitFor();
  // A press may find the button just disabled (the audience reached the end): that is the end.
  const press = (b: typeof up) => b.click({ timeout: 1000 }).then(() => true, () => false);
  for (let i = 0; i < 8 && (await press(up)); i++);
  await expect.poll(scrollTop).toBe(0);
  await expect.poll(() => up.isDisabled()).toBe(true);
  await consolePage.getByRole('status').filter({ hasText: 'The audience screen has more answers below what it shows.' }).waitFor();
  for (let i = 0; i < 8 && (await press(down)); i++);
  await expect.poll(scrollTop).toBeGreaterThanOrEqual(end - 1);
  await expect.poll(() => down.isDisabled()).toBe(true);

  // A reload of the neutral address presents again, where it was; leaving puts the case's address back.
  await audience.reload();
  await waitForStep(audience, timeline, 1, 60_000);
  await audience.locator('.lesson.presenting').waitFor();
  await region(audience, 'Teaching point').waitFor();
  await audience.locator('body').press('Escape');
  await audience.locator('.lesson.presenting').waitFor({ state: 'detached' });
  expect(audience.url()).toMatch(new RegExp(`#/case/${CASE_ID}/step/2$`));
  expect(errors).toEqual([]);
  await context.close();
});
