/** What the bundled case says each step shows, read with the app's own parser, and page helpers to wait for it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { parseCase } from '../../src/case/parse';
import { buildTimeline, cueForStep, type Timeline } from '../../src/case/timeline';
import type { ParsedCase } from '../../src/case/schema';

export const CASE_ID = 'epidural-aml';

export function bundledCase(): { lesson: ParsedCase; timeline: Timeline } {
  const json: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '../../cases', CASE_ID, 'case.json'), 'utf8'));
  const r = parseCase(json);
  if (!r.ok) throw new Error(`bundled case invalid: ${JSON.stringify(r.problems)}`);
  return { lesson: r.value, timeline: buildTimeline(r.value) };
}

export interface ShownViewport {
  viewport: string;
  series: string;
  index: string;
  state: string;
  label: string;
}

export async function shownViewports(page: Page): Promise<ShownViewport[]> {
  return page.$$eval('[role="img"][data-viewport]', (els) =>
    els.map((e) => {
      const el = e as HTMLElement;
      return {
        viewport: el.dataset.viewport ?? '',
        series: el.dataset.series ?? '',
        index: el.dataset.imageIndex ?? '',
        state: el.dataset.state ?? '',
        label: el.getAttribute('aria-label') ?? '',
      };
    }),
  );
}

/** Waits until the viewports are exactly the step's cue: same names, series, image, and all ready. */
export async function waitForStep(page: Page, timeline: Timeline, stepIndex: number, timeout = 30_000): Promise<void> {
  const cue = cueForStep(timeline, stepIndex);
  const want = Object.entries(cue.viewports).map(([viewport, vp]) => ({
    viewport,
    series: vp.series,
    index: String(vp.imageIndex),
  }));
  try {
    await page.waitForFunction(
      (w) => {
        const els = [...document.querySelectorAll<HTMLElement>('[role="img"][data-viewport]')];
        return (
          els.length === w.length &&
          w.every((x, i) => {
            const el = els[i];
            return (
              el?.dataset.viewport === x.viewport &&
              el.dataset.series === x.series &&
              el.dataset.imageIndex === x.index &&
              el.dataset.state === 'ready'
            );
          })
        );
      },
      want,
      { timeout },
    );
  } catch (e) {
    // What the page says of itself too: a step that did not move reads otherwise than a viewer that did not follow.
    const where = await page.evaluate(() => ({
      hash: location.hash,
      position: document.querySelector('.step-position')?.textContent ?? null,
      focus: document.activeElement ? `${document.activeElement.tagName}.${document.activeElement.className}` : null,
      dialogs: document.querySelectorAll('dialog[open], [role="dialog"]').length,
      alerts: [...document.querySelectorAll('.viewport-message')].map((e) => e.textContent),
    }));
    throw new Error(
      `step ${stepIndex + 1}: wanted ${JSON.stringify(want)}, shown ${JSON.stringify(await shownViewports(page))}, page ${JSON.stringify(where)}: ${(e as Error).message}`,
    );
  }
}

/** Mean and standard deviation of a rectangle of a PNG screenshot (luminance 0-255). */
export function patchStats(png: PNG, x: number, y: number, w: number, h: number): { mean: number; sd: number } {
  let sum = 0;
  let sq = 0;
  let n = 0;
  for (let j = Math.max(0, Math.round(y)); j < Math.min(png.height, Math.round(y + h)); j++) {
    for (let i = Math.max(0, Math.round(x)); i < Math.min(png.width, Math.round(x + w)); i++) {
      const o = (j * png.width + i) * 4;
      const l = 0.299 * (png.data[o] ?? 0) + 0.587 * (png.data[o + 1] ?? 0) + 0.114 * (png.data[o + 2] ?? 0);
      sum += l;
      sq += l * l;
      n++;
    }
  }
  const mean = n ? sum / n : 0;
  return { mean, sd: n ? Math.sqrt(Math.max(0, sq / n - mean * mean)) : 0 };
}

export function decodePng(buffer: Buffer): PNG {
  return PNG.sync.read(buffer);
}

/** The 0-based index of a step of the bundled case, by its id. */
export function stepOf(id: string): number {
  const i = bundledCase().lesson.steps.findIndex((s) => s.id === id);
  if (i < 0) throw new Error(`the bundled case has no step "${id}"`);
  return i;
}

/** The deep link to a step (0-based here, 1-based in the link) of the bundled case. */
export function stepUrl(baseUrl: string, step: number): string {
  return `${baseUrl}#/case/${CASE_ID}/step/${step + 1}`;
}

export const viewport = (page: Page, name: string): Locator => page.locator(`[role="img"][data-viewport="${name}"]`);

/** The "W <width> L <center>" text in a viewport's corner. */
export const wlOf = async (frame: Locator): Promise<string | null> => frame.locator('.bottom-right').textContent();

/**
 * A screenshot with extra CSS applied meanwhile. Playwright's own `style` option injects a <style> element, which
 * the app's Content-Security-Policy blocks (and reports); a constructed stylesheet is not subject to it.
 */
export async function screenshotWithCss(target: Locator, css: string): Promise<Buffer> {
  await target.evaluate((_, text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    (window as unknown as { screenshotSheet?: CSSStyleSheet }).screenshotSheet = sheet;
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, css);
  try {
    return await target.screenshot();
  } finally {
    await target.evaluate(() => {
      const sheet = (window as unknown as { screenshotSheet?: CSSStyleSheet }).screenshotSheet;
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    });
  }
}

/** A screenshot of the pixels only: no overlay text, arrows, measurements, link buttons or focus ring. */
export async function pixelsOnly(frame: Locator): Promise<PNG> {
  return decodePng(
    await screenshotWithCss(
      frame,
      '.viewport svg, .viewport-overlay, .link-button { visibility: hidden !important; } .viewport::after { display: none !important; }',
    ),
  );
}
