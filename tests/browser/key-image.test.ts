/**
 * Library cards show their case's key image: the seed case's card pictures the image its first step opens on,
 * windowed as the viewer windows it, drawn without downloading any of Cornerstone; an unreadable case's card shows
 * the placeholder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import dicomParser from 'dicom-parser';
import { describe, expect, inject, it } from 'vitest';
import { openPage, useBrowser } from './browser';
import { bundledCase, CASE_ID, stepUrl, viewport, waitForStep, wlOf } from './lesson';

const browserOf = useBrowser();
const GRID = 8;

/**
 * Mean grey (0-255) of each cell of an 8x8 grid laid on the card's picture (`width` x `height`), over `grey`, a
 * picture of the same scene at any size: each cell's edges are the card's pixel edges, scaled to `grey`'s size, so
 * both means cover the same part of the image.
 */
function cellMeans(grey: ArrayLike<number>, gw: number, gh: number, width: number, height: number): number[] {
  const means: number[] = [];
  const edge = (k: number, n: number): number => Math.floor((k * n) / GRID);
  for (let cy = 0; cy < GRID; cy++) {
    for (let cx = 0; cx < GRID; cx++) {
      const [x0, x1] = [edge(cx, width), edge(cx + 1, width)].map((e) => (e * gw) / width) as [number, number];
      const [y0, y1] = [edge(cy, height), edge(cy + 1, height)].map((e) => (e * gh) / height) as [number, number];
      let sum = 0;
      let n = 0;
      for (let y = Math.ceil(y0 - 0.5); y + 0.5 < y1; y++) {
        for (let x = Math.ceil(x0 - 0.5); x + 0.5 < x1; x++) {
          sum += grey[y * gw + x]!;
          n++;
        }
      }
      means.push(sum / n);
    }
  }
  return means;
}

/** The file's pixels under a window, decoded here on their own (uncompressed 16-bit grey, as the seed case is). */
function windowedFile(path: string, center: number, width: number): { grey: number[]; columns: number; rows: number } {
  const ds = dicomParser.parseDicom(new Uint8Array(readFileSync(path)));
  const rows = ds.uint16('x00280010')!;
  const columns = ds.uint16('x00280011')!;
  const el = ds.elements.x7fe00010!;
  const slope = Number(ds.string('x00281053') ?? 1);
  const intercept = Number(ds.string('x00281052') ?? 0);
  const signed = ds.uint16('x00280103') === 1;
  const view = new DataView(ds.byteArray.buffer, ds.byteArray.byteOffset + el.dataOffset, rows * columns * 2);
  const grey: number[] = [];
  for (let i = 0; i < rows * columns; i++) {
    const v = (signed ? view.getInt16(i * 2, true) : view.getUint16(i * 2, true)) * slope + intercept;
    grey.push(Math.min(255, Math.max(0, ((v - (center - width / 2)) / width) * 255)));
  }
  return { grey, columns, rows };
}

describe('library key images', () => {
  it("shows the seed case's first image on its card as the viewer windows it, without Cornerstone, and a placeholder for an unreadable case", async () => {
    const { page, errors } = await openPage(browserOf());
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    // An unreadable case beside the bundled ones, as the build lists a case.json it cannot parse.
    await page.route('**/cases/index.json', async (route) => {
      const entries = (await (await route.fetch()).json()) as unknown[];
      await route.fulfill({ json: [...entries, { id: 'unreadable', problem: 'case.json is not valid JSON' }] });
    });
    await page.goto(inject('baseUrl'));

    const picture = page.locator(`a[href*="#/case/${CASE_ID}"] .key-image[data-state="ready"] canvas`);
    await picture.waitFor({ timeout: 20_000 });
    const shown = await picture.evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const grey: number[] = [];
      for (let i = 0; i < data.length; i += 4) grey.push(data[i]!);
      return { grey, width: c.width, height: c.height, cssWidth: c.getBoundingClientRect().width };
    });
    expect(shown.cssWidth).toBeGreaterThan(60);
    await page.locator('.case-card:has(h2:text("unreadable")) .key-image[data-state="placeholder"]').waitFor();
    // Nothing of Cornerstone: no decode worker, no codec, no case-page chunk.
    expect(requested.filter((u) => /\.wasm$|decodeImageFrameWorker|CasePage|LessonView|ViewportGrid/i.test(u))).toEqual([]);

    // What the viewer shows at step 1: its image and its window, read from the viewport's hooks and corner.
    const { lesson, timeline } = bundledCase();
    await page.goto(stepUrl(inject('baseUrl'), 0));
    await waitForStep(page, timeline, 0);
    const first = viewport(page, Object.keys(timeline.cues[0]!.viewports)[0]!);
    const series = await first.getAttribute('data-series');
    const index = Number(await first.getAttribute('data-image-index'));
    const [, w, l] = /W (-?[\d.]+) L (-?[\d.]+)/.exec((await wlOf(first)) ?? '') ?? [];
    const spec = lesson.series.find((s) => s.key === series)!;
    const manifestPath = join(import.meta.dirname, '../../cases', CASE_ID, 'manifest' in spec ? spec.manifest : '');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: string[] };
    const file = join(manifestPath, '..', manifest.files[index]!);
    const expected = windowedFile(file, Number(l), Number(w));

    expect(shown.width / shown.height).toBeCloseTo(expected.columns / expected.rows, 1);
    const want = cellMeans(expected.grey, expected.columns, expected.rows, shown.width, shown.height);
    const got = cellMeans(shown.grey, shown.width, shown.height, shown.width, shown.height);
    const worst = Math.max(...want.map((v, i) => Math.abs(v - got[i]!)));
    expect(worst, `cell means: card ${got.map(Math.round).join(',')} vs file ${want.map(Math.round).join(',')}`).toBeLessThan(6);
    // Not a flat picture: the image has anatomy (the grid's cells differ).
    expect(Math.max(...got) - Math.min(...got)).toBeGreaterThan(40);
    expect(errors).toEqual([]);
    await page.close();
  });
});
