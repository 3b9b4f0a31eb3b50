/**
 * At a device pixel ratio other than 1 (Retina laptops and phones at 2 or 3, Windows at 125%), the arrows drawn over
 * CPU-rendered viewports stood off the anatomy and lengths were measured wrong (P12). A step of each bundled case is
 * opened at ratios 1, 1.25, 2 and 3 with each renderer: the cue's arrows must stand where WebGL puts them at ratio 1
 * (the page's CSS layout is the same at every ratio; within 1.5 CSS px, under 2 image pixels at these scales), and on
 * the seed case a length drawn between two vertebral body centres must read their true distance (the phantom's truth).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { arrowTipsOnScreen } from './arrows';
import { useBrowser } from './browser';
import { bundledCase, CASE_ID, pixelsOnly, stepOf, stepUrl, viewport, waitForStep } from './lesson';
import type { PNG } from 'pngjs';
import { cueForStep } from '../../src/case/timeline';

const { timeline } = bundledCase();
const browserOf = useBrowser();
const truth = JSON.parse(readFileSync(join(import.meta.dirname, '../../cases', CASE_ID, 'phantom-truth.json'), 'utf8')) as {
  series: Record<string, { pixelSpacing: [number, number]; levels: Record<string, { bodyCentre: [number, number] }> }>;
};
const step = stepOf('multilevel');
const vp = cueForStep(timeline, step).viewports.left!;
const { pixelSpacing, levels } = truth.series[vp.series]!;

/** The arrow tips of WebGL at ratio 1, relative to the viewport's box: where every other run must put them. */
let baseline: [number, number][] | null = null;
let brainBaseline: [number, number][] | null = null;
/** The pictures WebGL drew at ratio 1 (8x8 grid of mean greys), by what was shown: every run must draw the same. */
const pictures = new Map<string, number[]>();

/** Mean grey of each cell of an 8x8 grid: independent of the screenshot's pixel density. */
function grid(png: PNG): number[] {
  const out: number[] = [];
  for (let gy = 0; gy < 8; gy++) {
    for (let gx = 0; gx < 8; gx++) {
      let sum = 0;
      let n = 0;
      for (let y = Math.floor((gy * png.height) / 8); y < Math.floor(((gy + 1) * png.height) / 8); y++) {
        for (let x = Math.floor((gx * png.width) / 8); x < Math.floor(((gx + 1) * png.width) / 8); x++) {
          const o = (y * png.width + x) * 4;
          sum += 0.299 * png.data[o]! + 0.587 * png.data[o + 1]! + 0.114 * png.data[o + 2]!;
          n++;
        }
      }
      out.push(sum / Math.max(1, n));
    }
  }
  return out;
}

/** The viewport's picture is WebGL's at ratio 1: the image neither shifted nor scaled (mean cell difference). */
async function samePicture(page: Page, key: string): Promise<void> {
  const cells = grid(await pixelsOnly(viewport(page, 'left')));
  const base = pictures.get(key);
  if (!base) return void pictures.set(key, cells);
  const diff = cells.reduce((d, v, i) => d + Math.abs(v - base[i]!), 0) / cells.length;
  expect(diff, `picture of ${key}`).toBeLessThan(6);
}
const RATIOS = [1, 1.25, 2, 3];

async function tipsAt(page: Page, name: string): Promise<{ tips: [number, number][]; box: { x: number; y: number } }> {
  const box = (await viewport(page, name).boundingBox())!;
  const tips = (await arrowTipsOnScreen(page, name)).map(([x, y]) => [x - box.x, y - box.y] as [number, number]).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  return { tips, box };
}

for (const ratio of RATIOS) {
  for (const renderer of ['webgl', 'cpu'] as const) {
    it(`arrows and a length land on the anatomy at pixel ratio ${ratio} with the ${renderer} renderer`, async () => {
      const context = await browserOf().newContext({ viewport: { width: 1200, height: 800 }, deviceScaleFactor: ratio, serviceWorkers: 'block' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(stepUrl(`${inject('baseUrl')}?renderer=${renderer}`, step));
      await waitForStep(page, timeline, step, 60_000);
      const left = viewport(page, 'left');
      expect(await left.getAttribute('data-renderer')).toBe(renderer);
      const { tips, box } = await tipsAt(page, 'left');
      expect(tips).toHaveLength(vp.arrows.length);
      await samePicture(page, 'seed zoomed');
      if (!baseline) baseline = tips;
      else tips.forEach(([x, y], i) => expect(Math.hypot(x - baseline![i]![0], y - baseline![i]![1]), `arrow ${i + 1}`).toBeLessThan(1.5));

      // Image pixel -> page, from the arrows WebGL drew at ratio 1 (their tips point at pixel centres).
      const arrows = [...vp.arrows].sort((a, b) => a.tip[1] - b.tip[1]);
      const [t0, t2] = [baseline[0]!, baseline[baseline.length - 1]!];
      const [a0, a2] = [arrows[0]!.tip, arrows[arrows.length - 1]!.tip];
      const sx = (t2[0] - t0[0]) / (a2[0] - a0[0]);
      const sy = (t2[1] - t0[1]) / (a2[1] - a0[1]);
      const onPage = ([c, r]: readonly [number, number]): [number, number] => [box.x + t0[0] + (c - a0[0]) * sx, box.y + t0[1] + (r - a0[1]) * sy];

      await page.getByRole('toolbar', { name: 'Viewer tools' }).getByRole('button', { name: 'Length' }).click();
      const from = onPage(levels.L1!.bodyCentre);
      const to = onPage(levels.L3!.bodyCentre);
      await page.mouse.move(...from);
      await page.mouse.down();
      await page.mouse.move(...to, { steps: 12 });
      await page.mouse.up();
      const reported = async (): Promise<number> =>
        (await left.locator('svg text').allTextContents()).flatMap((t) => {
          const m = /(\d+(?:\.\d+)?)\s*mm/.exec(t);
          return m ? [Number(m[1])] : [];
        })[0] ?? NaN;
      const truthMm = Math.hypot(levels.L3!.bodyCentre[0] - levels.L1!.bodyCentre[0], levels.L3!.bodyCentre[1] - levels.L1!.bodyCentre[1]) * pixelSpacing[0];
      await expect.poll(async () => Math.abs((await reported()) - truthMm), { message: `true distance ${truthMm.toFixed(1)} mm` }).toBeLessThan(2 * pixelSpacing[0]);
      // The opening step: the image fitted to the viewport, no zoom.
      await page.getByRole('button', { name: 'Return to lesson' }).click();
      await page.keyboard.press('1');
      await waitForStep(page, timeline, 0);
      await samePicture(page, 'seed fitted');
      expect(errors).toEqual([]);
      await context.close();
    });
  }
}

// The brain case: its author's points (the corpus callosum's parts), on a real MR.
for (const ratio of RATIOS) {
  for (const renderer of ['webgl', 'cpu'] as const) {
    it(`the brain case's arrows stand on the author's points at pixel ratio ${ratio} with the ${renderer} renderer`, async () => {
      const context = await browserOf().newContext({ viewport: { width: 1200, height: 800 }, deviceScaleFactor: ratio, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(`${inject('baseUrl')}?renderer=${renderer}#/case/peds-brain-t1/step/2`);
      await page.locator('[role="img"][data-viewport="left"][data-state="ready"]').waitFor({ timeout: 60_000 });
      expect(await viewport(page, 'left').getAttribute('data-renderer')).toBe(renderer);
      await expect.poll(async () => (await arrowTipsOnScreen(page, 'left')).length).toBe(3);
      const { tips } = await tipsAt(page, 'left');
      await samePicture(page, 'brain region');
      if (!brainBaseline) brainBaseline = tips;
      else tips.forEach(([x, y], i) => expect(Math.hypot(x - brainBaseline![i]![0], y - brainBaseline![i]![1]), `arrow ${i + 1}`).toBeLessThan(1.5));
      await context.close();
    });
  }
}
