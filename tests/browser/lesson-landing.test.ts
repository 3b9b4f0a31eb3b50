/**
 * The lesson as a learner walks it (P13, items 9 and 11 and the polish lines): a step lands on its teaching view
 * (the seed's step 1 points at the L2 lesion at once; Next, Previous, a number key and a chapter button land on a
 * step's arrows), the first Tab reaches a skip link to Play, Escape leaves a text field so the step keys work again,
 * the live region reads a title's own punctuation, and where the browser has no voice (headless Chromium has none)
 * playing says so and captions the image, a toggle the page remembers. Then the page's furniture at four sizes.
 */
import { expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser } from './browser';
import { arrowLabelsOnScreen } from './arrows';
import { bundledCase, stepOf, stepUrl, waitForStep } from './lesson';
import { lessonChromeProblems } from './layout-rules';

const { lesson, timeline } = bundledCase();
const browserOf = useBrowser();

const currentSegment = (page: Page): Promise<string> =>
  page.getByRole('region', { name: 'Transcript' }).locator('[aria-current="true"]').innerText();
const textOf = (id: string): string => timeline.segments.find((s) => s.id === id)!.text;
const announced = (page: Page): Promise<string> => page.getByTestId('cue-announcer').innerText();
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent?.trim() ?? ''}`);
/** The address follows a step 100 ms later: a reload waits for it, as a person's would. */
const addressShows = (page: Page, step: number): Promise<unknown> =>
  page.waitForFunction((n) => location.hash.endsWith(`/step/${n}`), step + 1);

it('lands on each step’s findings, reads along with captions where no voice speaks, and the keyboard starts and escapes well', async () => {
  const { page, errors } = await openPage(browserOf(), 1280, 800);
  await page.goto(stepUrl(inject('baseUrl'), 0));
  await waitForStep(page, timeline, 0, 60_000);

  // A link to step 1 points at the L2 lesion at once.
  await expect.poll(async () => (await arrowLabelsOnScreen(page, 'left')).map((l) => l.text)).toEqual(['L2 anterior epidural']);
  expect(await currentSegment(page)).toContain(textOf('l2-look'));
  expect(await announced(page)).toContain('Arrows: L2 anterior epidural');

  // The first Tab reaches the skip link; it leads to Play.
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('BUTTON Skip to the lesson controls');
  await page.keyboard.press('Enter');
  expect(await focused(page)).toBe('BUTTON Play');

  // Next, a number key, Previous and a chapter button land on their step's arrows.
  await page.keyboard.press('ArrowRight');
  await waitForStep(page, timeline, 1);
  expect(await currentSegment(page)).toContain(textOf('l5s1-look'));
  const multilevel = stepOf('multilevel');
  await page.keyboard.press(String(multilevel + 1));
  await waitForStep(page, timeline, multilevel);
  expect(await currentSegment(page)).toContain(textOf('recap'));
  // The live region reads the title's own question mark, with no full stop after it.
  await expect.poll(() => announced(page)).toMatch(/^Step 4: One level or many\? Arrows: /);
  await page.keyboard.press('ArrowLeft');
  await waitForStep(page, timeline, multilevel - 1);
  const post = stepOf('post');
  await page.getByRole('list', { name: 'Chapters' }).getByRole('button', { name: new RegExp(`^Chapter ${post + 1}\\b`) }).click();
  await waitForStep(page, timeline, post);
  expect(await currentSegment(page)).toContain(textOf('post-compare'));
  expect((await arrowLabelsOnScreen(page, 'left')).length).toBeGreaterThan(0);

  // Playing without a voice: the page says so, and the current words show over the image.
  const transcriptBefore = (await page.getByRole('region', { name: 'Transcript' }).boundingBox())!.height;
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByText('No voice in this browser: reading along').waitFor();
  const caption = page.locator('.viewer-area .lesson-caption');
  await caption.waitFor();
  expect(await currentSegment(page)).toContain(await caption.innerText());
  // The transcript gets room while playing: the quiz under it gives way.
  const transcriptPlaying = (await page.getByRole('region', { name: 'Transcript' }).boundingBox())!.height;
  expect(transcriptPlaying).toBeGreaterThan(Math.max(transcriptBefore + 40, 280));
  // Captions off: gone, and still off after a reload.
  await page.getByRole('checkbox', { name: 'Captions on the image' }).uncheck();
  await caption.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Pause' }).click();
  await addressShows(page, post);
  await page.reload();
  await waitForStep(page, timeline, post, 60_000);
  expect(await page.getByRole('checkbox', { name: 'Captions on the image' }).isChecked()).toBe(false);
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByText('No voice in this browser: reading along').waitFor();
  expect(await caption.count()).toBe(0);
  await page.getByRole('button', { name: 'Pause' }).click();

  // Escape leaves a text field: the step keys work again.
  const notes = page.getByRole('textbox', { name: 'My notes' });
  await notes.click();
  await page.keyboard.type('x');
  await page.keyboard.press('Escape');
  expect(await focused(page)).not.toMatch(/^(TEXTAREA|INPUT)/);
  await page.keyboard.press('ArrowRight');
  await waitForStep(page, timeline, post + 1);
  expect(errors).toEqual([]);
  await page.close();
}, 120_000);

const SIZES = [
  { width: 390, height: 844, mobile: true },
  { width: 768, height: 1024, mobile: true },
  { width: 1280, height: 800, mobile: false },
  { width: 1920, height: 1080, mobile: false },
];

it('after the reveal, the header keeps one row, the step title two lines at most, the chapters 24 px apart: 390x844 to 1920x1080', async () => {
  const problems: string[] = [];
  const longest = lesson.steps.reduce((a, s, i) => (s.title.length > lesson.steps[a]!.title.length ? i : a), 0);
  for (const size of SIZES) {
    const context = await browserOf().newContext({
      viewport: { width: size.width, height: size.height },
      isMobile: size.mobile,
      hasTouch: size.mobile,
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    await page.goto(stepUrl(inject('baseUrl'), longest));
    await waitForStep(page, timeline, longest, 60_000);
    await page.getByRole('button', { name: 'Reveal now' }).click();
    await page.getByRole('button', { name: 'Show answers' }).click();
    await page.getByRole('region', { name: 'Differential diagnosis' }).waitFor();
    problems.push(...(await page.evaluate(lessonChromeProblems)).map((p) => `${size.width}x${size.height}: ${p}`));
    await context.close();
  }
  expect(problems).toEqual([]);
}, 120_000);
