/**
 * Cornerstone's two renderers (src/viewer/render-path.ts): without a GPU the app draws grey integer images with the
 * CPU renderer and everything else with WebGL. Here both are forced in turn (`?renderer=`): they must show the same
 * picture of the bundled case, and a series that turns to floating-point pixels part-way must go to WebGL there
 * instead of showing a black image.
 */
import { expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { PNG } from 'pngjs';
import { openPage, useBrowser } from './browser';
import { bundledCase, CASE_ID, patchStats, pixelsOnly, viewport, waitForStep } from './lesson';
import { cueForStep } from '../../src/case/timeline';

const { timeline } = bundledCase();
const browserOf = useBrowser();
const base = inject('baseUrl');

/** The step whose cue has the most viewports (the first of them). */
function busiestStep(): number {
  const count = (step: number): number => Object.keys(cueForStep(timeline, step).viewports).length;
  return timeline.steps.reduce((best, _, i) => (count(i) > count(best) ? i : best), 0);
}

/** Mean grey of an 8x8 grid of cells over the whole picture. */
function meanGrid(png: PNG): number[] {
  const out: number[] = [];
  const w = Math.floor(png.width / 8);
  const h = Math.floor(png.height / 8);
  for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) out.push(patchStats(png, x * w, y * h, w, h).mean);
  return out;
}

async function pictures(page: Page, step: number, renderer: string): Promise<Map<string, number[]>> {
  await page.goto(`${base}?renderer=${renderer}#/case/${CASE_ID}/step/${step + 1}`);
  await waitForStep(page, timeline, step, 60_000);
  const out = new Map<string, number[]>();
  for (const frame of await page.locator('[role="img"][data-viewport]').all()) {
    const name = (await frame.getAttribute('data-viewport')) ?? '';
    expect(await frame.getAttribute('data-renderer'), `${name} with ?renderer=${renderer}`).toBe(renderer);
    out.set(name, meanGrid(await pixelsOnly(frame)));
  }
  return out;
}

it('the CPU renderer and WebGL show the same picture in every viewport of a step', async () => {
  const { page, errors } = await openPage(browserOf());
  const step = busiestStep();
  const webgl = await pictures(page, step, 'webgl');
  const cpu = await pictures(page, step, 'cpu');
  expect([...cpu.keys()]).toEqual([...webgl.keys()]);
  expect(webgl.size).toBeGreaterThan(1);
  for (const [name, reference] of webgl) {
    const grid = cpu.get(name) ?? [];
    const differences = reference.map((v, i) => Math.abs(v - (grid[i] ?? 0)));
    // The two scale the image with different filters, so cells with edges differ by a few grey levels (about 1 on
    // average, 5 at most on this case); a wrong window or a shifted image differs by tens.
    expect(differences.reduce((a, b) => a + b, 0) / differences.length, `${name}: mean cell difference`).toBeLessThan(3);
    expect(Math.max(...differences), `${name}: largest cell difference (grey levels)`).toBeLessThan(10);
    expect(Math.max(...reference) - Math.min(...reference), `${name} is not a blank picture`).toBeGreaterThan(40);
  }
  expect(errors).toEqual([]);
  await page.close();
});

/** The mixed series' case with `renderer` forced, its viewport ready on the first (integer) slice. */
async function openMixed(page: Page, renderer: string): Promise<Locator> {
  await page.goto(`${base}?renderer=${renderer}#/case/${inject('testCases').mixedPixelsId}`);
  const main = viewport(page, 'main');
  await main.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
  return main;
}

it('a series that turns to floating-point pixels is drawn with WebGL from that image on, as WebGL alone draws it', async () => {
  const { page, errors } = await openPage(browserOf());
  // The reference: the floating-point slice in a page that never used the CPU renderer.
  const reference = await openMixed(page, 'webgl');
  await reference.focus();
  await page.keyboard.press('ArrowDown');
  await reference.and(page.locator('[data-image-index="1"][data-state="ready"]')).waitFor({ timeout: 30_000 });
  const expected = meanGrid(await pixelsOnly(reference));

  const main = await openMixed(page, 'cpu');
  expect(await main.getAttribute('data-image-index')).toBe('0');
  expect(await main.getAttribute('data-renderer')).toBe('cpu');
  const first = await pixelsOnly(main);
  expect(patchStats(first, 0, 0, first.width, first.height).sd, 'the integer slice on the CPU renderer').toBeGreaterThan(10);

  await main.focus();
  await page.keyboard.press('ArrowDown');
  await main.and(page.locator('[data-image-index="1"][data-state="ready"][data-renderer="webgl"]')).waitFor({ timeout: 30_000 });
  const png = await pixelsOnly(main);
  expect(patchStats(png, 0, 0, png.width, png.height).sd, 'the floating-point slice is not blank').toBeGreaterThan(10);
  const differences = meanGrid(png).map((v, i) => Math.abs(v - (expected[i] ?? 0)));
  expect(Math.max(...differences), 'the same picture as WebGL alone shows (grey levels)').toBeLessThan(3);

  await page.keyboard.press('ArrowUp');
  await main.and(page.locator('[data-image-index="0"][data-state="ready"]')).waitFor({ timeout: 30_000 });
  const back = await pixelsOnly(main);
  expect(patchStats(back, 0, 0, back.width, back.height).sd, 'the integer slice, back on WebGL').toBeGreaterThan(10);
  expect(errors).toEqual([]);
  await page.close();
});
