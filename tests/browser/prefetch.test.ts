/**
 * While a step is viewed, the next step's images are downloaded and decoded (src/viewer/prefetch-cue.ts), so the
 * clicker's next press only draws. Each decode is a `viewer:decode` performance mark (src/viewer/checked-loader.ts).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser } from './browser';
import { bundledCase, CASE_ID, waitForStep } from './lesson';
import { cueForStep } from '../../src/case/timeline';

const { lesson, timeline } = bundledCase();
const CASE_DIR = join(import.meta.dirname, '../../cases', CASE_ID);
const browserOf = useBrowser();

const decodes = (page: Page): Promise<{ at: number; imageId: string }[]> =>
  page.evaluate(() => performance.getEntriesByName('viewer:decode').map((m) => ({ at: m.startTime, imageId: String((m as PerformanceMark).detail) })));

/** The file a cue viewport's image is in, as the end of its URL (the bundled case's manifests list files in order). */
function cueFile(series: string, imageIndex: number): string {
  const s = lesson.series.find((x) => x.key === series);
  if (!s || !('manifest' in s)) throw new Error(`series ${series} has no manifest`);
  const { files } = JSON.parse(readFileSync(join(CASE_DIR, s.manifest), 'utf8')) as { files: string[] };
  return `${dirname(s.manifest)}/${files[imageIndex]}`;
}

/** Waits until each of `files` was decoded, every thumbnail is drawn, and nothing was decoded for half a second. */
async function settled(page: Page, files: string[]): Promise<void> {
  await expect
    .poll(async () => {
      const decoded = await decodes(page);
      return files.filter((f) => !decoded.some((d) => d.imageId.endsWith(f)));
    }, { timeout: 30_000 })
    .toEqual([]);
  await page.waitForFunction(() => document.querySelectorAll('[data-thumbnail]').length > 0 && document.querySelectorAll('[data-thumbnail="loading"]').length === 0, null, { timeout: 30_000 });
  let count = -1;
  for (;;) {
    const now = (await decodes(page)).length;
    if (now === count) return;
    count = now;
    await page.waitForTimeout(500);
  }
}

it('the step after a deep-linked one comes up without decoding anything: its images were made ready meanwhile', async () => {
  const { page, errors } = await openPage(browserOf());
  // The step before the one with the most viewports: a layout change and series not shown yet.
  const count = (step: number): number => Object.keys(cueForStep(timeline, step).viewports).length;
  const busiest = timeline.steps.reduce((best, _, i) => (count(i) > count(best) ? i : best), 0);
  expect(busiest).toBeGreaterThan(0);
  await page.goto(`${inject('baseUrl')}#/case/${CASE_ID}/step/${busiest}`);
  await waitForStep(page, timeline, busiest - 1, 60_000);
  // Prefetched while the step before is viewed: the coming step's images.
  await settled(page, Object.values(cueForStep(timeline, busiest).viewports).map((vp) => cueFile(vp.series, vp.imageIndex)));

  const pressed = await page.evaluate(() => performance.now());
  await page.keyboard.press('ArrowRight');
  await waitForStep(page, timeline, busiest);
  const during = await page.evaluate((after) => {
    const start = performance.getEntriesByName('viewer:apply-start').find((m) => m.startTime >= after);
    const end = performance.getEntriesByName('viewer:apply-end').find((m) => (m as PerformanceMark).detail === (start as PerformanceMark | undefined)?.detail);
    return start && end ? { start: start.startTime, end: end.startTime } : null;
  }, pressed);
  expect(during, 'the step was applied').not.toBeNull();
  const decodedInStep = (await decodes(page)).filter((d) => d.at >= during!.start && d.at <= during!.end).map((d) => d.imageId);
  expect(decodedInStep, 'images decoded while the step was being shown').toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});
