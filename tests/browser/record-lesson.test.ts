/**
 * Recording a lesson in one take, as a faculty member would: Chromium's fake microphone plays speech-like bursts
 * with pauses (made here), and while it "talks" the test scrolls, windows, changes the layout, places two arrows,
 * presses M and goes to the next step. On stop the draft has one segment per burst plus the mark, each with the
 * view shown at its start, the scroll as one sweep, the arrows, the recording as narration; one Undo brings the
 * draft back. Once its texts are written (and the steps the take never reached deleted), the learner's preview
 * plays it: the viewports follow the recording. And a denied microphone says so and records without audio.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import type { ParsedCase } from '../../src/case/schema';
import { arrowTipsOnScreen } from './arrows';
import { openPage, useBrowser } from './browser';
import { CASE_ID, viewport, wlOf } from './lesson';
import { burstsWav } from './wav';

/** The fake speaker: bursts ("sentences") and pauses longer than the detector's 0.7 s. Times in seconds. */
const PARTS = [
  { speech: false, seconds: 0.6 },
  { speech: true, seconds: 1.8 }, // A 0.6: scrolls while talking
  { speech: false, seconds: 1.4 }, // windows in the pause
  { speech: true, seconds: 1.8 }, // B 3.8
  { speech: false, seconds: 1.4 }, // layout 1 x 2 in the pause
  { speech: true, seconds: 2.2 }, // C 7.0: places two arrows while talking
  { speech: false, seconds: 1.4 },
  { speech: true, seconds: 2.4 }, // D 10.6: M half-way
  { speech: false, seconds: 1.4 }, // next step in the pause
  { speech: true, seconds: 1.6 }, // E 14.4
  { speech: false, seconds: 2 },
];
const ONSETS = [0.6, 3.8, 7.0, 10.6, 14.4];
const WAV = join(tmpdir(), `record-lesson-${process.pid}.wav`);
writeFileSync(WAV, burstsWav(PARTS));

// No fake UI: a page without the microphone permission is refused, as when an author says no.
const browserOf = useBrowser(['--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${WAV}%noloop`]);

async function openAuthor(page: Page): Promise<Locator> {
  await page.goto(`${inject('baseUrl')}#/author/${CASE_ID}`);
  const left = viewport(page, 'left');
  await left.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
  return left;
}

async function exported(page: Page): Promise<ParsedCase> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export case.json' }).click()]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8')) as ParsedCase;
}

const wl = (text: string | null): { width: number; center: number } => {
  const [, w, c] = /W (-?\d+) L (-?\d+)/.exec(text ?? '') ?? [];
  return { width: Number(w), center: Number(c) };
};

it('records a take over the seed case: segments at pauses and marks, cues as shown, the recording as narration; the preview plays it', async () => {
  const { page, errors } = await openPage(browserOf());
  await page.context().grantPermissions(['microphone'], { origin: new URL(inject('baseUrl')).origin });
  const left = await openAuthor(page);
  const box = (await left.boundingBox())!;
  const centre: [number, number] = [box.x + box.width / 2, box.y + box.height / 2];

  await page.getByRole('button', { name: 'Record lesson' }).click();
  const timer = page.getByRole('timer', { name: 'Recording time' });
  await timer.waitFor();
  // The take's own clock (its <time> says it to a tenth): the test acts at times of the recording.
  const shown = /PT([\d.]+)S/.exec((await timer.getAttribute('datetime')) ?? '')?.[1];
  const t0 = Date.now() - Number(shown ?? 0) * 1000 - 50;
  const at = async (seconds: number): Promise<void> => {
    const wait = t0 + seconds * 1000 - Date.now();
    expect(wait, `the test fell behind the take at ${seconds} s`).toBeGreaterThan(-600);
    if (wait > 0) await page.waitForTimeout(wait);
  };
  await page.getByRole('meter', { name: 'Microphone level' }).waitFor();

  // A: a scroll through the stack while talking.
  await at(1.0);
  await page.mouse.move(...centre);
  for (let k = 0; k < 4; k++) await page.mouse.wheel(0, 120);
  await expect.poll(() => left.getAttribute('data-image-index')).toBe('11');
  // In the pause: a window change (left-drag).
  await at(2.5);
  await page.mouse.move(...centre);
  await page.mouse.down();
  await page.mouse.move(centre[0] + 60, centre[1] + 40, { steps: 5 });
  await page.mouse.up();
  // The overlay follows the drag a frame or two later: read it once it holds still.
  await expect.poll(async () => (await wlOf(left)) === (await page.waitForTimeout(150).then(() => wlOf(left)))).toBe(true);
  const windowB = wl(await wlOf(left));
  // B, then in the pause a second viewport.
  await at(5.7);
  await page.getByLabel('Layout').first().selectOption('1x2');
  await viewport(page, 'cell-1').and(page.locator('[data-state="ready"]')).waitFor();
  // C: two arrows while talking.
  await at(7.2);
  const leftBox = (await left.boundingBox())!;
  for (const [fx, label] of [[0.4, 'first'], [0.6, 'second']] as const) {
    await page.getByLabel('Arrow label').fill(label);
    await page.getByRole('button', { name: 'Place arrow' }).click();
    await page.mouse.click(leftBox.x + leftBox.width * fx, leftBox.y + leftBox.height * 0.5);
    await page.keyboard.press('Escape');
  }
  // D: M half-way through a sentence; then the next step in the pause.
  await at(11.4);
  await page.locator('body').press('m');
  await at(13.2);
  await page.getByRole('button', { name: 'Next step' }).click();
  // Pause and resume in the final silence: the paused time is not in the take.
  await at(16.2);
  await page.getByRole('button', { name: 'Pause recording' }).click();
  const pausedAt = await timer.textContent();
  await page.waitForTimeout(800);
  expect(await timer.textContent()).toBe(pausedAt);
  await page.getByRole('button', { name: 'Resume recording' }).click();
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await page.getByText(/The take is the draft now: 6 segments/).waitFor({ timeout: 20_000 });

  const draft = await exported(page);
  const seg = draft.transcript;
  expect(seg.map((s) => s.text)).toEqual(['', '', '', '', '', '']);
  expect(seg.map((s) => s.step)).toEqual(['l2', 'l2', 'l2', 'l2', 'l2', 'l5s1']);
  // The voice's onsets (the recorder starts a moment after the fake microphone), and the mark within D.
  const starts = seg.map((s) => Number(s.start));
  for (const [i, k] of [[0, 0], [1, 1], [2, 2], [3, 3], [5, 4]] as const) expect(Math.abs(starts[i]! - ONSETS[k]!), `segment ${i + 1} at ${starts[i]}`).toBeLessThan(0.4);
  // The mark, pressed while D was said (10.6 to 13.0 on the recording): a cut inside it.
  expect(starts[4]).toBeGreaterThan(starts[3]! + 0.3);
  expect(starts[4]).toBeLessThan(13);
  expect(draft.narration?.src).toMatch(/^narration\/recorded-lesson\.(webm|ogg)$/);
  expect(Number(draft.duration)).toBeGreaterThan(15.5);
  expect(Number(draft.duration)).toBeLessThan(18.5);

  const cueAt = (id: string) => draft.cues.find((c) => c.at === id)?.viewports;
  // seg-1: the cue's image, scrolled to 11 while talking: one sweep.
  expect(cueAt('seg-1')?.left).toMatchObject({ series: 't1-pre', imageIndex: 7, sweep: { from: 7, to: 11 } });
  // seg-2: the window set in the pause, on image 11.
  const b = cueAt('seg-2')?.left;
  expect(b).toMatchObject({ series: 't1-pre', imageIndex: 11 });
  expect(Math.abs(b!.window!.width - windowB.width)).toBeLessThanOrEqual(1);
  expect(Math.abs(b!.window!.center - windowB.center)).toBeLessThanOrEqual(1);
  // seg-3: two viewports, and the two arrows placed while it was said, on image 11.
  const c = cueAt('seg-3');
  expect(Object.keys(c ?? {})).toEqual(['left', 'cell-1']);
  expect(c?.['cell-1']?.series).toBe('t1-post');
  expect(c?.left?.arrows.map((a) => a.label)).toEqual(['first', 'second']);
  // seg-4 and seg-5 (cut by M) show what seg-3 showed: no cue of their own.
  expect(cueAt('seg-4')).toBeUndefined();
  expect(cueAt('seg-5')).toBeUndefined();
  // seg-6: the next step's view.
  expect(Object.keys(cueAt('seg-6') ?? {})).toEqual(['left']);
  expect(cueAt('seg-6')?.left?.region).toBeDefined();

  // The checker runs: empty texts and the steps the take never reached are problems. Undo brings the old draft.
  await page.locator('.author-status.bad').waitFor();
  await expect.poll(() => page.locator('.segment-pick').count()).toBe(6);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => page.locator('.segment-pick').count()).toBe(24);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect.poll(() => page.locator('.segment-pick').count()).toBe(6);

  // Write what was said, delete the steps not recorded: the case checks out, and the learner's preview plays it.
  for (let n = 1; n <= 6; n++) {
    await page.locator('.segment-pick').nth(n - 1).click();
    await page.getByLabel(`Text of segment ${n}`).fill(`Sentence ${n}.`);
  }
  for (let n = 0; n < 7; n++) await page.getByRole('button', { name: 'Delete step 3' }).click();
  await page.getByText('The case checks out.').waitFor();
  await page.getByRole('button', { name: 'Preview as learner' }).click();
  const pleft = viewport(page, 'left');
  await pleft.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Play' }).click();
  // The sweep plays while seg-1 is said: the images go by to 11, then seg-2's window comes at its time.
  await expect.poll(() => pleft.getAttribute('data-image-index'), { timeout: 6000 }).toMatch(/^(8|9|10)$/);
  await expect.poll(() => pleft.getAttribute('data-image-index'), { timeout: 6000 }).toBe('11');
  await expect.poll(async () => wl(await wlOf(pleft)).width, { timeout: 6000 }).toBe(windowB.width);
  const time = Number(await page.getByLabel('Lesson time').inputValue());
  expect(time).toBeGreaterThan(starts[1]! - 0.3);
  expect(time).toBeLessThan(starts[1]! + 1.5);
  // A click on a segment seeks the recording there: seg-3's two viewports with the arrows' image.
  await page.locator('button.segment').nth(2).click();
  await viewport(page, 'cell-1').waitFor({ timeout: 8000 });
  expect(await pleft.getAttribute('data-image-index')).toBe('11');
  await expect.poll(async () => (await arrowTipsOnScreen(page, 'left')).length).toBe(2);
  // A click on the last segment seeks the recording there: the next step's single viewport.
  await page.locator('button.segment').nth(5).click();
  await expect.poll(() => page.locator('[role="img"][data-viewport]').count()).toBe(1);
  expect(errors).toEqual([]);
});

it('refuses a take without room to keep it; says when the microphone is refused and records without audio; a recording that fails part-way keeps what it had', async () => {
  const { page, errors } = await openPage(browserOf());
  // The test keeps the streams the page opens, to take the microphone away as a failing device would.
  await page.addInitScript(() => {
    const devices = navigator.mediaDevices;
    const open = devices.getUserMedia.bind(devices);
    devices.getUserMedia = async (c) => {
      const stream = await open(c);
      (window as unknown as { takeStreams: MediaStream[] }).takeStreams = [stream];
      return stream;
    };
    // And says how much room the storage has left, when it sets one.
    const estimate = navigator.storage.estimate.bind(navigator.storage);
    navigator.storage.estimate = async () => {
      const left = (window as unknown as { storageLeft?: number }).storageLeft;
      return left === undefined ? estimate() : { quota: left, usage: 0 };
    };
  });
  await openAuthor(page);
  // A browser with no room for a recording: the take is refused before it begins.
  await page.evaluate(() => void ((window as unknown as { storageLeft?: number }).storageLeft = 50_000));
  await page.getByRole('button', { name: 'Record lesson' }).click();
  await page.getByText(/The browser has no room left to keep a recording/).waitFor();
  await page.evaluate(() => void delete (window as unknown as { storageLeft?: number }).storageLeft);
  await page.getByRole('button', { name: 'Record lesson' }).click();
  await page.getByRole('alert').filter({ hasText: 'The microphone could not be used' }).waitFor();
  await page.getByRole('button', { name: 'Record without audio' }).click();
  await page.getByRole('timer', { name: 'Recording time' }).waitFor();
  await expect.poll(() => page.getByRole('meter').count()).toBe(0);
  await page.waitForTimeout(700);
  await page.locator('body').press('m');
  await page.waitForTimeout(700);
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await page.getByText(/The take is the draft now: 2 segments/).waitFor();
  let draft = await exported(page);
  expect(draft.narration).toBeUndefined();
  expect(Number(draft.transcript[1]!.start)).toBeGreaterThan(0.5);
  expect(draft.cues[0]?.at).toBe('seg-1');

  // Allowed now; the microphone goes away 2.4 s into the take, during the first burst.
  await page.context().grantPermissions(['microphone'], { origin: new URL(inject('baseUrl')).origin });
  await page.getByRole('button', { name: 'Record lesson' }).click();
  await page.getByRole('meter', { name: 'Microphone level' }).waitFor();
  await page.waitForTimeout(2400);
  await page.evaluate(() => (window as unknown as { takeStreams: MediaStream[] }).takeStreams.forEach((s) => s.getTracks().forEach((t) => t.stop())));
  await page.getByText(/The recording stopped part-way/).waitFor();
  await page.getByText(/The take is the draft now: 1 segment/).waitFor();
  draft = await exported(page);
  expect(draft.narration?.src).toMatch(/^narration\/recorded-lesson/);
  expect(Number(draft.duration)).toBeGreaterThan(1.5);
  expect(Number(draft.transcript[0]!.start)).toBeCloseTo(0.6, 0);
  expect(errors.filter((e) => !/microphone|Permission/i.test(e))).toEqual([]);
});
