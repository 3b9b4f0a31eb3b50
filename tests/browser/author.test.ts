/**
 * Author mode on a bundled case: edits are checked as they happen (the error next to its field), undone, kept
 * across a reload; "Capture view" stores what the viewport shows; "Place arrow" puts an arrow where the author
 * clicked, stored in image pixels, and drawn there.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import type { ParsedCase } from '../../src/case/schema';
import { arrowTipsOnScreen } from './arrows';
import { openPage, useBrowser } from './browser';
import { bundledCase, CASE_ID } from './lesson';
import { silentWav } from './wav';
import { parseClock } from '../../src/case/time';

const { lesson } = bundledCase();
const browserOf = useBrowser();

async function exported(page: Page): Promise<ParsedCase> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export case.json' }).click()]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8')) as ParsedCase;
}

it('edits with live checks and undo, captures a view, places an arrow where clicked, and keeps the draft', async () => {
  const { page, errors } = await openPage(browserOf());
  await page.goto(`${inject('baseUrl')}#/author/${CASE_ID}`);
  const frame = page.locator('[role="img"][data-viewport]').first();
  await frame.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
  const status = page.getByRole('status').filter({ hasText: /checks out|to fix/ });
  expect(await status.textContent()).toContain('The case checks out.');

  // Select segment 3 and edit it.
  const seg = lesson.transcript[2]!;
  await page.locator('.segment-pick').nth(2).click();
  await page.getByLabel('Text of segment 3').fill('Edited words for the third segment.');
  // A start before the previous segment's is an error, shown by the segment with its path; undo puts it right.
  await page.getByLabel('Start of segment 3 (s)').fill('0');
  await expect.poll(() => status.textContent()).toMatch(/problem/);
  expect(await page.locator('.author-segments li').nth(2).getByRole('alert').textContent()).toContain('Segment 3 · start');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => status.textContent()).toContain('The case checks out.');

  // Scroll the viewport, then capture that view as the segment's cue.
  await expect.poll(async () => frame.getAttribute('data-state')).toBe('ready');
  const name = (await frame.getAttribute('data-viewport'))!;
  const box = (await frame.boundingBox())!;
  const before = Number(await frame.getAttribute('data-image-index'));
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 120);
  await expect.poll(async () => Number(await frame.getAttribute('data-image-index'))).not.toBe(before);
  const shownIndex = Number(await frame.getAttribute('data-image-index'));
  await page.getByRole('button', { name: 'Capture view' }).click();

  // An arrow where the author clicks.
  const arrowsBefore = (await arrowTipsOnScreen(page, name)).length;
  await page.getByLabel('Arrow label').fill('Placed here');
  await page.getByRole('button', { name: 'Place arrow' }).click();
  const click: [number, number] = [box.x + box.width * 0.4, box.y + box.height * 0.55];
  await page.mouse.click(...click);
  await expect.poll(async () => (await arrowTipsOnScreen(page, name)).length).toBe(arrowsBefore + 1);
  const tips = await arrowTipsOnScreen(page, name);
  const nearest = Math.min(...tips.map(([x, y]) => Math.hypot(x - click[0], y - click[1])));
  expect(nearest).toBeLessThan(4);
  // The next click sets where the arrow starts.
  const tailClick: [number, number] = [click[0] - 60, click[1] - 45];
  await page.mouse.click(...tailClick);
  await expect
    .poll(async () => {
      const starts = await page.$$eval(`[role="img"][data-viewport="${name}"] svg line`, (lines) =>
        lines
          .filter((l) => /url\(/.test(l.getAttribute('marker-end') ?? ''))
          .map((l) => {
            const r = (l as SVGLineElement).ownerSVGElement!.getBoundingClientRect();
            return [Number(l.getAttribute('x1')) + r.left, Number(l.getAttribute('y1')) + r.top];
          }),
      );
      return Math.min(...starts.map(([x, y]) => Math.hypot(x! - tailClick[0], y! - tailClick[1])));
    })
    .toBeLessThan(4);

  const draft = await exported(page);
  const cue = draft.cues.find((c) => c.at === seg.id)!;
  expect(cue.viewports[name]?.imageIndex).toBe(shownIndex);
  const arrow = cue.viewports[name]!.arrows.find((a) => a.label === 'Placed here')!;
  expect(arrow.tip.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
  expect(arrow.tail![0]).toBeLessThan(arrow.tip[0]);
  expect(arrow.tail![1]).toBeLessThan(arrow.tip[1]);
  expect(draft.transcript[2]!.text).toBe('Edited words for the third segment.');

  // The draft survives a reload.
  await page.reload();
  await page.getByText('Draft restored from').waitFor();
  const again = await exported(page);
  expect(again.cues.find((c) => c.at === seg.id)?.viewports[name]?.arrows.some((a) => a.label === 'Placed here')).toBe(true);
  expect(errors).toEqual([]);
  await page.close();
});

it('tap to time: with the recording at a moment, T (or the button) makes that the selected segment\'s start and selects the next', async () => {
  const { page, errors } = await openPage(browserOf());
  await page.goto(`${inject('baseUrl')}#/author/${CASE_ID}`);
  await page.locator('[role="img"][data-viewport][data-state="ready"]').first().waitFor({ timeout: 60_000 });
  const region = page.getByRole('region', { name: 'Tap to time' });
  await region.locator('input[type="file"]').setInputFiles({ name: 'narration.wav', mimeType: 'audio/wav', buffer: silentWav(lesson.transcript.at(-1)!.start + 30) });
  const audio = region.locator('audio');
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.duration || 0)).toBeGreaterThan(0);
  const seek = (t: number): Promise<unknown> =>
    audio.evaluate((a: HTMLAudioElement, at: number) => new Promise((done) => {
      a.addEventListener('seeked', done, { once: true });
      a.currentTime = at;
    }), t);
  const tenths = (v: number): number => Math.round(v * 10) / 10;
  const starts = lesson.transcript.map((s) => s.start);
  // New starts that keep the transcript in order: segment 3 between 2's and its own, segment 4 after that.
  const third = tenths((starts[1]! + starts[2]!) / 2);
  const fourth = tenths((third + starts[4]!) / 2);

  await page.locator('.segment-pick').nth(2).click();
  await seek(third);
  await page.keyboard.press('t');
  await expect.poll(() => page.locator('.segment-pick').nth(3).getAttribute('aria-pressed')).toBe('true');
  await seek(fourth);
  await region.getByRole('button', { name: /^Tap/ }).click();
  await expect.poll(() => page.locator('.segment-pick').nth(4).getAttribute('aria-pressed')).toBe('true');

  const draft = await exported(page);
  // Exported as written: seconds, or "m:ss" for the starts nobody tapped.
  const seconds = (v: unknown): number | null => (typeof v === 'number' ? v : parseClock(String(v)));
  expect(draft.transcript.map((s) => seconds(s.start))).toEqual([starts[0], starts[1], third, fourth, ...starts.slice(4)]);
  expect(await page.getByRole('status').filter({ hasText: /checks out|to fix/ }).textContent()).toContain('The case checks out.');
  expect(errors).toEqual([]);
  await page.close();
});
