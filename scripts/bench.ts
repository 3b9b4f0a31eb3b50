/**
 * `npm run bench`: figures, not pass/fail. Builds the app, serves it, and in Debian's Chromium measures
 *  - time to first image: page start to the first viewport `ready` on a cold case page;
 *  - cue lag during playback: from the transcript moving to a segment whose cue shows another series or image
 *    (the clock crossing the boundary, committed by React in the same frame) to every viewport showing that
 *    cue's series and image, `ready` (image and arrows on screen). Played with the `?clock=N` test hook so the run takes under a minute.
 * Usage: npm run bench [-- --clock 4 --runs 3]
 */
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCase } from '../src/case/parse';
import { buildTimeline } from '../src/case/timeline';
import type { Cue } from '../src/case/schema';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const CLOCK = arg('clock', 4);
const RUNS = arg('runs', 5);
const CASE_ID = 'epidural-aml';

interface Snapshot {
  t: number;
  segment: string | null;
  vps: { viewport: string; series: string; index: string; state: string }[];
}

/** Records, at every relevant DOM change, the current segment and what each viewport shows. */
const RECORDER = `
  window.__bench = [];
  new MutationObserver(() => {
    window.__bench.push({
      t: performance.now(),
      segment: document.querySelector('.transcript [aria-current="true"]')?.dataset.segmentId ?? null,
      vps: [...document.querySelectorAll('[role="img"][data-viewport]')].map((el) => ({
        viewport: el.dataset.viewport ?? '', series: el.dataset.series ?? '',
        index: el.dataset.imageIndex ?? '', state: el.dataset.state ?? '',
      })),
    });
  }).observe(document, { subtree: true, childList: true, attributes: true,
    attributeFilter: ['aria-current', 'data-state', 'data-series', 'data-image-index'] });
`;

function imagesOf(cue: Cue): [string, string, number][] {
  return Object.entries(cue.viewports).map(([name, vp]) => [name, vp.series, vp.imageIndex]);
}

function stats(values: number[]): string {
  const v = [...values].sort((a, b) => a - b);
  const at = (q: number) => v[Math.min(v.length - 1, Math.floor(q * v.length))] ?? NaN;
  return `median ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${(v[v.length - 1] ?? NaN).toFixed(0)} ms (n=${v.length})`;
}

async function main(): Promise<void> {
  const parsed = parseCase(JSON.parse(readFileSync(join(import.meta.dirname, '../cases', CASE_ID, 'case.json'), 'utf8')));
  if (!parsed.ok) throw new Error('the bundled case is invalid: run npm run cases:check');
  const timeline = buildTimeline(parsed.value);

  await build({ logLevel: 'error' });
  const server = await preview({ preview: { port: 4175, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
  const base = server.resolvedUrls?.local[0];
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const firstImage: number[] = [];
  const lags: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
      // A string, not a function: tsx would wrap a function's inner names in helpers the page does not have.
      await page.addInitScript(RECORDER);
      await page.goto(`${base}?clock=${CLOCK}#/case/${CASE_ID}/step/1`);
      await page.waitForSelector('[role="img"][data-state="ready"]', { timeout: 60_000 });
      firstImage.push(await page.evaluate(() => {
        const w = window as unknown as { __bench: Snapshot[] };
        return w.__bench.find((s) => s.vps.some((v) => v.state === 'ready'))?.t ?? NaN;
      }));
      await page.getByRole('button', { name: 'Play' }).click();
      await page.waitForFunction(() => document.querySelector('.play-button')?.textContent === 'Play', null, {
        timeout: (timeline.duration / CLOCK) * 1000 + 30_000,
      });
      const snaps = await page.evaluate(() => (window as unknown as { __bench: Snapshot[] }).__bench);
      for (const [k, cue] of timeline.cues.entries()) {
        // Only cues that change what a viewport shows (series or image); region and arrow changes leave no
        // trace in the DOM hooks to time them by.
        const previous = timeline.cues[k - 1];
        if (!previous || JSON.stringify(imagesOf(cue)) === JSON.stringify(imagesOf(previous))) continue;
        const crossed = snaps.find((s) => s.segment === cue.at);
        if (!crossed) continue;
        const want = Object.entries(cue.viewports);
        const shown = snaps.find(
          (s) =>
            s.t >= crossed.t &&
            s.vps.length === want.length &&
            want.every(([name, vp], i) => {
              const v = s.vps[i];
              return v?.viewport === name && v.series === vp.series && v.index === String(vp.imageIndex) && v.state === 'ready';
            }),
        );
        if (shown) lags.push(shown.t - crossed.t);
        else console.warn(`cue at "${cue.at}" never showed in run ${run + 1}`);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`Bench (${RUNS} runs, headless Chromium, SwiftShader WebGL, clock ${CLOCK}x)`);
  console.log(`  time to first image (cold page): ${stats(firstImage)}`);
  console.log(`  cue lag, segment boundary -> viewports show the cue's new series/image, ready: ${stats(lags)}`);
}

await main();
