/**
 * A long synthetic series for load and memory tests (`npm run bench`): the bundled case's lumbosacral anatomy cut
 * in thin sagittal T1 slices across the whole body, as many as asked (default 520), 320x320 each. Not a teaching
 * series: one sample per pixel (no partial-volume slabs), no lesion truth. Generated at bench time into an ignored
 * folder, never committed.
 *
 *   npx tsx scripts/phantom/long-series.ts --out DIR [--count N] [--seed N]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { finishMr, T1_SE } from './mr-t1';
import { mrTables } from './mr-physics';
import { LumbosacralPhantom } from './mr-body';
import { blur3, buildPlane, renderSlice, type SliceGrid } from './render';
import { Rng } from './rng';
import { MR_PIXEL, MR_SIZE } from './series-mr';
import { DEFAULT_SEED, manifestJson, writeSeries, type PhantomSeries } from './generate';
import { phantomUid } from './uids';

export const LONG_SERIES_KEY = 'long-t1';
/** Thin slices, as a 3D acquisition would have. */
const SPACING = 0.5;

export function buildLongSeries(count: number, seed = DEFAULT_SEED): PhantomSeries {
  const model = new LumbosacralPhantom(seed, { y: 20, z: 0 });
  // The same field as the teaching series: the T11-T12 disc at the top edge.
  const z0 = Math.round(model.spine.curve.at(model.ls.byName.get('T12')!.sTop).z + 7.5);
  const grid: SliceGrid = {
    rows: MR_SIZE,
    columns: MR_SIZE,
    spacing: MR_PIXEL,
    y0: -164,
    z0,
    xs: Array.from({ length: count }, (_, i) => Math.round((i - (count - 1) / 2) * SPACING * 1000) / 1000),
    slabs: [[0], [0], [0]],
    sub: 1,
  };
  const plane = buildPlane(model, grid);
  const pre = mrTables(T1_SE, false);
  const rng = new Rng(seed, `${LONG_SERIES_KEY}/noise`);
  const images: Uint16Array[] = [];
  for (let i = 0; i < count; i++) {
    const [water, fat] = renderSlice(model, plane, grid, i, [pre.water, pre.fat], seed).channels as [Float32Array, Float32Array];
    blur3(water, grid.columns, grid.rows, 0.21);
    blur3(fat, grid.columns, grid.rows, 0.21);
    images.push(finishMr(water, fat, plane, grid, rng));
  }
  return writeSeries(seed, phantomUid(seed, 'study/long'), {
    key: LONG_SERIES_KEY,
    modality: 'MR',
    description: `Sag T1 3D thin slices (${count}), load test`,
    number: 9,
    time: '130000',
    bodyPart: 'LSSPINE',
    frameOfReferenceUid: phantomUid(seed, 'frame-of-reference/long'),
    grid,
    pixelSpacing: MR_PIXEL,
    thickness: SPACING,
    spacing: SPACING,
    window: { centre: 500, width: 1000, explanation: 'T1' },
    images,
    extra: { MRAcquisitionType: '3D', ScanningSequence: 'GR', SequenceVariant: 'SP', RepetitionTime: '9', EchoTime: '4' },
  });
}

/** Writes the series' files and its manifest (position order, as generated) into `dir`. */
export function writeLongSeries(series: PhantomSeries, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const f of series.files) writeFileSync(join(dir, f.name), f.bytes);
  writeFileSync(join(dir, 'manifest.json'), manifestJson(series));
}

function main(argv: readonly string[]): void {
  let out: string | undefined;
  let count = 520;
  let seed = DEFAULT_SEED;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') out = resolve(argv[++i] ?? '');
    else if (a === '--count') count = Number(argv[++i]);
    else if (a === '--seed') seed = Number(argv[++i]);
    else throw new Error(`unknown argument ${a} (usage: long-series.ts --out DIR [--count N] [--seed N])`);
  }
  if (!out) throw new Error('--out DIR is required');
  if (!Number.isInteger(count) || count < 2) throw new Error('--count must be an integer of at least 2');
  const t0 = performance.now();
  writeLongSeries(buildLongSeries(count, seed), out);
  console.log(`${count} slices -> ${out} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
