/**
 * Presenting: the case page becomes the audience screen and "Open presenter console" opens the speaker's window;
 * both stay in step through BroadcastChannel (step, reveal, blank, and the presenter's scroll and window), and
 * either can be closed without breaking the other.
 */
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { cueForStep } from '../../src/case/timeline';
import { cueStops } from '../../src/case/cues';
import { useBrowser } from './browser';
import { bundledCase, stepOf, stepUrl, viewport, waitForStep, wlOf } from './lesson';

const { lesson, timeline } = bundledCase();
const browserOf = useBrowser();

const indexOf = async (page: Page, name: string): Promise<number> =>
  Number(await viewport(page, name).getAttribute('data-image-index'));

it('the console drives the audience window: steps, reveal, blank, scroll and window; closing it leaves the audience working', async () => {
  const context = await browserOf().newContext({ viewport: { width: 1400, height: 860 }, serviceWorkers: 'block' });
  const errors: string[] = [];
  context.on('weberror', (e) => errors.push(e.error().message));
  const audience = await context.newPage();
  const start = stepOf('l5s1');
  await audience.goto(stepUrl(inject('baseUrl'), start));
  await waitForStep(audience, timeline, start, 60_000);

  await audience.getByRole('button', { name: 'Open presenter console' }).click();
  const [consolePage] = await Promise.all([
    context.waitForEvent('page'),
    audience.getByRole('button', { name: 'From this step, answers hidden' }).click(),
  ]);
  await consolePage.waitForLoadState();
  await waitForStep(consolePage, timeline, start, 60_000);
  await consolePage.getByRole('status').filter({ hasText: 'Audience window: connected' }).waitFor();

  // The audience screen: presentation mode, no transcript or quiz, no spoiling title.
  await audience.locator('.lesson.presenting').waitFor();
  expect(await audience.getByRole('region', { name: 'Transcript' }).count()).toBe(0);
  expect(await audience.getByRole('region', { name: 'Your answer' }).count()).toBe(0);
  expect(await audience.locator('h1').textContent()).toBe(lesson.unknownTitle);
  // The console: speaker notes, the step's script, the next step.
  const step = timeline.steps[start]!;
  const notes = lesson.speakerNotes[step.id];
  if (notes) expect(await consolePage.getByRole('region', { name: 'Speaker notes' }).textContent()).toContain(notes);
  expect(await consolePage.getByRole('region', { name: 'Next step' }).textContent()).toContain(timeline.steps[start + 1]!.title);
  await consolePage.getByRole('timer', { name: 'Time presenting' }).waitFor();

  // Next step from the console: the audience follows.
  await consolePage.getByRole('button', { name: 'Next step' }).click();
  await waitForStep(consolePage, timeline, start + 1);
  await waitForStep(audience, timeline, start + 1);

  // A scroll in the console is mirrored; so is a window the presenter sets.
  const cue = cueForStep(timeline, start + 1);
  const name = Object.keys(cue.viewports)[0]!;
  const before = await indexOf(consolePage, name);
  const box = (await viewport(consolePage, name).boundingBox())!;
  await consolePage.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await consolePage.mouse.wheel(0, 120);
  await expect.poll(() => indexOf(consolePage, name)).not.toBe(before);
  const scrolled = await indexOf(consolePage, name);
  await expect.poll(() => indexOf(audience, name), { timeout: 10_000 }).toBe(scrolled);
  // An MR step: the menu offers MR's windows (CT's bone window is not one), read from the image shown.
  const seriesWindow = await wlOf(viewport(consolePage, name));
  await consolePage.getByRole('combobox', { name: 'Window preset' }).selectOption('image-tissue');
  await expect.poll(() => wlOf(viewport(consolePage, name))).not.toBe(seriesWindow);
  const tissue = await wlOf(viewport(consolePage, name));
  await expect.poll(() => wlOf(viewport(audience, name)), { timeout: 10_000 }).toBe(tissue);
  expect(await indexOf(audience, name)).toBe(scrolled);

  // "Reveal now" in the console reveals on the audience screen.
  expect(await audience.getByRole('region', { name: 'Differential diagnosis' }).count()).toBe(0);
  await consolePage.getByRole('button', { name: 'Reveal now' }).click();
  await audience.getByRole('region', { name: 'Differential diagnosis' }).waitFor();

  // B blanks the audience screen, and B again brings it back.
  await consolePage.keyboard.press('b');
  await audience.locator('.blank-screen').waitFor();
  await consolePage.keyboard.press('b');
  await audience.locator('.blank-screen').waitFor({ state: 'detached' });

  // Clicker keys on the audience window move the console too.
  await audience.locator('body').press('PageDown');
  await waitForStep(audience, timeline, start + 2);
  await waitForStep(consolePage, timeline, start + 2);

  // Closing the console leaves the audience usable (the clicker goes through this step's cues, then on);
  // Escape leaves presentation mode.
  await consolePage.close();
  for (let i = 0; i < cueStops(timeline, start + 2).length; i++) await audience.locator('body').press('PageDown');
  await waitForStep(audience, timeline, start + 3);
  await audience.locator('body').press('Escape');
  await audience.locator('.lesson.presenting').waitFor({ state: 'detached' });
  await audience.getByRole('region', { name: 'Transcript' }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});
