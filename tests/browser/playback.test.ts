/**
 * Narrated playback in Chromium: the viewports follow the lesson clock, clicking a segment seeks, a learner's
 * scroll pauses and "Return to lesson" restores the cue exactly, and a narration medium is the clock's master.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser } from './browser';
import { bundledCase, CASE_ID, decodePng, waitForStep } from './lesson';
import { segmentIndexAt, type Timeline } from '../../src/case/timeline';
import type { Cue } from '../../src/case/schema';
import { silentWav } from './wav';
import { readFileSync } from 'node:fs';
import { fromWebVtt } from '../../src/case/webvtt';

const { timeline } = bundledCase();
/** How much faster than real time the lesson clock runs in the play-through test (`?clock=` test hook). */
const FAST = 8;

const browserOf = useBrowser();

interface Sample {
  t: number;
  playing: boolean;
  vps: { viewport: string; series: string; index: string; state: string }[];
}

async function sample(page: Page): Promise<Sample> {
  return page.evaluate(() => ({
    t: Number(document.querySelector<HTMLInputElement>('input[aria-label="Lesson time"]')?.value ?? NaN),
    playing: document.querySelector('.play-button')?.textContent === 'Pause',
    vps: [...document.querySelectorAll<HTMLElement>('[role="img"][data-viewport]')].map((el) => ({
      viewport: el.dataset.viewport ?? '',
      series: el.dataset.series ?? '',
      index: el.dataset.imageIndex ?? '',
      state: el.dataset.state ?? '',
    })),
  }));
}

function shows(s: Sample, cue: Cue | undefined): boolean {
  if (!cue) return false;
  const want = Object.entries(cue.viewports);
  return (
    s.vps.length === want.length &&
    want.every(([name, vp], i) => s.vps[i]?.viewport === name && s.vps[i]?.series === vp.series && s.vps[i]?.index === String(vp.imageIndex))
  );
}

function cueIndexAt(tl: Timeline, t: number): number {
  return tl.segments[segmentIndexAt(tl, t)]?.cueIndex ?? 0;
}

describe('narrated playback', () => {
  it(`plays the whole lesson (clock ${FAST}x): the viewports follow the clock within one cue`, async () => {
    const { page, errors } = await openPage(browserOf());
    await page.goto(`${inject('baseUrl')}?clock=${FAST}#/case/${CASE_ID}/step/1`);
    await waitForStep(page, timeline, 0, 60_000);
    // Step 1 lands on its arrow; the whole lesson plays from its first words, as a learner picks them.
    await page.getByRole('region', { name: 'Transcript' }).getByRole('button', { name: timeline.segments[0]!.text }).click();
    await page.getByRole('button', { name: 'Play' }).click();
    const seenReady = new Set<number>();
    const lagging: string[] = [];
    let last: Sample | undefined;
    const deadline = Date.now() + ((timeline.duration / FAST) * 1000 + 20_000);
    while (Date.now() < deadline) {
      const s = await sample(page);
      last = s;
      const k = cueIndexAt(timeline, s.t);
      if (shows(s, timeline.cues[k]) && s.vps.every((v) => v.state === 'ready')) seenReady.add(k);
      // The viewports may still show the previous cue while the new one loads: "within one cue".
      else if (!shows(s, timeline.cues[k]) && !shows(s, timeline.cues[k - 1])) lagging.push(`t=${s.t}: ${JSON.stringify(s.vps)}`);
      if (!s.playing && s.t >= timeline.duration - 0.01) break;
      await page.waitForTimeout(40);
    }
    expect(lagging, 'samples more than one cue behind the clock').toEqual([]);
    expect([...seenReady].sort((a, b) => a - b)).toEqual(timeline.cues.map((_, i) => i));
    expect(last?.playing).toBe(false);
    expect(last?.t).toBeCloseTo(timeline.duration, 1);
    // Every answer is revealed by the time the narration ends.
    await page.getByRole('region', { name: 'Differential diagnosis' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('downloads the transcript as WebVTT captions that read back to the same segments', async () => {
    const { page } = await openPage(browserOf());
    await page.goto(`${inject('baseUrl')}#/case/${CASE_ID}/step/1`);
    await waitForStep(page, timeline, 0, 60_000);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download captions (WebVTT)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${CASE_ID}.vtt`);
    const text = readFileSync((await download.path())!, 'utf8');
    const back = fromWebVtt(text);
    expect(back.segments.map((s) => [s.start, s.end, s.text])).toEqual(timeline.segments.map((s) => [s.start, s.end, s.text]));
    await page.close();
  });

  it('clicking a late segment seeks there, and the viewports follow', async () => {
    const { page } = await openPage(browserOf());
    await page.goto(`${inject('baseUrl')}#/case/${CASE_ID}/step/1`);
    await waitForStep(page, timeline, 0, 60_000);
    await page.getByRole('button', { name: 'Reveal now' }).click();
    await page.getByRole('button', { name: 'Show answers' }).click();
    const target = timeline.segments.find((seg) => seg.stepIndex === timeline.steps.length - 3)!;
    await page.getByRole('region', { name: 'Transcript' }).getByRole('button', { name: target.text }).click();
    await waitForStep(page, timeline, target.stepIndex);
    const current = page.getByRole('region', { name: 'Transcript' }).locator('[aria-current="true"]');
    expect(await current.textContent()).toContain(target.text);
    expect((await sample(page)).t).toBeCloseTo(target.start, 1);
    await page.close();
  });

  it('a scroll or window drag by the learner pauses; "Return to lesson" restores the cue exactly', async () => {
    const { page } = await openPage(browserOf());
    const step = timeline.steps.findIndex((s) => Object.keys(timeline.cues[timeline.segments[s.firstSegment]!.cueIndex]!.viewports).length === 2);
    await page.goto(`${inject('baseUrl')}#/case/${CASE_ID}/step/${step + 1}`);
    await waitForStep(page, timeline, step, 60_000);
    const left = page.locator('[role="img"][data-viewport="left"]');
    const right = page.locator('[role="img"][data-viewport="right"]');
    const before = { left: await left.screenshot(), right: await right.screenshot(), wl: await right.locator('.bottom-right').textContent() };
    const indexBefore = await left.getAttribute('data-image-index');

    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(300);
    const box = (await left.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 120);
    await page.getByRole('button', { name: 'Return to lesson' }).waitFor();
    expect((await sample(page)).playing).toBe(false);
    await page.waitForFunction((i) => document.querySelector<HTMLElement>('[data-viewport="left"]')?.dataset.imageIndex !== i, indexBefore);
    const rbox = (await right.boundingBox())!;
    await page.mouse.move(rbox.x + rbox.width / 2, rbox.y + rbox.height / 2);
    await page.mouse.down();
    await page.mouse.move(rbox.x + rbox.width / 2 + 80, rbox.y + rbox.height / 2 + 60, { steps: 6 });
    await page.mouse.up();
    expect(await right.locator('.bottom-right').textContent()).not.toBe(before.wl);

    await page.getByRole('button', { name: 'Return to lesson' }).click();
    await waitForStep(page, timeline, step);
    expect(await page.getByRole('button', { name: 'Return to lesson' }).count()).toBe(0);
    expect(await right.locator('.bottom-right').textContent()).toBe(before.wl);
    // Pixel for pixel the same picture as before the take-over (series, image, window, zoom, arrows).
    for (const [name, frame] of [['left', left], ['right', right]] as const) {
      const a = decodePng(before[name]);
      const b = decodePng(await frame.screenshot());
      let diff = 0;
      for (let i = 0; i < a.data.length; i += 4) diff += Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0));
      expect(diff / (a.width * a.height), `${name} differs after "Return to lesson"`).toBeLessThan(1);
    }
    await page.close();
  });

  it('with recorded narration, the medium is the master: seeking it moves the transcript and the viewports', async () => {
    const { page, errors } = await openPage(browserOf());
    const wav = silentWav(timeline.duration + 2);
    await page.route(`**/cases/${CASE_ID}/case.json`, async (route) => {
      const json = (await (await route.fetch()).json()) as Record<string, unknown>;
      await route.fulfill({ json: { ...json, narration: { src: 'narration.wav' } } });
    });
    // Media elements seek with byte ranges, as static hosts serve them.
    await page.route(`**/cases/${CASE_ID}/narration.wav`, (route) => {
      const range = /bytes=(\d+)-(\d*)/.exec(route.request().headers()['range'] ?? '');
      if (!range) return route.fulfill({ status: 200, contentType: 'audio/wav', body: wav, headers: { 'Accept-Ranges': 'bytes' } });
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), wav.length - 1) : wav.length - 1;
      return route.fulfill({
        status: 206,
        contentType: 'audio/wav',
        body: wav.subarray(start, end + 1),
        headers: { 'Accept-Ranges': 'bytes', 'Content-Range': `bytes ${start}-${end}/${wav.length}` },
      });
    });
    await page.goto(`${inject('baseUrl')}#/case/${CASE_ID}/step/1`);
    await waitForStep(page, timeline, 0, 60_000);
    await page.waitForFunction(() => (document.querySelector('audio')?.readyState ?? 0) >= 1);

    const late = timeline.segments[timeline.steps[5]!.firstSegment]!;
    await page.evaluate((t) => void (document.querySelector('audio')!.currentTime = t), late.start + 0.5);
    await waitForStep(page, timeline, late.stepIndex);
    expect((await sample(page)).t).toBeCloseTo(late.start + 0.5, 1);

    await page.getByRole('button', { name: 'Play' }).click();
    const drifts: number[] = [];
    for (let i = 0; i < 20; i++) {
      await page.waitForTimeout(50);
      drifts.push(
        await page.evaluate(() => {
          const media = document.querySelector('audio')!.currentTime;
          const shown = Number(document.querySelector<HTMLInputElement>('input[aria-label="Lesson time"]')!.value);
          return Math.abs(media - shown);
        }),
      );
    }
    drifts.sort((a, b) => a - b);
    expect(drifts[Math.floor(drifts.length / 2)]!, 'median drift between narration and lesson clock (s)').toBeLessThan(0.1);
    expect(await page.evaluate(() => document.querySelector('audio')!.paused)).toBe(false);

    // Our own seek (a segment click) moves the medium too.
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.keyboard.press('Digit2');
    await waitForStep(page, timeline, 1);
    const mediaTime = await page.evaluate(() => document.querySelector('audio')!.currentTime);
    expect(mediaTime).toBeCloseTo(timeline.steps[1]!.start, 1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
