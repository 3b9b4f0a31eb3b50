/** Figures into words: medians and ranges, the markdown table, and the files under bench/results/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageBytes } from './bytes';
import type { HeapPeak } from './heap';
import type { RenderCounts } from './renders';

export interface Summary {
  median: number;
  min: number;
  max: number;
  p95: number;
  n: number;
}

export function summarise(values: readonly number[]): Summary {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  // Nearest rank: with few samples the p95 is the largest, which is the honest reading.
  const rank = (q: number): number => v[Math.min(v.length - 1, Math.max(0, Math.ceil(q * v.length) - 1))] ?? NaN;
  const mid = v.length >> 1;
  const median = v.length === 0 ? NaN : v.length % 2 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
  return { median, min: v[0] ?? NaN, max: v[v.length - 1] ?? NaN, p95: rank(0.95), n: v.length };
}

export interface Pair {
  app: Summary;
  bare: Summary;
  /** app median / bare median */
  ratio: number;
}

export function pair(app: readonly number[], bare: readonly number[]): Pair {
  const a = summarise(app);
  const b = summarise(bare);
  return { app: a, bare: b, ratio: a.median / b.median };
}

export interface BenchResult {
  when: string;
  machine: { cpus: number; loadBefore: number[]; loadAfter: number[]; chromium: string };
  runs: number;
  firstImage: Record<string, Pair>;
  steps: { cold: Summary; warm: Summary; bareRender: Summary; bareRenderCpu: Summary; drawsPerViewport: Summary };
  scroll?: Pair;
  bytes: { library: PageBytes; casePage: PageBytes; offlineShell: { files: number; raw: number; gzip: number } };
  heap: {
    afterCase: HeapPeak;
    afterLongScroll?: HeapPeak & { images: number };
    afterLongScrollSmallCache?: HeapPeak & { images: number; cacheMB: number };
  };
  renders: RenderCounts;
}

const ms = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : 'n/a');
const kB = (x: number): string => `${(x / 1024).toFixed(0)} kB`;
const MB = (x: number | undefined): string => (x === undefined ? 'n/a' : `${(x / 2 ** 20).toFixed(0)} MB`);
const range = (s: Summary, f: (x: number) => string): string => `${f(s.median)} (${f(s.min)}-${f(s.max)})`;

function bytesRows(name: string, b: PageBytes): string[] {
  const rows = [`| ${name}: JS | ${kB(b.js.raw)} raw, **${kB(b.js.gzip)} gzip** |`, `| ${name}: WASM | ${kB(b.wasm.raw)} raw, ${kB(b.wasm.gzip)} gzip |`];
  for (const f of b.files.slice(0, 4)) {
    const inside = f.pieces.slice(0, 4).map(([p, n]) => `${p} ${kB(n)}`).join(', ');
    rows.push(`| ${name}: ${f.file} | ${kB(f.raw)} raw, ${kB(f.gzip)} gzip${inside ? ` (${inside})` : ''} |`);
  }
  return rows;
}

export function markdown(r: BenchResult): string {
  const lines = [
    `# Bench ${r.when}`,
    '',
    `${r.runs} runs each, app and bare page alternating; headless Chromium ${r.machine.chromium} with SwiftShader WebGL; ` +
      `${r.machine.cpus} CPUs, load average ${r.machine.loadBefore.map((x) => x.toFixed(2)).join(' ')} before and ` +
      `${r.machine.loadAfter.map((x) => x.toFixed(2)).join(' ')} after. Median (min-max).`,
    '',
    '| measure | figure |',
    '|---|---|',
  ];
  for (const [name, p] of Object.entries(r.firstImage)) {
    lines.push(`| time to first image, ${name}: app | ${range(p.app, ms)} |`);
    lines.push(`| time to first image, ${name}: bare Cornerstone | ${range(p.bare, ms)} |`);
    lines.push(`| time to first image, ${name}: app / bare | **${p.ratio.toFixed(2)}x** (target <= 1.1x) |`);
  }
  lines.push(`| step change, cold: median / p95 | ${ms(r.steps.cold.median)} / ${ms(r.steps.cold.p95)} (max ${ms(r.steps.cold.max)}, n=${r.steps.cold.n}) |`);
  lines.push(`| step change, warm: median / p95 | ${ms(r.steps.warm.median)} / **${ms(r.steps.warm.p95)}** (max ${ms(r.steps.warm.max)}, n=${r.steps.warm.n}; target p95 <= 50 ms) |`);
  lines.push(`| floor: one render on the bare page, median / p95 | ${ms(r.steps.bareRender.median)} / ${ms(r.steps.bareRender.p95)} (n=${r.steps.bareRender.n}) |`);
  const cpu = r.steps.bareRenderCpu;
  lines.push(`| the same with Cornerstone's CPU renderer (the app's for grey integer images here: README "Bench"), median / p95 | ${ms(cpu.median)} / ${ms(cpu.p95)} (n=${cpu.n}) |`);
  const d = r.steps.drawsPerViewport;
  lines.push(`| images drawn per viewport per step (warm), median / max | ${d.median.toFixed(1)} / ${d.max.toFixed(1)} (n=${d.n}; 1 is the least a step can cost) |`);
  if (r.scroll) {
    const ips = (x: number): string => `${x.toFixed(1)}/s`;
    lines.push(`| scroll, cached series: app | ${range(r.scroll.app, ips)} images |`);
    lines.push(`| scroll, cached series: bare Cornerstone | ${range(r.scroll.bare, ips)} images |`);
    lines.push(`| scroll: app / bare | **${r.scroll.ratio.toFixed(2)}x** (target >= 0.9x) |`);
  }
  lines.push(...bytesRows('library page', r.bytes.library), ...bytesRows('case page', r.bytes.casePage));
  const shell = r.bytes.offlineShell;
  lines.push(`| offline app shell (service worker precache, ${shell.files} files, fetched once after the page settles) | ${kB(shell.raw)} raw, ${kB(shell.gzip)} gzip |`);
  lines.push(`| peak heap, seed case, every series shown | JS heap ${MB(r.heap.afterCase.jsHeap)}, with ArrayBuffers ${MB(r.heap.afterCase.withBuffers)} |`);
  const long = r.heap.afterLongScroll;
  if (long) lines.push(`| peak heap, ${long.images}-image series scrolled end to end | JS heap ${MB(long.jsHeap)}, with ArrayBuffers **${MB(long.withBuffers)}** (target under 1024 MB) |`);
  const small = r.heap.afterLongScrollSmallCache;
  if (small) lines.push(`| the same with the image cache capped at ${small.cacheMB} MB | JS heap ${MB(small.jsHeap)}, with ArrayBuffers ${MB(small.withBuffers)} |`);
  const perSecond = (k: string): string => ((r.renders.counts[k] ?? 0) / r.renders.seconds).toFixed(1);
  lines.push(
    `| renders per second of playback (one segment) | ViewportGrid ${perSecond('ViewportGrid')}, ViewportFrame ${perSecond('ViewportFrame')}, ` +
      `LessonView ${perSecond('LessonView')}; PlaybackBar ${perSecond('PlaybackBar')} (the clock's own) |`,
  );
  return `${lines.join('\n')}\n`;
}

/** Writes bench/results/bench-<time>.json and .md; returns the markdown file. */
export function writeResults(dir: string, r: BenchResult): string {
  mkdirSync(dir, { recursive: true });
  const stem = `bench-${r.when.replace(/[:.]/g, '-')}`;
  writeFileSync(join(dir, `${stem}.json`), `${JSON.stringify(r, null, 2)}\n`);
  const md = join(dir, `${stem}.md`);
  writeFileSync(md, markdown(r));
  return md;
}
