/**
 * `npm run bench`: figures, not pass/fail. Builds the app and a bare Cornerstone3D page (bench/bare/), serves both
 * from one local server, and drives them in headless Chromium, alternating, N runs each (see README "Bench"):
 * time to first image (seed case, a real series), step change latency (cold, warm), scroll throughput, JS/WASM
 * bytes of the library and case pages, peak heap, and the viewer's React renders during playback.
 * Writes bench/results/bench-<time>.json and .md.
 *
 *   npm run bench [-- --runs 5] [--sag DIR] [--long 520] [--skip-build]
 *   npm run bench -- take [--skip-build]   (alone: a 3-minute recorded take to a package, scripts/bench/take.ts)
 */
import { chromium } from 'playwright-core';
import { loadavg, cpus } from 'node:os';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCase } from '../src/case/parse';
import { buildTimeline } from '../src/case/timeline';
import { WINDOW_PRESETS, type PresetName } from '../src/case/presets';
import type { Cue } from '../src/case/schema';
import { buildApp, buildBare, type Composition } from './bench/build';
import { serve } from './bench/server';
import { prepareLong, prepareSag, type BenchCase } from './bench/cases';
import { appFirstImage, bareFirstImage, scrollRate, type BareTarget, type Size } from './bench/first-image';
import { bareRenderLatencies, stepLatencies } from './bench/steps';
import { offlineShellBytes, pageBytes } from './bench/bytes';
import { heapAfterCase, heapAfterScroll } from './bench/heap';
import { rendersDuringPlayback } from './bench/renders';
import { pair, summarise, writeResults, markdown, type BenchResult, type Pair } from './bench/report';
import { takeBench, takeMarkdown, writeTakeResults } from './bench/take';

const ROOT = join(import.meta.dirname, '..');
const WORK = join(ROOT, 'bench', '.work');
const SEED_CASE = 'epidural-aml';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const RUNS = Number(arg('runs') ?? 5);
const SAG_DIR = arg('sag') ?? join(ROOT, '..', 'shared', 'dicom', 'SAG-anon');
const LONG_COUNT = Number(arg('long') ?? 520);
const SKIP_BUILD = process.argv.includes('--skip-build');
/** A cache cap well under the long series' decoded size, to see the least recently used images go. */
const SMALL_CACHE_MB = 48;

/** What the bare page shows for the seed case: the first cue's first viewport, its series, image and window. */
function seedTarget(): { target: BareTarget; stepCount: number } {
  const json: unknown = JSON.parse(readFileSync(join(ROOT, 'cases', SEED_CASE, 'case.json'), 'utf8'));
  const parsed = parseCase(json);
  if (!parsed.ok) throw new Error('the seed case is invalid: run npm run cases:check');
  const timeline = buildTimeline(parsed.value);
  const cue = timeline.cues[timeline.segments[0]?.cueIndex ?? 0] as Cue;
  const [, vp] = Object.entries(cue.viewports)[0] ?? [];
  const series = parsed.value.series.find((s) => s.key === vp?.series);
  if (!vp || !series || !('manifest' in series)) throw new Error('the seed case\'s first cue has no manifest series');
  const manifest = JSON.parse(readFileSync(join(ROOT, 'cases', SEED_CASE, series.manifest), 'utf8')) as { files: string[] };
  const window = vp.window ?? (vp.preset ? WINDOW_PRESETS[vp.preset as PresetName] : undefined);
  return {
    target: { manifest: `cases/${SEED_CASE}/${series.manifest}`, imageIndex: vp.imageIndex, imageCount: manifest.files.length, window },
    stepCount: timeline.steps.length,
  };
}

const asTarget = (c: BenchCase): BareTarget => ({ manifest: c.manifest, imageIndex: c.imageIndex, imageCount: c.imageCount, window: c.window });

/** `npm run bench -- take`: the recorded take's benchmark alone (it needs the app and the seed case only). */
async function take(): Promise<void> {
  if (!SKIP_BUILD) {
    console.log('bench: building the app…');
    await buildApp();
  }
  const server = await serve(join(ROOT, 'dist'), join(WORK, 'bare-dist'), join(WORK, 'cases'));
  try {
    const result = await takeBench(server.url, join(ROOT, 'bench', 'results'));
    const file = writeTakeResults(join(ROOT, 'bench', 'results'), result);
    console.log(`\n${takeMarkdown(result)}\nwritten: ${file}`);
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  if (process.argv.slice(2).includes('take')) return take();
  const loadBefore = loadavg();
  mkdirSync(join(WORK, 'cases'), { recursive: true });
  const seed = seedTarget();
  const sag = prepareSag(join(WORK, 'cases'), SAG_DIR);
  if (!sag) console.warn(`bench: ${SAG_DIR} not found: the real-series figures are skipped`);
  const long = prepareLong(join(WORK, 'cases'), LONG_COUNT);

  const dist = join(ROOT, 'dist');
  const bareDist = join(WORK, 'bare-dist');
  let composition: Composition = new Map();
  if (!SKIP_BUILD) {
    console.log('bench: building the app and the bare page…');
    composition = await buildApp();
    await buildBare(ROOT, bareDist);
  }
  const server = await serve(dist, bareDist, join(WORK, 'cases'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const base = server.url;
  try {
    const firstImage: Record<string, Pair> = {};
    const series: [string, string, BareTarget][] = [[`seed case (${SEED_CASE})`, SEED_CASE, seed.target]];
    if (sag) series.push([`real series (SAG-anon, ${sag.imageCount} images)`, sag.caseId, asTarget(sag)]);
    const sizes = new Map<string, Size>();
    for (const [name, caseId, target] of series) {
      const app: number[] = [];
      const bare: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const a = await appFirstImage(browser, base, caseId);
        sizes.set(caseId, a.size);
        app.push(a.ms);
        bare.push(await bareFirstImage(browser, base, target, a.size));
      }
      firstImage[name] = pair(app, bare);
      console.log(`bench: first image, ${name}: app ${app.map((x) => x.toFixed(0)).join(' ')}; bare ${bare.map((x) => x.toFixed(0)).join(' ')}`);
    }

    const cold: number[] = [];
    const warm: number[] = [];
    const draws: number[] = [];
    const floor: number[] = [];
    const floorCpu: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      cold.push(...(await stepLatencies(browser, base, SEED_CASE, seed.stepCount, false)).latencies);
      const warmRun = await stepLatencies(browser, base, SEED_CASE, seed.stepCount, true);
      warm.push(...warmRun.latencies);
      draws.push(...warmRun.drawsPerViewport);
      floor.push(...(await bareRenderLatencies(browser, base, seed.target, sizes.get(SEED_CASE) as Size, seed.stepCount - 1)));
      floorCpu.push(...(await bareRenderLatencies(browser, base, seed.target, sizes.get(SEED_CASE) as Size, seed.stepCount - 1, true)));
    }
    console.log(`bench: steps cold ${cold.map((x) => x.toFixed(0)).join(' ')}`);
    console.log(`bench: steps warm ${warm.map((x) => x.toFixed(0)).join(' ')}`);
    console.log(`bench: draws per viewport per warm step ${draws.map((x) => x.toFixed(1)).join(' ')}`);
    console.log(`bench: bare render ${floor.map((x) => x.toFixed(0)).join(' ')}`);
    console.log(`bench: bare render, CPU renderer ${floorCpu.map((x) => x.toFixed(0)).join(' ')}`);

    let scroll: Pair | undefined;
    if (sag) {
      const app: number[] = [];
      const bare: number[] = [];
      const size = sizes.get(sag.caseId) as Size;
      for (let run = 0; run < RUNS; run++) {
        app.push(await scrollRate(browser, base, 'app', sag.caseId, asTarget(sag), size));
        bare.push(await scrollRate(browser, base, 'bare', sag.caseId, asTarget(sag), size));
      }
      scroll = pair(app, bare);
      console.log(`bench: scroll app ${app.map((x) => x.toFixed(1)).join(' ')}; bare ${bare.map((x) => x.toFixed(1)).join(' ')}`);
    }

    const bytes = {
      library: await pageBytes(browser, server, dist, composition, '#/'),
      casePage: await pageBytes(browser, server, dist, composition, `#/case/${SEED_CASE}/step/1`),
      offlineShell: offlineShellBytes(dist),
    };
    const renders = await rendersDuringPlayback(browser, base, SEED_CASE, 3);
    const heap = {
      afterCase: await heapAfterCase(browser, base, SEED_CASE, seed.stepCount),
      afterLongScroll: { ...(await heapAfterScroll(browser, base, long.caseId, long.imageCount)), images: long.imageCount },
      afterLongScrollSmallCache: {
        ...(await heapAfterScroll(browser, base, long.caseId, long.imageCount, SMALL_CACHE_MB)),
        images: long.imageCount,
        cacheMB: SMALL_CACHE_MB,
      },
    };

    const result: BenchResult = {
      when: new Date().toISOString(),
      machine: { cpus: cpus().length, loadBefore, loadAfter: loadavg(), chromium: browser.version() },
      runs: RUNS,
      firstImage,
      steps: { cold: summarise(cold), warm: summarise(warm), bareRender: summarise(floor), bareRenderCpu: summarise(floorCpu), drawsPerViewport: summarise(draws) },
      scroll,
      bytes,
      heap,
      renders,
    };
    const file = writeResults(join(ROOT, 'bench', 'results'), result);
    console.log(`\n${markdown(result)}\nwritten: ${file}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
