/**
 * MONOCHROME1 (the lowest value shown white, as radiographs often are stored): the viewport shows it the way
 * Cornerstone's own CPU rendering of the series thumbnail does (bone white, air black), and the learner's "Invert"
 * (I) turns it the other way and back.
 */
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser } from './browser';

const RADIOGRAPH = join(import.meta.dirname, '../../../shared/dicom/pydicom-data/data_store/data/RG3_J2KR.dcm');
const browserOf = useBrowser();

type Box = [number, number, number, number];

/**
 * Mean luminance of an 8x8 grid over the lit part of a canvas found by `selector` (the image itself), or over
 * `box` when given (an inverted image's black borders would look like the letterbox around it).
 */
function grid(page: Page, selector: string, box?: Box): Promise<{ values: number[]; box: Box }> {
  return page.evaluate(({ sel, given }) => {
    const canvas = document.querySelector<HTMLCanvasElement>(sel);
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) throw new Error(`no canvas at ${sel}`);
    const { width, height } = canvas;
    const data = ctx.getImageData(0, 0, width, height).data;
    // The image's box: rows and columns that are not the black letterbox around it.
    const lit = (x: number, y: number): boolean => data[(y * width + x) * 4]! > 0 || data[(y * width + x) * 4 + 1]! > 0;
    let [x0, x1, y0, y1] = given ?? [width, -1, height, -1];
    if (!given) {
      for (let y = 0; y < height; y += 2) for (let x = 0; x < width; x += 2) if (lit(x, y)) [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
    }
    const out: number[] = [];
    for (let gy = 0; gy < 8; gy++) {
      for (let gx = 0; gx < 8; gx++) {
        let sum = 0;
        let n = 0;
        for (let y = Math.floor(y0 + ((y1 - y0) * gy) / 8); y < y0 + ((y1 - y0) * (gy + 1)) / 8; y++) {
          for (let x = Math.floor(x0 + ((x1 - x0) * gx) / 8); x < x0 + ((x1 - x0) * (gx + 1)) / 8; x++) {
            sum += data[(y * width + x) * 4]!;
            n++;
          }
        }
        out.push(sum / Math.max(1, n));
      }
    }
    return { values: out, box: [x0, x1, y0, y1] as [number, number, number, number] };
  }, { sel: selector, given: box });
}

function correlation(a: number[], b: number[]): number {
  const mean = (v: number[]): number => v.reduce((s, x) => s + x, 0) / v.length;
  const [ma, mb] = [mean(a), mean(b)];
  let [ab, aa, bb] = [0, 0, 0];
  a.forEach((x, i) => {
    ab += (x - ma) * (b[i]! - mb);
    aa += (x - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  });
  return ab / Math.sqrt(aa * bb);
}

it('a MONOCHROME1 radiograph shows as its thumbnail does, and Invert turns it over', async () => {
  const { page, errors } = await openPage(browserOf());
  await page.goto(inject('baseUrl'));
  await page.locator('.local-files input[type="file"][multiple]').setInputFiles(RADIOGRAPH);
  const frame = page.locator('[role="img"][data-viewport="main"]');
  await frame.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => document.querySelectorAll('[data-thumbnail="loading"]').length === 0);
  const thumbnail = (await grid(page, '.series-thumb canvas')).values;
  // The new image is drawn on the frame after it is reported.
  await page.waitForTimeout(300);
  const viewportCanvas = '[data-viewport="main"] .viewport-element canvas';
  const shown = await grid(page, viewportCanvas);
  expect(correlation(shown.values, thumbnail), 'the viewport against the thumbnail').toBeGreaterThan(0.8);
  const again = async (): Promise<number[]> => (await grid(page, viewportCanvas, shown.box)).values;

  await frame.focus();
  await page.keyboard.press('i');
  await frame.getByText('Inverted').waitFor();
  await page.waitForTimeout(300);
  expect(correlation(await again(), thumbnail), 'inverted by the learner').toBeLessThan(-0.8);
  await page.keyboard.press('i');
  await expect.poll(() => frame.getByText('Inverted').count()).toBe(0);
  await page.waitForTimeout(300);
  expect(correlation(await again(), thumbnail), 'back').toBeGreaterThan(0.8);
  expect(errors.filter((e) => e.startsWith('pageerror:'))).toEqual([]);
  await page.close();
});
