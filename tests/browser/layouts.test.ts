/**
 * The learner's grid in Chromium on the bundled case: double-click maximise and restore, layout choices undone by
 * "Return to lesson", series thumbnails (click and drag onto a viewport), Shift+left-drag panning, and an overlay
 * whose corners, link buttons and "Return to lesson" never cover each other, in every layout on every screen size.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { openPage, useBrowser } from './browser';
import { overlayOverlaps, SCREEN_SIZES } from './layout-rules';
import { labelsAwayFromTails } from './arrows';
import { bundledCase, decodePng, patchStats, waitForStep, stepOf, stepUrl, viewport, pixelsOnly } from './lesson';
import type { PNG } from 'pngjs';
import { cueForStep } from '../../src/case/timeline';

const { lesson, timeline } = bundledCase();
const caseUrl = (step: number): string => stepUrl(inject('baseUrl'), step);
/** The image the step's cue shows in its first viewport. */
const cueIndex = (step: number): number => Object.values(cueForStep(timeline, step).viewports)[0]?.imageIndex ?? 0;
const seriesLabel = (key: string): string => lesson.series.find((s) => s.key === key)?.label ?? key;

const browserOf = useBrowser();

const returnButton = (page: Page): Locator => page.getByRole('button', { name: 'Return to lesson' });

async function visibleViewports(page: Page): Promise<string[]> {
  const names: string[] = [];
  for (const el of await page.locator('[role="img"][data-viewport]').all()) {
    if (await el.isVisible()) names.push((await el.getAttribute('data-viewport')) ?? '');
  }
  return names;
}

async function width(frame: Locator): Promise<number> {
  return (await frame.boundingBox())?.width ?? 0;
}

/** Mean absolute luminance difference between `b` and `a` moved by (dx, dy), over the middle of the picture. */
function shiftedDiff(a: PNG, b: PNG, dx: number, dy: number): number {
  let sum = 0;
  let n = 0;
  const lum = (p: PNG, x: number, y: number): number => {
    const o = (y * p.width + x) * 4;
    return 0.299 * (p.data[o] ?? 0) + 0.587 * (p.data[o + 1] ?? 0) + 0.114 * (p.data[o + 2] ?? 0);
  };
  for (let y = Math.floor(a.height / 4); y < (a.height * 3) / 4; y += 2) {
    for (let x = Math.floor(a.width / 4); x < (a.width * 3) / 4; x += 2) {
      sum += Math.abs(lum(a, x, y) - lum(b, x + dx, y + dy));
      n++;
    }
  }
  return sum / n;
}

describe('learner layouts', () => {
  it('double-click maximises a viewport within the grid; double-click, Escape or "Return to lesson" restores it', async () => {
    const { page, errors } = await openPage(browserOf());
    const step = stepOf('post');
    await page.goto(caseUrl(step));
    await waitForStep(page, timeline, step, 60_000);
    const left = viewport(page, 'left');
    const right = viewport(page, 'right');
    expect(await visibleViewports(page)).toEqual(['left', 'right']);
    const half = await width(right);

    await right.dblclick();
    await expect.poll(() => visibleViewports(page)).toEqual(['right']);
    expect(await width(right)).toBeGreaterThan(half * 1.8);
    expect(await right.getAttribute('data-state')).toBe('ready');
    await returnButton(page).waitFor();

    await right.dblclick();
    await expect.poll(() => visibleViewports(page)).toEqual(['left', 'right']);
    await expect.poll(() => width(right)).toBeLessThan(half * 1.1);

    // Hidden, not destroyed: the left viewport comes back showing what it showed.
    await left.dblclick();
    await expect.poll(() => visibleViewports(page)).toEqual(['left']);
    await page.keyboard.press('Escape');
    await expect.poll(() => visibleViewports(page)).toEqual(['left', 'right']);
    expect(await right.getAttribute('data-state')).toBe('ready');

    await left.dblclick();
    await expect.poll(() => visibleViewports(page)).toEqual(['left']);
    await returnButton(page).click();
    await expect.poll(() => visibleViewports(page)).toEqual(['left', 'right']);
    await waitForStep(page, timeline, step);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a 2x2 layout adds cells with the other series and an empty cell; "Return to lesson" brings the cue back', async () => {
    const { page, errors } = await openPage(browserOf());
    const step = stepOf('l2');
    await page.goto(caseUrl(step));
    await waitForStep(page, timeline, step, 60_000);

    // The learner scrolls first: a layout change leaves what the existing viewport shows as it is.
    const left = viewport(page, 'left');
    await left.focus();
    await page.keyboard.press('ArrowDown');
    const scrolled = String(cueIndex(step) + 1);
    await left.and(page.locator(`[data-image-index="${scrolled}"]`)).waitFor();
    await page.getByRole('combobox', { name: 'Layout' }).selectOption('2x2');
    await returnButton(page).waitFor();
    const others = lesson.series.map((s) => s.key).filter((k) => k !== 't1-pre');
    await expect
      .poll(async () => (await page.locator('[role="img"][data-viewport]').all()).length)
      .toBe(1 + Math.min(3, others.length));
    for (const [i, key] of others.slice(0, 3).entries()) {
      const cell = viewport(page, `cell-${i + 1}`);
      await cell.and(page.locator(`[data-series="${key}"][data-state="ready"]`)).waitFor({ timeout: 30_000 });
    }
    if (others.length < 3) await page.getByText('Drop a series here').waitFor();
    expect(await visibleViewports(page)).toHaveLength(1 + Math.min(3, others.length));
    expect(await left.getAttribute('data-image-index')).toBe(scrolled);

    await returnButton(page).click();
    await waitForStep(page, timeline, step);
    expect(await page.getByText('Drop a series here').count()).toBe(0);
    expect(await page.getByRole('combobox', { name: 'Layout' }).inputValue()).toBe('1x1');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the series strip lists every series of the case in the case\'s order, each with a non-blank thumbnail', async () => {
    const { page, errors } = await openPage(browserOf());
    // The first series' file list arrives last: the strip still follows the case, not the network.
    const first = lesson.series[0];
    if (first && 'manifest' in first) {
      await page.route(`**/${first.manifest}`, async (route) => {
        await new Promise((r) => setTimeout(r, 1_000));
        await route.continue();
      });
    }
    const step = stepOf('l2');
    await page.goto(caseUrl(step));
    await waitForStep(page, timeline, step, 60_000);
    const strip = page.getByRole('list', { name: 'Series' });
    const items = strip.getByRole('listitem');
    await expect.poll(() => items.count()).toBe(lesson.series.length);
    const order = await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-series')));
    expect(order).toEqual(lesson.series.map((s) => s.key));
    for (const s of lesson.series) {
      const item = strip.locator(`[data-series="${s.key}"]`);
      await item.getByRole('button', { name: s.label }).waitFor();
      await item.and(page.locator('[data-thumbnail="ready"]')).waitFor({ timeout: 30_000 });
      const png = decodePng(await item.locator('canvas').screenshot());
      expect(patchStats(png, 0, 0, png.width, png.height).sd, `${s.key} thumbnail is blank`).toBeGreaterThan(5);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('clicking a thumbnail shows that series in the focused viewport; dragging one onto a viewport shows it there', async () => {
    const { page, errors } = await openPage(browserOf());
    const step = stepOf('post');
    await page.goto(caseUrl(step));
    await waitForStep(page, timeline, step, 60_000);
    const right = viewport(page, 'right');
    const left = viewport(page, 'left');
    await right.click();
    const strip = page.getByRole('list', { name: 'Series' });
    await strip.getByRole('button', { name: seriesLabel('ct-thoracic') }).click();
    await right.and(page.locator('[data-series="ct-thoracic"][data-state="ready"]')).waitFor({ timeout: 30_000 });
    expect(await right.getAttribute('aria-label')).toMatch(new RegExp(`^${seriesLabel('ct-thoracic')}, image \\d+ of \\d+$`));
    await returnButton(page).waitFor();
    const png = await pixelsOnly(right);
    expect(patchStats(png, png.width / 4, png.height / 4, png.width / 2, png.height / 2).sd).toBeGreaterThan(5);
    expect(await left.getAttribute('data-series')).toBe('t1-pre');

    await strip.getByRole('button', { name: seriesLabel('t1-post') }).dragTo(left);
    await left.and(page.locator('[data-series="t1-post"][data-state="ready"]')).waitFor({ timeout: 30_000 });
    expect(await right.getAttribute('data-series')).toBe('ct-thoracic');

    // The axial T1 through L2 (no cue names it) is in the strip too, and a learner can scroll it.
    await strip.getByRole('button', { name: seriesLabel('t1-ax-l2') }).dragTo(right);
    await right.and(page.locator('[data-series="t1-ax-l2"][data-state="ready"]')).waitFor({ timeout: 30_000 });
    expect(await right.getAttribute('aria-label')).toMatch(new RegExp(`^${seriesLabel('t1-ax-l2')}, image \\d+ of 7$`));
    const axial = await pixelsOnly(right);
    expect(patchStats(axial, axial.width / 4, axial.height / 4, axial.width / 2, axial.height / 2).sd).toBeGreaterThan(5);
    const first = await right.getAttribute('data-image-index');
    const rb = (await right.boundingBox())!;
    await page.mouse.move(rb.x + rb.width / 2, rb.y + rb.height / 2);
    await page.mouse.wheel(0, 120);
    await expect.poll(async () => right.getAttribute('data-image-index')).not.toBe(first);

    await returnButton(page).click();
    await waitForStep(page, timeline, step);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Shift+left-drag pans the image, whatever the left-button tool; Ctrl+arrows pan it from the keyboard', async () => {
    const { page, errors } = await openPage(browserOf());
    const step = stepOf('l2');
    await page.goto(caseUrl(step));
    await waitForStep(page, timeline, step, 60_000);
    const frame = viewport(page, 'left');
    const wl = await frame.locator('.bottom-right').textContent();
    const box = (await frame.boundingBox())!;
    const dx = 60;
    const dy = 30;

    for (const tool of ['Window/level', 'Length']) {
      await page.getByRole('toolbar', { name: 'Viewer tools' }).getByRole('button', { name: tool, exact: true }).click();
      const before = await pixelsOnly(frame);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.keyboard.down('Shift');
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy, { steps: 8 });
      await page.mouse.up();
      await page.keyboard.up('Shift');
      const after = await pixelsOnly(frame);
      // The picture moved by the drag: `after` shifted back matches `before` far better than unshifted.
      const moved = shiftedDiff(before, after, dx, dy);
      const still = shiftedDiff(before, after, 0, 0);
      expect(moved, `${tool}: moved ${moved}, unmoved ${still}`).toBeLessThan(still / 2);
      // Panned, not windowed, and no measurement was drawn.
      expect(await frame.locator('.bottom-right').textContent()).toBe(wl);
      expect(await frame.locator('svg text', { hasText: /\d\s*mm/ }).count()).toBe(0);
    }
    await returnButton(page).waitFor();

    // The keyboard's pan: Ctrl+→ moves the picture right by a tenth of the viewport, Ctrl+↓ down.
    await frame.focus();
    for (const [key, kx, ky] of [['Control+ArrowRight', 1, 0], ['Control+ArrowDown', 0, 1]] as const) {
      const before = await pixelsOnly(frame);
      await page.keyboard.press(key);
      const [sx, sy] = [Math.round(kx * before.width * 0.1), Math.round(ky * before.height * 0.1)];
      await expect
        .poll(async () => {
          const after = await pixelsOnly(frame);
          return shiftedDiff(before, after, sx, sy) < shiftedDiff(before, after, 0, 0) / 2;
        }, { message: key })
        .toBe(true);
    }
    expect(await frame.locator('.bottom-right').textContent()).toBe(wl);
    expect(page.url()).toContain(`/step/${step + 1}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('touch: one finger drags through the images, two fingers pinch to zoom', async () => {
    const { page, errors } = await openPage(browserOf());
    const step = stepOf('l2');
    await page.goto(caseUrl(step));
    await waitForStep(page, timeline, step, 60_000);
    const frame = viewport(page, 'left');
    const box = (await frame.boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    // Real touch input through the DevTools protocol (playwright's touchscreen only taps).
    const cdp = await page.context().newCDPSession(page);
    const touch = async (type: 'touchStart' | 'touchMove' | 'touchEnd', points: [number, number][]): Promise<void> => {
      await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
    };
    const start = Number(await frame.getAttribute('data-image-index'));
    await touch('touchStart', [[cx, cy - 100]]);
    for (let i = 1; i <= 10; i++) await touch('touchMove', [[cx, cy - 100 + i * 20]]);
    await touch('touchEnd', []);
    await expect.poll(async () => Number(await frame.getAttribute('data-image-index'))).not.toBe(start);
    await returnButton(page).waitFor();

    const zoomText = (): Promise<string | null> => frame.locator('.zoom').textContent();
    const zoom = await zoomText();
    await touch('touchStart', [[cx - 30, cy], [cx + 30, cy]]);
    for (let i = 1; i <= 10; i++) await touch('touchMove', [[cx - 30 - i * 10, cy], [cx + 30 + i * 10, cy]]);
    await touch('touchEnd', []);
    await expect.poll(zoomText).not.toBe(zoom);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('nothing of the overlay covers anything else at 1x3, 2x2, 1x2 and 1x1, on a phone, a tablet and a desktop; arrow labels sit at the tails', async () => {
    const step = stepOf('history');
    expect(Object.keys(cueForStep(timeline, step).viewports)).toHaveLength(3);
    for (const name of ['phone portrait 390x844', 'tablet portrait 820x1180', 'desktop 1440x900']) {
      const size = SCREEN_SIZES.find((s) => s.name === name)!;
      const { page, errors } = await sizedPage(browserOf(), size);
      await page.goto(caseUrl(step));
      await waitForStep(page, timeline, step, 60_000);
      await expect.poll(() => page.evaluate(overlayOverlaps), { message: `${name}, the cue's 1x3` }).toEqual([]);
      for (const vp of await visibleViewports(page)) expect(await labelsAwayFromTails(page, vp), `${name}, ${vp}`).toEqual([]);
      for (const layout of ['2x2', '1x2', '1x1']) {
        await chooseLayout(page, layout);
        await returnButton(page).waitFor();
        await page.waitForFunction(() =>
          [...document.querySelectorAll<HTMLElement>('[role="img"][data-viewport]')].every((el) => el.getClientRects().length === 0 || el.dataset.state === 'ready'),
        );
        await expect.poll(() => page.evaluate(overlayOverlaps), { message: `${name}, ${layout}` }).toEqual([]);
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});

/** A page at a screen size of layout-rules.ts (a phone or tablet with touch, so its 44 px tap targets). */
async function sizedPage(browser: Browser, size: { width: number; height: number; mobile: boolean }): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: size.width, height: size.height },
    deviceScaleFactor: 1,
    isMobile: size.mobile,
    hasTouch: size.mobile,
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => undefined));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return { page, errors };
}

/** Picks a layout from the toolbar, opening the folded "Tools" menu on a narrow viewer and closing it after. */
async function chooseLayout(page: Page, layout: string): Promise<void> {
  const select = page.getByRole('combobox', { name: 'Layout' });
  const folded = !(await select.isVisible());
  if (folded) await page.getByRole('button', { name: 'Tools' }).click();
  await select.selectOption(layout);
  if (folded) await page.getByRole('button', { name: 'Tools' }).click();
}
