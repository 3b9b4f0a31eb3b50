/**
 * The Probe tool and shared window/level, in Chromium on the bundled case: a probe on CT reads the pixel's HU as the
 * DICOM file stores it, and linked viewports take the learner's window from each other only while "Share W/L" is on.
 */
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openPage, useBrowser } from './browser';
import { bundledCase, CASE_ID, waitForStep, stepOf, stepUrl, viewport, wlOf } from './lesson';
import { arrowTipsOnScreen } from './arrows';
import { cueForStep } from '../../src/case/timeline';
import { seriesImages } from '../fixtures/case-pixels';

const { lesson, timeline } = bundledCase();
const CASE_DIR = join(import.meta.dirname, '../../cases', CASE_ID);
const caseUrl = (step: number): string => stepUrl(inject('baseUrl'), step);

const browserOf = useBrowser();


/** A left-drag from the viewport's centre by (dx, dy): a window change while Window/level has the left button. */
async function drag(page: Page, frame: Locator, dx: number, dy: number): Promise<void> {
  const box = (await frame.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy, { steps: 6 });
  await page.mouse.up();
}

/**
 * What the probes in a viewport say, read as a screen reader or a copy reads the label (its lines' text run
 * together): the value with its unit, a space, then the pixel. "(283, 195)45.0 HU" is no longer a probe's label.
 */
async function probes(frame: Locator): Promise<{ col: number; row: number; value: number; unit: string }[]> {
  return (await frame.locator('svg text').allTextContents()).flatMap((t) => {
    const m = /^(-?\d+(?:\.\d+)?) ([A-Za-z]+) at pixel (\d+), (\d+)$/.exec(t);
    return m ? [{ value: Number(m[1]), unit: m[2]!, col: Number(m[3]), row: Number(m[4]) }] : [];
  });
}

describe('probe and shared window/level', () => {
  it('Probe shows the HU of the clicked CT pixel, in the learner\'s colour, and "Clear measurements" removes it', async () => {
    const { page, errors } = await openPage(browserOf());
    const step = stepOf('ct');
    await page.goto(caseUrl(step));
    await waitForStep(page, timeline, step, 60_000);
    const vp = cueForStep(timeline, step).viewports.left!;
    expect(vp.series).toBe('ct-thoracic');
    const image = seriesImages(CASE_DIR, lesson, vp.series)[vp.imageIndex]!;
    const arrow = vp.arrows![0]!;
    const [tip] = await arrowTipsOnScreen(page, 'left');
    expect(tip).toBeDefined();

    const tools = page.getByRole('toolbar', { name: 'Viewer tools' });
    await tools.getByRole('button', { name: 'Probe' }).click();
    expect(await tools.getByRole('button', { name: 'Probe' }).getAttribute('aria-pressed')).toBe('true');
    await page.mouse.click(tip![0], tip![1]);
    const left = viewport(page, 'left');
    await expect.poll(async () => (await probes(left)).length).toBe(1);
    const [probe] = await probes(left);
    expect(probe!.unit).toBe('HU');
    // The arrow tip points at a pixel centre; the probe lands on that pixel or its neighbour.
    expect(Math.abs(probe!.col - arrow.tip[0])).toBeLessThanOrEqual(1);
    expect(Math.abs(probe!.row - arrow.tip[1])).toBeLessThanOrEqual(1);
    const truth = image.values[probe!.row * image.columns + probe!.col]!;
    expect(Math.abs(probe!.value - truth), `probe ${probe!.value} HU, file ${truth} HU`).toBeLessThan(5);
    // Two lines: the value, then where it was read.
    const lines = await left.locator('svg text', { hasText: 'HU' }).locator('tspan').allTextContents();
    expect(lines).toHaveLength(2);
    expect(lines[0]!.trim()).toMatch(/^-?\d+(\.\d+)? HU$/);
    expect(lines[1]).toBe(`at pixel ${probe!.col}, ${probe!.row}`);
    // Cyan like a length measurement, not the cue arrows' yellow.
    const fill = await left.locator('svg text', { hasText: 'HU' }).first().evaluate((t) => getComputedStyle(t).fill);
    expect(fill).not.toBe('rgb(255, 221, 0)');
    expect(fill).toBe('rgb(0, 220, 255)');

    // Probing took over, as measuring a length does.
    await page.getByRole('button', { name: 'Return to lesson' }).waitFor();
    await page.getByRole('button', { name: 'Clear measurements' }).click();
    await expect.poll(async () => (await probes(left)).length).toBe(0);
    expect(await arrowTipsOnScreen(page, 'left')).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('"Share W/L" gives the linked viewport the learner\'s window; off (the default), it keeps its own', async () => {
    const { page, errors } = await openPage(browserOf());
    const step = stepOf('post');
    await page.goto(caseUrl(step));
    await waitForStep(page, timeline, step, 60_000);
    expect(cueForStep(timeline, step).links).toEqual([['left', 'right']]);
    const left = viewport(page, 'left');
    const right = viewport(page, 'right');
    const leftCell = page.locator('.viewport-cell', { has: left });
    const rightCell = page.locator('.viewport-cell', { has: right });
    await leftCell.getByRole('button', { name: 'Share W/L' }).waitFor();
    await rightCell.getByRole('button', { name: 'Share W/L' }).waitFor();

    // Off: the left window moves alone.
    const rightBefore = await wlOf(right);
    const leftBefore = await wlOf(left);
    await drag(page, left, 90, 50);
    await expect.poll(() => wlOf(left)).not.toBe(leftBefore);
    await page.waitForTimeout(300);
    expect(await wlOf(right)).toBe(rightBefore);

    // On: the right viewport shows the left's window, both from the left's button and for the whole group.
    await leftCell.getByRole('button', { name: 'Share W/L' }).click();
    await rightCell.getByRole('button', { name: 'Unshare W/L' }).waitFor();
    const leftMid = await wlOf(left);
    await drag(page, left, -60, 70);
    await expect.poll(() => wlOf(left)).not.toBe(leftMid);
    await expect.poll(() => wlOf(right)).toBe(await wlOf(left));
    expect(await wlOf(right)).toMatch(/^W \d+ L -?\d+$/);

    // Off again: the next drag is the left's alone.
    await rightCell.getByRole('button', { name: 'Unshare W/L' }).click();
    await leftCell.getByRole('button', { name: 'Share W/L' }).waitFor();
    const shared = await wlOf(right);
    await drag(page, left, 70, -40);
    await expect.poll(() => wlOf(left)).not.toBe(shared);
    await page.waitForTimeout(300);
    expect(await wlOf(right)).toBe(shared);
    expect(errors).toEqual([]);
    await page.close();
  });
});
