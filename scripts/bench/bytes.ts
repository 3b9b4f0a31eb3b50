/**
 * JS and WASM a page downloads: every .js/.wasm file the bench server sent while the page opened and settled
 * (worker scripts included), raw and gzip-compressed (level 9, as a static host would pre-compress), with the
 * biggest pieces inside each JS file named from the build's own module map.
 */
import { readFileSync } from 'node:fs';
import { basename, extname, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import type { Composition } from './build';
import type { BenchServer } from './server';
import { allViewportsReady, openRun } from './run';

export interface Download {
  file: string;
  raw: number;
  gzip: number;
  /** Pieces (npm package or app folder), largest first: their share of the file's bytes (minified, not gzip). */
  pieces: [string, number][];
}

export interface PageBytes {
  js: { raw: number; gzip: number };
  wasm: { raw: number; gzip: number };
  files: Download[];
}

export async function pageBytes(
  browser: Browser,
  server: BenchServer,
  dist: string,
  composition: Composition,
  hash: string,
): Promise<PageBytes> {
  // The offline worker's download of the whole shell is reported on its own (offlineShellBytes).
  const run = await openRun(browser, 'block');
  server.takeLog();
  try {
    await run.page.goto(`${server.url}${hash}`);
    if (hash.startsWith('#/case/')) await allViewportsReady(run.page);
    else await run.page.waitForSelector('a[href*="#/case/"]', { timeout: 30_000 });
    // Lazy chunks, workers and codecs come after the first paint: wait until nothing more arrives.
    await run.networkIdle(1500, 60_000);
  } finally {
    await run.close();
  }
  const seen = new Set<string>();
  const files: Download[] = [];
  for (const file of server.takeLog()) {
    const ext = extname(file);
    if (seen.has(file) || !['.js', '.mjs', '.wasm'].includes(ext)) continue;
    seen.add(file);
    const body = readFileSync(file);
    const name = relative(dist, file);
    // The module map counts code before minification: scale it to the file, so pieces add up to what was sent.
    const rendered = [...(composition.get(name) ?? new Map<string, number>())];
    const total = rendered.reduce((n, [, b]) => n + b, 0);
    const pieces = rendered.map(([p, b]): [string, number] => [p, Math.round((b / total) * body.length)]).sort((a, b) => b[1] - a[1]);
    files.push({ file: name.startsWith('..') ? basename(file) : name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, pieces });
  }
  files.sort((a, b) => b.gzip - a.gzip);
  const sum = (kind: 'js' | 'wasm'): { raw: number; gzip: number } => {
    const of = files.filter((f) => (kind === 'wasm') === f.file.endsWith('.wasm'));
    return { raw: of.reduce((n, f) => n + f.raw, 0), gzip: of.reduce((n, f) => n + f.gzip, 0) };
  };
  return { js: sum('js'), wasm: sum('wasm'), files };
}

/**
 * What the offline service worker downloads once, in the background, to make the app work without a network:
 * every file of its precache list (dist/sw.js).
 */
export function offlineShellBytes(dist: string): { files: number; raw: number; gzip: number } {
  const worker = readFileSync(`${dist}/sw.js`, 'utf8');
  const urls = [...worker.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    const body = readFileSync(`${dist}/${url}`);
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { files: urls.length, raw, gzip };
}
