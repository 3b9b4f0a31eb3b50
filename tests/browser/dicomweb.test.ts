/**
 * DICOMweb series from a real Orthanc (started by the global setup with the bundled case's files): the seed case
 * played from the server shows what the same case shows from its files, pixel for pixel, with the same window,
 * slice positions, arrows and thumbnails; frames are prefetched; a study the server lacks fails one viewport
 * with words that name the series and the reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PNG } from 'pngjs';
import { openPage, useBrowser } from './browser';
import { bundledCase, CASE_ID, patchStats, pixelsOnly, shownViewports, stepOf, viewport, waitForStep } from './lesson';
import { arrowTipsOnScreen } from './arrows';
import { cueForStep } from '../../src/case/timeline';
import { seriesImages } from '../fixtures/case-pixels';
import { readHeader } from '../../src/dicom/header';
import { sortHeaders } from '../../src/dicom/sort';
import { UNKNOWN_STUDY_UID } from '../fixtures/dicomweb-case';

const { lesson, timeline } = bundledCase();
const fixture = inject('dicomweb');
const base = inject('baseUrl');
const stepLink = (caseId: string, step: number): string => `${base}#/case/${caseId}/step/${step + 1}`;
const CASE_DIR = join(import.meta.dirname, '../../cases', CASE_ID);
const browserOf = useBrowser();

/** How many pixels of two screenshots differ at all (any channel); -1 when their sizes differ. */
function differingPixels(a: PNG, b: PNG): number {
  if (a.width !== b.width || a.height !== b.height) return -1;
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) n++;
  }
  return n;
}

/** The arrow tips drawn in a viewport, relative to its top-left corner. */
async function tipsIn(page: Page, name: string): Promise<[number, number][]> {
  const box = await viewport(page, name).boundingBox();
  if (!box) throw new Error(`viewport ${name} has no box`);
  return (await arrowTipsOnScreen(page, name)).map(([x, y]) => [Math.round((x - box.x) * 10) / 10, Math.round((y - box.y) * 10) / 10]);
}

/** The corner overlay's text: label, modality, zoom, image n / N, slice location, W/L. */
const overlayText = (page: Page, name: string): Promise<string | null> => viewport(page, name).locator('.viewport-overlay').textContent();

/** Each thumbnail's pixels once every thumbnail is drawn, by series key. */
async function thumbnails(page: Page): Promise<Record<string, string>> {
  const strip = page.locator('.series-thumb');
  await expect.poll(async () => strip.evaluateAll((els) => els.every((e) => e.getAttribute('data-thumbnail') === 'ready'))).toBe(true);
  return Object.fromEntries(
    await strip.evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-series') ?? '', e.querySelector('canvas')?.toDataURL() ?? ''] as const),
    ),
  );
}

describe.skipIf(!fixture)('DICOMweb series from Orthanc', () => {
  it('steps through the case with the same pixels, window, positions, arrows and thumbnails as from files', async () => {
    const files = await openPage(browserOf());
    const web = await openPage(browserOf());
    const frameRequests = new Set<string>();
    let frameRequestCount = 0;
    web.page.on('request', (r) => {
      if (!/\/dicom-web\/.*\/frames\/\d+$/.test(r.url())) return;
      frameRequests.add(r.url());
      frameRequestCount++;
    });
    await Promise.all([files.page.goto(stepLink(CASE_ID, 0)), web.page.goto(stepLink(fixture!.caseId, 0))]);

    const started = Date.now();
    await waitForStep(web.page, timeline, 0, 60_000);
    const firstImageMs = Date.now() - started;
    await waitForStep(files.page, timeline, 0, 60_000);
    // Prefetch: once the first cue is up, every frame of every series is fetched without being shown.
    const imageCount = fixture!.uploadedFiles;
    await expect.poll(() => frameRequests.size, { timeout: 30_000 }).toBe(imageCount);
    expect(await thumbnails(web.page)).toEqual(await thumbnails(files.page));

    let compared = 0;
    for (let step = 0; step < timeline.steps.length; step++) {
      if (step > 0) {
        for (const p of [files.page, web.page]) await p.getByRole('button', { name: 'Next step' }).click();
      }
      await waitForStep(web.page, timeline, step);
      await waitForStep(files.page, timeline, step);
      for (const name of Object.keys(cueForStep(timeline, step).viewports)) {
        const where = `viewport ${name} at step ${step + 1}`;
        expect(await overlayText(web.page, name), where).toBe(await overlayText(files.page, name));
        expect(await tipsIn(web.page, name), where).toEqual(await tipsIn(files.page, name));
        const [fromFiles, fromWeb] = [await pixelsOnly(viewport(files.page, name)), await pixelsOnly(viewport(web.page, name))];
        // An image with real contrast, so that "identical" is not two blank viewports.
        expect(patchStats(fromFiles, 0, 0, fromFiles.width, fromFiles.height).sd, `${where} looks blank`).toBeGreaterThan(15);
        expect(differingPixels(fromFiles, fromWeb), `${where}: pixels differing from the files' rendering`).toBe(0);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(timeline.steps.length);
    expect(frameRequests.size, 'frames of the case only').toBe(imageCount);
    console.log(
      `DICOMweb: first image in ${firstImageMs} ms; ${frameRequestCount} frame requests for ${imageCount} frames; ` +
        `${compared} viewports identical to the files' rendering`,
    );
    expect(web.errors).toEqual([]);
    expect(files.errors).toEqual([]);
    await Promise.all([files.page.close(), web.page.close()]);
  });

  it('Probe reads the CT value from the frames Orthanc sent, as the file stores it', async () => {
    const { page, errors } = await openPage(browserOf());
    const step = stepOf('ct');
    await page.goto(stepLink(fixture!.caseId, step));
    await waitForStep(page, timeline, step, 60_000);
    const vp = cueForStep(timeline, step).viewports.left!;
    const image = seriesImages(CASE_DIR, lesson, vp.series)[vp.imageIndex]!;
    const [tip] = await arrowTipsOnScreen(page, 'left');
    await page.getByRole('toolbar', { name: 'Viewer tools' }).getByRole('button', { name: 'Probe' }).click();
    await page.mouse.click(tip![0], tip![1]);
    const text = viewport(page, 'left').locator('svg text', { hasText: 'HU' });
    await text.first().waitFor();
    // The probe's label: "<value> HU at pixel <col>, <row>".
    const probe = /(-?\d+(?:\.\d+)?) HU at pixel (\d+), (\d+)/.exec((await text.allTextContents()).join(' '));
    expect(probe, 'probe text').not.toBeNull();
    const [value, col, row] = [Number(probe![1]), Number(probe![2]), Number(probe![3])];
    expect(Math.abs(value - image.values[row * image.columns + col]!)).toBeLessThan(0.5);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a frame the server fails to send fails its image, naming the instance and the HTTP status', async () => {
    const { page } = await openPage(browserOf());
    const step = stepOf('ct');
    const vp = cueForStep(timeline, step).viewports.left!;
    const header = sortHeaders(
      readdirSync(join(CASE_DIR, 'series', vp.series))
        .filter((f) => f.endsWith('.dcm'))
        .map((f) => readHeader(new Uint8Array(readFileSync(join(CASE_DIR, 'series', vp.series, f))), f)),
    )[vp.imageIndex]!;
    await page.route(`**/instances/${header.sopInstanceUID}/frames/1`, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(stepLink(fixture!.caseId, step));
    const failed = viewport(page, 'left').and(page.locator('[data-state="error"]'));
    await failed.waitFor({ timeout: 20_000 });
    const message = (await failed.getByRole('alert').textContent()) ?? '';
    expect(message).toBe(`instance ${header.instanceNumber} (${header.sopInstanceUID}): its pixels could not be downloaded (HTTP 404 Not Found)`);
    await page.close();
  });

  it('a study the server does not have fails that viewport only, naming the series and the reason', async () => {
    const { page } = await openPage(browserOf());
    const bad = fixture!.badSeries;
    const step = timeline.steps.findIndex((s) => {
      const names = Object.values(cueForStep(timeline, s.index).viewports).map((v) => v.series);
      return names.includes(bad) && names.some((n) => n !== bad);
    });
    expect(step, `a step showing ${bad} beside another series`).toBeGreaterThanOrEqual(0);
    const cue = cueForStep(timeline, step);
    const badName = Object.keys(cue.viewports).find((n) => cue.viewports[n]!.series === bad)!;
    const goodName = Object.keys(cue.viewports).find((n) => cue.viewports[n]!.series !== bad)!;
    const started = Date.now();
    await page.goto(stepLink(fixture!.badCaseId, step));
    const failed = viewport(page, badName).and(page.locator('[data-state="error"]'));
    await failed.waitFor({ timeout: 20_000 });
    const message = (await failed.getByRole('alert').textContent()) ?? '';
    expect(message).toContain(`series "${bad}"`);
    expect(message).toContain('DICOMweb server "local"');
    expect(message).toContain(`no instances of series`);
    expect(message).toContain(`in study ${UNKNOWN_STUDY_UID}`);
    await viewport(page, goodName).and(page.locator('[data-state="ready"]')).waitFor();
    console.log(`DICOMweb bad study: error shown after ${Date.now() - started} ms: ${message}`);
    expect((await shownViewports(page)).filter((v) => v.state === 'error')).toHaveLength(1);
    await page.close();
  });
});
