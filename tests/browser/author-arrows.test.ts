/**
 * Author mode's framing and arrows, driven with the mouse and keys as an author would: a 300 px right-drag zooms
 * about 2x; "Capture view" keeps the pan as well as the zoom, so the learner's view puts every image point where
 * the author saw it; a placed arrow is drawn at once (even while the draft has a problem elsewhere), with a short
 * tail, and its tip and label can be dragged (without windowing the image), relabelled, deleted and undone.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import type { ParsedCase } from '../../src/case/schema';
import { arrowLabelsOnScreen, arrowTipsOnScreen, labelsAwayFromTails } from './arrows';
import { openPage, useBrowser } from './browser';
import { CASE_ID, wlOf } from './lesson';

const browserOf = useBrowser();
/** The bundled case's t1-pre images are 320 pixels wide and high. */
const IMAGE_SIZE = 320;

async function exported(page: Page): Promise<ParsedCase> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export case.json' }).click()]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8')) as ParsedCase;
}

async function openAuthor(page: Page): Promise<{ frame: Locator; name: string }> {
  await page.goto(`${inject('baseUrl')}#/author/${CASE_ID}`);
  const frame = page.locator('[role="img"][data-viewport]').first();
  await frame.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
  return { frame, name: (await frame.getAttribute('data-viewport'))! };
}

/** The drawn arrow tip nearest to `p`, and how far it is. */
async function nearestTip(page: Page, name: string, p: readonly [number, number]): Promise<number> {
  const tips = await arrowTipsOnScreen(page, name);
  return Math.min(Infinity, ...tips.map(([x, y]) => Math.hypot(x - p[0], y - p[1])));
}

async function drag(page: Page, from: readonly [number, number], to: readonly [number, number], button: 'left' | 'right' = 'left'): Promise<void> {
  await page.mouse.move(...from);
  await page.mouse.down({ button });
  await page.mouse.move(...to, { steps: 12 });
  await page.mouse.up({ button });
}

const segment = (page: Page, n: number): Locator => page.locator('.segment-pick').nth(n - 1);

it('zooms 2x for a 300 px right-drag, and "Capture view" keeps the pan and zoom the learner then sees', async () => {
  const { page, errors } = await openPage(browserOf());
  const { frame, name } = await openAuthor(page);
  // Segment 1's cue shows the image fitted.
  await segment(page, 1).click();
  const box = (await frame.boundingBox())!;
  const centre: [number, number] = [box.x + box.width / 2, box.y + box.height / 2];

  await drag(page, [centre[0], box.y + 40], [centre[0], box.y + 340], 'right');
  await expect.poll(async () => Number(/([\d.]+)x/.exec((await frame.locator('.zoom').textContent()) ?? '')?.[1])).toBeGreaterThan(1.8);
  expect(Number(/([\d.]+)x/.exec((await frame.locator('.zoom').textContent()) ?? '')?.[1])).toBeLessThan(2.2);
  // Shift+left-drag pans: the finding the author wants is off-centre, low and to the right.
  await page.keyboard.down('Shift');
  await drag(page, centre, [centre[0] - 90, centre[1] - 70]);
  await page.keyboard.up('Shift');
  // Typing in the transcript keeps the view the author zoomed and panned to: the cue in force did not change.
  const zoomed = await frame.locator('.zoom').textContent();
  const text = page.getByLabel('Text of segment 1');
  await text.click();
  await text.press('End');
  await text.pressSequentially(' Look low and right.');
  await page.waitForTimeout(500);
  expect(await frame.locator('.zoom').textContent()).toBe(zoomed);

  // An arrow near the bottom right of the author's view, placed before the view is captured: capturing must
  // leave it where it is, and the learner must see it there.
  const spot: [number, number] = [box.x + box.width * 0.7, box.y + box.height * 0.75];
  await page.getByLabel('Arrow label').fill('Here');
  await page.getByRole('button', { name: 'Place arrow' }).click();
  await page.mouse.click(...spot);
  await page.keyboard.press('Escape');
  await expect.poll(() => nearestTip(page, name, spot)).toBeLessThan(3);
  await page.getByRole('button', { name: 'Capture view' }).click();
  await expect.poll(() => nearestTip(page, name, spot)).toBeLessThan(3);

  // Away and back: the cue is applied afresh, framed from what was captured.
  await segment(page, 2).click();
  await expect.poll(() => nearestTip(page, name, spot)).toBeGreaterThan(20);
  await segment(page, 1).click();
  await expect.poll(() => nearestTip(page, name, spot)).toBeLessThan(3);

  // A smaller window: the learner still sees everything the author saw, the arrow included.
  await page.setViewportSize({ width: 1100, height: 760 });
  await expect.poll(async () => {
    const now = (await frame.boundingBox())!;
    const tips = await arrowTipsOnScreen(page, name);
    return tips.some(([x, y]) => x > now.x && x < now.x + now.width && y > now.y && y < now.y + now.height) && now.width < box.width;
  }).toBe(true);

  const cue = (await exported(page)).cues.find((c) => c.at === 'intro')!;
  expect(cue.viewports[name]?.region?.box).toHaveLength(4);
  expect(errors).toEqual([]);
  await page.close();
});

it('draws a placed arrow at once with a short tail; its tip and label drag without windowing; relabel, delete, undo', async () => {
  const { page, errors } = await openPage(browserOf());
  const { frame, name } = await openAuthor(page);
  const status = page.getByRole('status').filter({ hasText: /checks out|to fix/ });
  // Segment 3 keeps segment 2's view. A start before segment 2's: the draft has a problem while the arrow is made.
  await segment(page, 3).click();
  await page.getByLabel('Start of segment 3 (s)').fill('1');
  await expect.poll(() => status.textContent()).toMatch(/problem/);

  const box = (await frame.boundingBox())!;
  const tip: [number, number] = [box.x + box.width * 0.45, box.y + box.height * 0.55];
  await page.getByLabel('Arrow label').fill('Drag me');
  await page.getByRole('button', { name: 'Place arrow' }).click();
  await page.mouse.click(...tip);
  await page.keyboard.press('Escape');
  await expect.poll(() => nearestTip(page, name, tip), { timeout: 3000 }).toBeLessThan(3);
  const placed = (await exported(page)).cues.find((c) => c.at === 'l2-signal')!.viewports[name]!.arrows.find((a) => a.label === 'Drag me')!;
  expect(placed.tail).toBeDefined();
  const offset = Math.max(Math.abs(placed.tail![0] - placed.tip[0]), Math.abs(placed.tail![1] - placed.tip[1]));
  expect(offset).toBeGreaterThan(0.04 * IMAGE_SIZE);
  expect(offset).toBeLessThan(0.09 * IMAGE_SIZE);
  // An authored arrow's label sits at its tail, as a case's do: the tip's finding stays uncovered.
  await expect.poll(() => labelsAwayFromTails(page, name)).toEqual([]);

  // Dragging the tip moves the arrow, not the window.
  const wl = await wlOf(frame);
  const moved: [number, number] = [tip[0] + 40, tip[1] + 30];
  await drag(page, tip, moved);
  await expect.poll(() => nearestTip(page, name, moved)).toBeLessThan(3);
  expect(await nearestTip(page, name, tip)).toBeGreaterThan(20);
  expect(await wlOf(frame)).toBe(wl);
  expect(await page.getByRole('button', { name: 'Return to lesson' }).count()).toBe(0);

  // The label goes where it is dragged; undo puts it back, redo again.
  const labelBox = async (): Promise<{ x: number; y: number }> => (await arrowLabelsOnScreen(page, name)).find((l) => l.text === 'Drag me')!.box;
  const before = await labelBox();
  const grab: [number, number] = [before.x + 10, before.y + 8];
  await drag(page, grab, [grab[0] - 30, grab[1] + 60]);
  await expect.poll(async () => (await labelBox()).y - before.y).toBeGreaterThan(55);
  expect(await wlOf(frame)).toBe(wl);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.abs((await labelBox()).y - before.y)).toBeLessThan(2);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await labelBox()).y - before.y).toBeGreaterThan(55);

  // Relabelled from the list of arrows.
  const list = page.getByRole('region', { name: 'Arrows' });
  await list.getByLabel('Label of arrow 1').fill('Renamed');
  await expect.poll(async () => (await arrowLabelsOnScreen(page, name)).map((l) => l.text)).toContain('Renamed');

  // Picked on the image and deleted with the Delete key; undo brings it back; the list's button deletes it.
  const count = (await arrowTipsOnScreen(page, name)).length;
  await page.mouse.click(...moved);
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await arrowTipsOnScreen(page, name)).length).toBe(count - 1);
  await page.keyboard.press('Control+z');
  await expect.poll(() => nearestTip(page, name, moved)).toBeLessThan(3);
  await list.getByRole('button', { name: 'Delete arrow 1' }).click();
  await expect.poll(async () => (await arrowTipsOnScreen(page, name)).length).toBe(count - 1);
  expect(await wlOf(frame)).toBe(wl);
  expect(errors).toEqual([]);
  await page.close();
});
