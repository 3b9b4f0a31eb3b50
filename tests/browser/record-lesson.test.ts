/**
 * Recording a lesson in one take, as a faculty member would, from a folder of DICOM files dropped on the library
 * (the seed case's series): Chromium's fake microphone speaks five sentences with pauses (espeak-ng), and while it
 * talks the test scrolls, windows, changes the layout, places two arrows, presses M and goes to the next step. The
 * page's own frames are sampled meanwhile, on the recording's clock. On stop: one segment per sentence plus the
 * mark, each with the view on screen at its start, the scroll as one sweep, the arrows, the recording as
 * narration; the author sees the take at once (texts still to write), previews it playing, clears the step it
 * never reached in one click, types the texts in "Recorded segments" and exports the package, which, opened
 * again, plays the same. And a denied microphone says so and records without audio.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { strFromU8, unzipSync } from 'fflate';
import { expect, inject, it } from 'vitest';
import type { Cue, ParsedCase } from '../../src/case/schema';
import { arrowTipsOnScreen } from './arrows';
import { openPage, useBrowser } from './browser';
import { CASE_ID, viewport, wlOf } from './lesson';
import { stepsCleanup } from '../../src/ui/i18n/en/steps-cleanup';
import { speechWav } from './speech';

/** What the speaker says; a pause of 1.5 s (past the detector's 0.7 s) between sentences. */
const SAID = [
  'We scroll down through the sagittal images.',
  'A narrower window shows the marrow.',
  'Side by side with the other series.',
  'Here is the mass, and here the thecal sac.',
  'The next step shows it in another plane.',
];
const SPEECH = speechWav(SAID, { gap: 1.5, lead: 0.6 });
const [S1, S2, S3, S4, S5] = SPEECH.sentences;
const SEED_SERIES = join(import.meta.dirname, '../../cases', CASE_ID, 'series');

// No fake UI: a page without the microphone permission is refused, as when an author says no.
const browserOf = useBrowser(['--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${SPEECH.path}%noloop`]);

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

/** One frame of the author's viewer, on the recording's clock. */
interface Sample {
  t: number;
  viewports: { id: string; series: string; index: number; wl: string }[];
}

/**
 * In the page: the recording's zero (MediaRecorder's start; the take's clock starts with it) and every animation
 * frame's viewports from then on, as a person sees them (series, image, window in the corner).
 */
function sampleFrames(): void {
  const w = window as unknown as { takeFrames: { t0: number | null; samples: Sample[]; marks: number[] } };
  w.takeFrames = { t0: null, samples: [], marks: [] };
  // When M went down, on the same clock.
  addEventListener('keydown', (e) => w.takeFrames.t0 !== null && e.key === 'm' && w.takeFrames.marks.push((e.timeStamp - w.takeFrames.t0) / 1000), true);
  const start = MediaRecorder.prototype.start;
  MediaRecorder.prototype.start = function (this: MediaRecorder, ...args: Parameters<MediaRecorder['start']>) {
    w.takeFrames = { t0: performance.now(), samples: [], marks: [] };
    return start.apply(this, args);
  };
  const frame = (): void => {
    const f = w.takeFrames;
    if (f.t0 !== null) {
      const viewports = [...document.querySelectorAll<HTMLElement>('.author-viewer [role="img"][data-viewport]')].map((el) => ({
        id: el.dataset.viewport ?? '',
        series: el.dataset.series ?? '',
        index: Number(el.dataset.imageIndex),
        wl: el.querySelector('.bottom-right')?.textContent ?? '',
      }));
      f.samples.push({ t: (performance.now() - f.t0) / 1000, viewports });
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** The cue in force at each segment. */
function cuesInForce(c: ParsedCase): (Cue | undefined)[] {
  let inForce: Cue | undefined;
  return c.transcript.map((seg) => (inForce = c.cues.find((q) => q.at === seg.id) ?? inForce));
}

it('records a take with spoken narration over dropped files: segments at pauses and marks, cues as shown, previewed at once; its package plays the same', async () => {
  const { page, errors } = await openPage(browserOf());
  await page.context().grantPermissions(['microphone'], { origin: new URL(inject('baseUrl')).origin });
  await page.addInitScript(sampleFrames);
  await page.goto(inject('baseUrl'));
  // The seed case's series folder, dropped on the library as a folder's files.
  const files = readdirSync(SEED_SERIES, { recursive: true }).map(String).filter((f) => f.endsWith('.dcm'));
  const dataTransfer = await page.evaluateHandle(async (names) => {
    const dt = new DataTransfer();
    for (const name of names) {
      const bytes = await (await fetch(`cases/epidural-aml/series/${name}`)).arrayBuffer();
      dt.items.add(new File([bytes], name.replace('/', '-'), { type: 'application/dicom' }));
    }
    return dt;
  }, files);
  const drop = page.getByRole('region', { name: 'Open DICOM files from this computer' });
  await drop.dispatchEvent('dragover', { dataTransfer });
  await drop.dispatchEvent('drop', { dataTransfer });
  const main = viewport(page, 'main');
  await main.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Author a case from these files' }).click();
  await main.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
  await page.getByLabel('Title', { exact: true }).fill('A lesson in one take');
  await page.getByLabel(/^Title in unknown mode/).fill('Back pain');
  await page.getByLabel(/^Case id/).fill('one-take');
  const box = (await main.boundingBox())!;
  const centre: [number, number] = [box.x + box.width / 2, box.y + box.height / 2];

  await page.getByRole('button', { name: 'Record lesson' }).click();
  const timer = page.getByRole('timer', { name: 'Recording time' });
  await timer.waitFor();
  // The test acts at times of the recording: its zero, seen from here.
  const since = await page.evaluate(() => performance.now() - (window as unknown as { takeFrames: { t0: number } }).takeFrames.t0);
  const t0 = Date.now() - since;
  const at = async (seconds: number): Promise<void> => {
    const wait = t0 + seconds * 1000 - Date.now();
    expect(wait, `the test fell behind the take at ${seconds} s`).toBeGreaterThan(-600);
    if (wait > 0) await page.waitForTimeout(wait);
  };
  await page.getByRole('meter', { name: 'Microphone level' }).waitFor();
  const first = Number(await main.getAttribute('data-image-index'));

  // S1: a scroll through the stack while talking.
  await at(S1!.start + 0.5);
  await page.mouse.move(...centre);
  for (let k = 0; k < 4; k++) await page.mouse.wheel(0, 120);
  await expect.poll(() => main.getAttribute('data-image-index')).toBe(String(first + 4));
  // In the pause: a window change (left-drag).
  await at(S1!.end + 0.4);
  await page.mouse.move(...centre);
  await page.mouse.down();
  await page.mouse.move(centre[0] + 60, centre[1] + 40, { steps: 5 });
  await page.mouse.up();
  // S2, then in the pause a second viewport.
  await at(S2!.end + 0.4);
  await page.getByLabel('Layout').first().selectOption('1x2');
  await viewport(page, 'cell-1').and(page.locator('[data-state="ready"]')).waitFor();
  // S3: two arrows while talking.
  await at(S3!.start + 0.3);
  const mainBox = (await main.boundingBox())!;
  for (const [fx, label] of [[0.4, 'mass'], [0.6, 'sac']] as const) {
    await page.getByLabel('Arrow label').fill(label);
    await page.getByRole('button', { name: 'Place arrow' }).click();
    await page.mouse.click(mainBox.x + mainBox.width * fx, mainBox.y + mainBox.height * 0.5);
    await page.keyboard.press('Escape');
  }
  // S4: M half-way through the sentence; then the next step in the pause.
  const markAt = (S4!.start + S4!.end) / 2;
  await at(markAt);
  await page.locator('body').press('m');
  await at(S4!.end + 0.5);
  await page.getByRole('button', { name: 'Next step' }).click();
  // Pause and resume in the final silence: the paused time is not in the take.
  await at(S5!.end + 0.2);
  await page.getByRole('button', { name: 'Pause recording' }).click();
  await page.getByRole('button', { name: 'Resume recording' }).waitFor();
  // The clock's last tick (every 100 ms) may still land: read it once that has passed.
  await page.waitForTimeout(200);
  const pausedAt = await timer.getAttribute('datetime');
  await page.waitForTimeout(800);
  expect(await timer.getAttribute('datetime')).toBe(pausedAt);
  await page.getByRole('button', { name: 'Resume recording' }).click();
  await page.getByRole('button', { name: 'Stop recording' }).click();
  const { samples, marks } = await page.evaluate(() => (window as unknown as { takeFrames: { samples: Sample[]; marks: number[] } }).takeFrames);
  await page.getByText(/The take is the draft now: 6 segments/).waitFor({ timeout: 20_000 });

  const draft = await exported(page);
  const seg = draft.transcript;
  expect(seg.map((s) => s.text)).toEqual(['', '', '', '', '', '']);
  const steps = [...new Set(seg.map((s) => s.step))];
  expect(steps).toHaveLength(2);
  expect(seg.map((s) => s.step)).toEqual([...Array(5).fill(steps[0]), steps[1]]);
  // The voice's onsets (the recorder starts a moment after the fake microphone), and the mark within S4.
  const starts = seg.map((s) => Number(s.start));
  for (const [i, k] of [[0, 0], [1, 1], [2, 2], [3, 3], [5, 4]] as const) {
    expect(Math.abs(starts[i]! - SPEECH.sentences[k]!.start), `segment ${i + 1} at ${starts[i]}`).toBeLessThan(0.4);
  }
  expect(marks).toHaveLength(1);
  expect(marks[0]).toBeGreaterThan(S4!.start);
  expect(marks[0]).toBeLessThan(S4!.end);
  expect(Math.abs(starts[4]! - marks[0]!), 'the mark').toBeLessThan(0.05);
  expect(draft.narration?.src).toMatch(/^narration\/recorded-lesson\.(webm|ogg)$/);
  expect(Math.abs(Number(draft.duration) - (S5!.end + 0.4))).toBeLessThan(1.5);

  // Each segment's cue is what the page showed at its start, within a frame: the frame drawn last before it or
  // the next one (a loaded machine may draw fewer than 60 a second).
  const frameAt = (t: number): Sample[] => {
    const before = samples.filter((f) => f.t <= t).at(-1);
    const after = samples.find((f) => f.t > t);
    return [before, after].filter((f): f is Sample => f !== undefined && Math.abs(f.t - t) < 0.25);
  };
  const matches = (cue: Cue, f: Sample): boolean =>
    JSON.stringify(Object.keys(cue.viewports)) === JSON.stringify(f.viewports.map((v) => v.id)) &&
    f.viewports.every((v) => {
      const c = cue.viewports[v.id]!;
      const shown = wl(v.wl);
      return c.series === v.series && c.imageIndex === v.index && (!c.window || (Math.abs(c.window.width - shown.width) <= 1 && Math.abs(c.window.center - shown.center) <= 1));
    });
  const inForce = cuesInForce(draft);
  seg.forEach((s, i) => {
    const around = frameAt(Number(s.start));
    expect(around.length, `frames sampled around ${s.start} s`).toBeGreaterThan(0);
    expect(around.some((f) => matches(inForce[i]!, f)), `segment ${i + 1}'s cue ${JSON.stringify(inForce[i]?.viewports)} against ${JSON.stringify(around[0])}`).toBe(true);
  });
  const cueAt = (id: string) => draft.cues.find((c) => c.at === id)?.viewports;
  expect(cueAt('seg-1')?.main).toMatchObject({ imageIndex: first, sweep: { from: first, to: first + 4 } });
  expect(cueAt('seg-2')?.main).toMatchObject({ imageIndex: first + 4 });
  expect(cueAt('seg-2')?.main?.window).toBeDefined();
  expect(Object.keys(cueAt('seg-3') ?? {})).toEqual(['main', 'cell-1']);
  expect(cueAt('seg-3')?.main?.arrows.map((a) => a.label)).toEqual(['mass', 'sac']);
  expect(cueAt('seg-4')).toBeUndefined();
  expect(cueAt('seg-5')).toBeUndefined();
  expect(Object.keys(cueAt('seg-6') ?? {})).toEqual(['main']);
  expect(cueAt('seg-6')?.main?.series).not.toBe(cueAt('seg-1')?.main?.series);

  // The author sees the take at once, its words still to write: segment 3 shows its two viewports and arrows.
  const list = page.getByRole('list', { name: 'Recorded segments' });
  await expect.poll(() => list.getByText('to write', { exact: true }).count()).toBe(6);
  await page.locator('.segment-pick').nth(2).click();
  await viewport(page, 'cell-1').waitFor();
  await expect.poll(async () => (await arrowTipsOnScreen(page, 'main')).length).toBe(2);
  // One Undo brings back the draft from before the take, one Redo the take.
  // (a draft made from files has a step, and a segment, per series dropped)
  const seriesDropped = new Set(files.map((f) => f.split('/')[0])).size;
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => page.locator('.segment-pick').count()).toBe(seriesDropped);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect.poll(() => page.locator('.segment-pick').count()).toBe(6);

  // The learner's preview plays the take before a word is written: the sweep goes by while segment 1 is said,
  // segment 2's window comes at its time.
  await page.getByRole('button', { name: 'Preview as learner' }).click();
  const pmain = viewport(page, 'main');
  await pmain.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => pmain.getAttribute('data-image-index'), { timeout: 6000 }).toMatch(new RegExp(`^(${first + 1}|${first + 2}|${first + 3})$`));
  await expect.poll(() => pmain.getAttribute('data-image-index'), { timeout: 6000 }).toBe(String(first + 4));
  const window2 = cueAt('seg-2')!.main!.window!;
  await expect.poll(async () => Math.abs(wl(await wlOf(pmain)).width - window2.width) <= 1, { timeout: 8000 }).toBe(true);
  const time = Number(await page.getByLabel('Lesson time').inputValue());
  expect(time).toBeGreaterThan(starts[1]! - 0.3);
  expect(time).toBeLessThan(starts[1]! + 1.5);
  await page.getByRole('button', { name: 'Back to authoring' }).click();

  // The steps the take never reached (it went through two): one click, not one problem at a time.
  await page.getByRole('button', { name: stepsCleanup.remove(seriesDropped - 2) }).click();
  await page.getByText(stepsCleanup.removed(seriesDropped - 2, 0)).waitFor();
  for (let n = 1; n <= 6; n++) await list.getByLabel(`What is said in segment ${n}`).fill(n === 5 ? 'And here the thecal sac.' : SAID[n < 5 ? n - 1 : 4]!);
  await page.getByText('The case checks out.').waitFor();

  await page.getByRole('button', { name: 'Export package' }).click();
  const review = page.getByRole('dialog', { name: 'Identifying information in these files' });
  await review.waitFor({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), review.getByRole('button', { name: 'Export de-identified package' }).click()]);
  const zipPath = join(mkdtempSync(join(tmpdir(), 'one-take-')), download.suggestedFilename());
  await download.saveAs(zipPath);
  const packed = JSON.parse(strFromU8(unzipSync(new Uint8Array(readFileSync(zipPath)))['case.json']!)) as ParsedCase;
  expect(packed.transcript.map((s) => s.start)).toEqual(starts);
  expect(packed.cues).toEqual(draft.cues);

  // Opened again: playing reaches segment 2 at its time with its window; a seek to segment 3 shows its two
  // viewports and arrows; the next step, segment 6's view.
  await page.goto(inject('baseUrl'));
  await page.reload();
  await page.locator('.local-files input[type="file"][accept*="zip"]').setInputFiles(zipPath);
  await page.waitForFunction(() => window.location.hash.startsWith('#/package/one-take'));
  const omain = viewport(page, 'main');
  await omain.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
  const current = page.getByRole('region', { name: 'Transcript' }).locator('[aria-current="true"]');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => current.textContent(), { timeout: 15_000 }).toContain(SAID[1]);
  const reached = await page.evaluate(() => document.querySelector('audio')!.currentTime);
  expect(reached).toBeGreaterThanOrEqual(starts[1]! - 0.05);
  expect(reached).toBeLessThan(starts[1]! + 0.5);
  expect(await omain.getAttribute('data-image-index')).toBe(String(first + 4));
  await expect.poll(async () => Math.abs(wl(await wlOf(omain)).width - window2.width) <= 1).toBe(true);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.locator('button.segment').nth(2).click();
  await viewport(page, 'cell-1').waitFor({ timeout: 8000 });
  await expect.poll(async () => (await arrowTipsOnScreen(page, 'main')).length).toBe(2);
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect.poll(() => current.textContent()).toContain(SAID[4]);
  await expect.poll(() => page.locator('[role="img"][data-viewport]').count()).toBe(1);
  await expect.poll(() => omain.getAttribute('data-series')).toBe(cueAt('seg-6')!.main!.series);
  expect(errors).toEqual([]);
  await page.close();
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
