/**
 * The viewer a radiologist expects, in Chromium on the bundled case with real mouse and keys: keys in a focused
 * viewport (scroll, reset, invert, presets, cine), the shortcut sheet, overlays, linked scrolling by patient
 * position, and length measurements checked against the phantom's ground truth.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { openPage, useBrowser } from './browser';
import { bundledCase, CASE_ID, patchStats, waitForStep, stepOf, stepUrl, viewport, wlOf, pixelsOnly } from './lesson';
import { arrowTipsOnScreen } from './arrows';
import { cueForStep } from '../../src/case/timeline';
import { SHORTCUTS } from '../../src/ui/shortcuts';
import { readHeader, type DicomHeader } from '../../src/dicom/header';
import { sortHeaders } from '../../src/dicom/sort';
import { nearestImageIndex, sliceLocation } from '../../src/viewer/slice-position';

const { lesson, timeline } = bundledCase();
const CASE_DIR = join(import.meta.dirname, '../../cases', CASE_ID);
const caseUrl = (step: number): string => stepUrl(inject('baseUrl'), step);

/** Headers of a bundled series in the viewer's order (what linked scrolling compares). */
function seriesHeaders(key: string): DicomHeader[] {
  const s = lesson.series.find((x) => x.key === key);
  if (!s || !('manifest' in s)) throw new Error(`series ${key} has no manifest`);
  const manifest = join(CASE_DIR, s.manifest);
  const files = (JSON.parse(readFileSync(manifest, 'utf8')) as { files: string[] }).files;
  return sortHeaders(files.map((f) => readHeader(new Uint8Array(readFileSync(join(manifest, '..', f))), f)));
}

const browserOf = useBrowser();

const indexOf = async (frame: Locator): Promise<number> => Number(await frame.getAttribute('data-image-index'));

/** One wheel notch down over the middle of a viewport; resolves once it shows another image. */
async function wheelDownOnce(frame: Locator): Promise<void> {
  const start = await indexOf(frame);
  const box = (await frame.boundingBox())!;
  await frame.page().mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await frame.page().mouse.wheel(0, 120);
  await expect.poll(() => indexOf(frame)).not.toBe(start);
}

async function waitForIndex(frame: Locator, index: number): Promise<void> {
  await frame.and(frame.page().locator(`[data-image-index="${index}"][data-state="ready"]`)).waitFor({ timeout: 10_000 });
}

describe('viewer tools', () => {
  it('keys in a focused viewport: arrows scroll, R resets image and window, I inverts, C runs cine', async () => {
    const { page, errors } = await openPage(browserOf());
    const step = stepOf('l2');
    await page.goto(caseUrl(step));
    await waitForStep(page, timeline, step, 60_000);
    const frame = viewport(page, 'left');
    const start = await indexOf(frame);
    const wl = await wlOf(frame);
    expect(await frame.getAttribute('tabindex')).toBe('0');
    await frame.focus();

    await page.keyboard.press('ArrowDown');
    await waitForIndex(frame, start + 1);
    await page.keyboard.press('PageDown');
    await waitForIndex(frame, start + 2);
    await page.keyboard.press('ArrowUp');
    await waitForIndex(frame, start + 1);
    // A viewport key is the learner taking over; the lesson step did not move.
    await page.getByRole('button', { name: 'Return to lesson' }).waitFor();
    expect(page.url()).toContain(`/step/${step + 1}`);
    expect(await frame.locator('.bottom-left').textContent()).toMatch(/Loc -?\d+\.\d mm/);

    // Window by hand, then R: back to the cue's image and window.
    const box = (await frame.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 90, box.y + box.height / 2 + 50, { steps: 6 });
    await page.mouse.up();
    expect(await wlOf(frame)).not.toBe(wl);
    // On MR, 1 is the series default window, which is what this cue shows.
    await page.keyboard.press('1');
    await expect.poll(() => wlOf(frame)).toBe(wl);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2 + 70, { steps: 6 });
    await page.mouse.up();
    expect(await wlOf(frame)).not.toBe(wl);
    await page.keyboard.press('r');
    await waitForIndex(frame, start);
    await expect.poll(() => wlOf(frame)).toBe(wl);

    // I: the darkest patch of the image turns bright. This step's cue fits the square image to the viewport, so
    // the image is the centred square; the black around it is background, which inversion leaves black.
    const before = await pixelsOnly(frame);
    const side = Math.min(before.width, before.height);
    const left = (before.width - side) / 2 + 20;
    const top = (before.height - side) / 2 + 20;
    let dark = { x: 0, y: 0, mean: 255 };
    for (let y = top; y + 20 < top + side - 40; y += 10) {
      for (let x = left; x + 20 < left + side - 40; x += 10) {
        const { mean } = patchStats(before, x, y, 20, 20);
        if (mean < dark.mean) dark = { x, y, mean };
      }
    }
    expect(dark.mean).toBeLessThan(60);
    await page.keyboard.press('i');
    await frame.locator('.top-right', { hasText: 'Inverted' }).waitFor();
    await expect.poll(async () => patchStats(await pixelsOnly(frame), dark.x, dark.y, 20, 20).mean).toBeGreaterThan(dark.mean + 120);

    // C: cine at the chosen rate (10 fps by default) shows in the corner and moves through the images.
    await page.keyboard.press('c');
    await frame.locator('.top-right', { hasText: 'Cine 10 fps' }).waitFor();
    const seen = new Set<number>();
    for (let i = 0; i < 15; i++) {
      seen.add(await indexOf(frame));
      await page.waitForTimeout(100);
    }
    expect(seen.size, 'images shown while cine runs').toBeGreaterThanOrEqual(4);

    // "Return to lesson" undoes it all: cine stopped, invert off, the cue's image and window.
    await page.getByRole('button', { name: 'Return to lesson' }).click();
    await waitForStep(page, timeline, step);
    expect(await frame.locator('.top-right').textContent()).not.toMatch(/Cine|Inverted/);
    expect(await wlOf(frame)).toBe(wl);
    await page.waitForTimeout(300);
    expect(await indexOf(frame), 'cine stopped').toBe(start);
    expect(patchStats(await pixelsOnly(frame), dark.x, dark.y, 20, 20).mean).toBeLessThan(dark.mean + 20);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keyboard window, level and zoom on MR: Shift+arrows, + and -, said to screen readers; 3 is tissue contrast; the probe says "Signal"', async () => {
    const { page, errors } = await openPage(browserOf());
    const step = stepOf('l2');
    await page.goto(caseUrl(step));
    await waitForStep(page, timeline, step, 60_000);
    const frame = viewport(page, 'left');
    const wl = async (): Promise<{ w: number; l: number }> => {
      const [, w, l] = /^W (\d+) L (-?\d+)$/.exec((await wlOf(frame)) ?? '') ?? [];
      return { w: Number(w), l: Number(l) };
    };
    // The live region a screen reader hears: it says what the (hidden) corner shows.
    const said = page.getByRole('status').filter({ hasText: /^(Window|Zoom) / });
    const start = await wl();
    await frame.focus();

    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(async () => (await wl()).w).toBeGreaterThan(start.w);
    expect((await wl()).l).toBe(start.l);
    await expect.poll(() => said.textContent()).toBe(`Window ${(await wl()).w}, level ${(await wl()).l}`);
    // Shift+→ in a viewport windows; it does not move the lesson on.
    await page.getByRole('button', { name: 'Return to lesson' }).waitFor();
    expect(page.url()).toContain(`/step/${step + 1}`);
    await page.keyboard.press('Shift+ArrowUp');
    await expect.poll(async () => (await wl()).l).toBeGreaterThan(start.l);
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(async () => (await wl()).w).toBeLessThan(start.w);
    await expect.poll(() => said.textContent()).toBe(`Window ${(await wl()).w}, level ${(await wl()).l}`);

    const zoom = async (): Promise<number> => Number(/Zoom (\d+\.\d)x/.exec((await frame.locator('.zoom').textContent()) ?? '')?.[1]);
    const z = await zoom();
    await page.keyboard.press('+');
    await expect.poll(zoom).toBeGreaterThan(z);
    await expect.poll(() => said.textContent()).toBe(`Zoom ${(await zoom()).toFixed(1)} times`);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect.poll(zoom).toBeLessThan(z);

    // MR's preset keys: 1 the series default, 3 tissue contrast (narrower than the default, within the image).
    await page.keyboard.press('1');
    await expect.poll(wl).toEqual(start);
    await page.keyboard.press('3');
    await expect.poll(async () => (await wl()).w).toBeLessThan(start.w);

    // A probe on MR: the signal, no unit, then the pixel.
    await page.getByRole('toolbar', { name: 'Viewer tools' }).getByRole('button', { name: 'Probe' }).click();
    const box = (await frame.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => frame.locator('svg text', { hasText: 'Signal' }).allTextContents()).toEqual([expect.stringMatching(/^Signal \d+(\.\d+)? at pixel \d+, \d+$/)]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('preset keys on the CT step: 2 is bone, 1 soft tissue; outside a viewport digits still jump to steps', async () => {
    const { page, errors } = await openPage(browserOf());
    const step = stepOf('ct');
    await page.goto(caseUrl(step));
    await waitForStep(page, timeline, step, 60_000);
    const frame = viewport(page, 'left');
    await frame.focus();
    await page.keyboard.press('2');
    await expect.poll(() => wlOf(frame)).toBe('W 1800 L 400');
    await page.keyboard.press('3');
    await expect.poll(() => wlOf(frame)).toBe('W 1500 L -600');
    await page.keyboard.press('1');
    await expect.poll(() => wlOf(frame)).toBe('W 400 L 40');
    expect(page.url()).toContain(`/step/${step + 1}`);
    // Focus elsewhere: the lesson's keys again.
    await page.getByRole('button', { name: 'Return to lesson' }).focus();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('2');
    await waitForStep(page, timeline, 1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('? opens the shortcut sheet listing every binding of the table; Escape closes it', async () => {
    const { page } = await openPage(browserOf());
    await page.goto(caseUrl(0));
    await waitForStep(page, timeline, 0, 60_000);
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    const text = (await sheet.textContent()) ?? '';
    for (const s of SHORTCUTS) {
      expect(text, `sheet lists ${s.action}`).toContain(s.description);
      expect(text).toContain(s.label);
    }
    // Keys typed while it is open do not drive the lesson.
    await page.keyboard.press('ArrowRight');
    expect(page.url()).toContain('/step/1');
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    await page.close();
  });

  it('overlay corners show slice location and zoom, and "Hide overlays" hides them', async () => {
    const { page, errors } = await openPage(browserOf());
    const step = stepOf('post');
    await page.goto(caseUrl(step));
    await waitForStep(page, timeline, step, 60_000);
    const cue = cueForStep(timeline, step);
    for (const [name, vp] of Object.entries(cue.viewports)) {
      const frame = viewport(page, name);
      const header = seriesHeaders(vp.series)[vp.imageIndex]!;
      expect(await frame.locator('.bottom-left').textContent()).toContain(`Loc ${sliceLocation(header)!.toFixed(1)} mm`);
      // The cue frames a region, so the image is magnified.
      const zoom = /Zoom (\d+\.\d)x/.exec((await frame.locator('.top-right').textContent()) ?? '');
      expect(zoom, `zoom in ${name}`).not.toBeNull();
      expect(Number(zoom![1])).toBeGreaterThan(1);
    }
    // Right-drag zooms, and the corner follows.
    const right = viewport(page, 'right');
    const zoomText = () => right.locator('.zoom').textContent();
    const before = await zoomText();
    const box = (await right.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down({ button: 'right' });
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 80, { steps: 6 });
    await page.mouse.up({ button: 'right' });
    await expect.poll(zoomText).not.toBe(before);

    await page.getByRole('button', { name: 'Hide overlays' }).click();
    expect(await right.locator('.bottom-right').isVisible()).toBe(false);
    expect(await viewport(page, 'left').locator('.top-left').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Show overlays' }).click();
    expect(await right.locator('.bottom-right').isVisible()).toBe(true);
    // No patient identifiers in the corners: only the case's labels and numbers.
    const corners = (await page.locator('.viewport-overlay').allTextContents()).join(' ');
    expect(corners).not.toMatch(/patient|phantom\^|\d{8}/i);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a linked viewport whose files are still arriving follows a scroll once they are here, to the nearest image of all', async () => {
    const { page, errors } = await openPage(browserOf());
    const step = stepOf('post');
    const cue = cueForStep(timeline, step);
    const followed = cue.viewports.right!;
    const s = lesson.series.find((x) => x.key === followed.series)!;
    const files = 'manifest' in s ? (JSON.parse(readFileSync(join(CASE_DIR, s.manifest), 'utf8')) as { files: string[] }).files : [];
    const shownFile = files[followed.imageIndex]!;
    // The followed series' other files come late: right after the step, only the shown image's header is here.
    await page.route(`**/${followed.series}/*.dcm`, async (route) => {
      if (!route.request().url().endsWith(`/${shownFile}`)) await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.goto(caseUrl(step));
    await waitForStep(page, timeline, step, 60_000);
    const left = viewport(page, 'left');
    const right = viewport(page, 'right');
    await wheelDownOnce(left);
    const expected = nearestImageIndex(seriesHeaders(cue.viewports.left!.series)[await indexOf(left)]!, seriesHeaders(followed.series));
    expect(expected).not.toBe(followed.imageIndex);
    await waitForIndex(right, expected!);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('linked viewports follow a scroll to the image nearest in patient position; "Unlink" stops it', async () => {
    const { page, errors } = await openPage(browserOf());
    const step = stepOf('post');
    await page.goto(caseUrl(step));
    await waitForStep(page, timeline, step, 60_000);
    const cue = cueForStep(timeline, step);
    expect(cue.links).toEqual([['left', 'right']]);
    const pre = seriesHeaders(cue.viewports.left!.series);
    const post = seriesHeaders(cue.viewports.right!.series);
    const left = viewport(page, 'left');
    const right = viewport(page, 'right');
    // The wheel on the left viewport.
    await wheelDownOnce(left);
    let expected = nearestImageIndex(pre[await indexOf(left)]!, post);
    expect(expected).toBeDefined();
    await waitForIndex(right, expected!);

    // Keys on the focused right viewport move the left one.
    await right.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => indexOf(right)).toBe(expected! - 2);
    expected = nearestImageIndex(post[expected! - 2]!, pre);
    await waitForIndex(left, expected!);

    // Unlinked, the left viewport scrolls alone; "Link" joins it again.
    const leftCell = page.locator('.viewport-cell', { has: left });
    await leftCell.getByRole('button', { name: 'Unlink' }).click();
    await leftCell.getByRole('button', { name: 'Link' }).waitFor();
    const rightIndex = await indexOf(right);
    await left.focus();
    await page.keyboard.press('ArrowDown');
    await waitForIndex(left, expected! + 1);
    await page.waitForTimeout(300);
    expect(await indexOf(right)).toBe(rightIndex);
    await leftCell.getByRole('button', { name: 'Link' }).click();
    await left.focus();
    await page.keyboard.press('ArrowDown');
    await waitForIndex(left, expected! + 2);
    await waitForIndex(right, nearestImageIndex(pre[expected! + 2]!, post)!);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('measures a length in mm: the reported length matches the drawn distance within one pixel spacing', async () => {
    const { page, errors } = await openPage(browserOf());
    const step = stepOf('multilevel');
    await page.goto(caseUrl(step));
    await waitForStep(page, timeline, step, 60_000);
    const vp = cueForStep(timeline, step).viewports.left!;
    const truth = JSON.parse(readFileSync(join(CASE_DIR, 'phantom-truth.json'), 'utf8')) as {
      series: Record<string, { pixelSpacing: [number, number]; levels: Record<string, { imageIndex: number; bodyCentre: [number, number] }> }>;
    };
    const { pixelSpacing, levels } = truth.series[vp.series]!;
    const from = levels.L1!;
    const to = levels.L3!;
    expect([from.imageIndex, to.imageIndex]).toEqual([vp.imageIndex, vp.imageIndex]);

    // Image pixel -> screen, from the cue's drawn arrow tips (arrow tips point at pixel centres).
    const tips = (await arrowTipsOnScreen(page, 'left')).sort((a, b) => a[1] - b[1]);
    const arrows = [...vp.arrows].sort((a, b) => a.tip[1] - b.tip[1]);
    expect(tips.length).toBe(arrows.length);
    const [t0, t2] = [tips[0]!, tips[tips.length - 1]!];
    const [a0, a2] = [arrows[0]!.tip, arrows[arrows.length - 1]!.tip];
    const sx = (t2[0] - t0[0]) / (a2[0] - a0[0]);
    const sy = (t2[1] - t0[1]) / (a2[1] - a0[1]);
    const screen = ([c, r]: readonly [number, number]): [number, number] => [t0[0] + (c - a0[0]) * sx, t0[1] + (r - a0[1]) * sy];
    // The mapping is a plain scale and shift: the middle arrow lands where it predicts.
    const mid = screen(arrows[1]!.tip);
    expect(Math.hypot(mid[0] - tips[1]![0], mid[1] - tips[1]![1])).toBeLessThan(2);

    await page.getByRole('toolbar', { name: 'Viewer tools' }).getByRole('button', { name: 'Length' }).click();
    const [x0, y0] = screen(from.bodyCentre);
    const [x1, y1] = screen(to.bodyCentre);
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    await page.mouse.move(x1, y1, { steps: 12 });
    await page.mouse.up();
    const drawnPixels = Math.hypot((x1 - x0) / sx, (y1 - y0) / sy);
    const expected = drawnPixels * pixelSpacing[0];
    const left = viewport(page, 'left');
    const lengths = async (): Promise<number[]> =>
      (await left.locator('svg text').allTextContents()).flatMap((t) => {
        const m = /(\d+(?:\.\d+)?)\s*mm/.exec(t);
        return m ? [Number(m[1])] : [];
      });
    await expect.poll(async () => (await lengths()).length).toBe(1);
    // The text follows the drag a render behind: wait for the line's final length.
    await expect
      .poll(async () => Math.abs(((await lengths())[0] ?? 0) - expected), { message: `drawn ${expected.toFixed(2)} mm` })
      .toBeLessThan(pixelSpacing[0]);
    const [reported] = await lengths();
    // Ground truth: the two body centres are this far apart.
    const truthMm = Math.hypot(to.bodyCentre[0] - from.bodyCentre[0], to.bodyCentre[1] - from.bodyCentre[1]) * pixelSpacing[0];
    expect(Math.abs(reported! - truthMm)).toBeLessThan(pixelSpacing[0]);

    // Measuring took over; returning to the lesson keeps the learner's measurement on the same image.
    await page.getByRole('button', { name: 'Return to lesson' }).click();
    await waitForStep(page, timeline, step);
    expect(await lengths()).toHaveLength(1);
    expect(await arrowTipsOnScreen(page, 'left')).toHaveLength(arrows.length);
    // "Clear measurements" removes the learner's lines only: the cue's arrows stay.
    await page.getByRole('button', { name: 'Clear measurements' }).click();
    await expect.poll(async () => (await lengths()).length).toBe(0);
    expect(await arrowTipsOnScreen(page, 'left')).toHaveLength(arrows.length);
    await page.getByRole('button', { name: 'Window/level' }).click();
    expect(await page.getByRole('button', { name: 'Window/level' }).getAttribute('aria-pressed')).toBe('true');
    expect(errors).toEqual([]);
    await page.close();
  });
});
