/**
 * The bench-only cases, written at bench time under an ignored folder and served beside the bundled ones:
 *  - `bench-sag`: a real series from ../shared/dicom (SAG-anon, 192 sagittal MR slices), linked, not copied; its
 *    manifest lists the files in position order, as the case tools write manifests;
 *  - `bench-long`: a 520-slice phantom series (scripts/phantom/long-series.ts), generated once and kept.
 * Each has one step whose cue shows the middle image with an explicit window, which the bare page sets too.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readHeader } from '../../src/dicom/header';
import { sortHeaders } from '../../src/dicom/sort';
import { buildLongSeries, LONG_SERIES_KEY, writeLongSeries } from '../phantom/long-series';

export interface BenchCase {
  caseId: string;
  /** The series manifest, relative to the server root (what the bare page is given). */
  manifest: string;
  imageIndex: number;
  imageCount: number;
  window: { center: number; width: number };
}

function caseJson(id: string, title: string, key: string, label: string, imageIndex: number, window: BenchCase['window'], synthetic: boolean): unknown {
  return {
    formatVersion: 1,
    id,
    title,
    unknownTitle: title,
    modalities: ['MR'],
    syntheticImages: synthetic,
    series: [{ key, label, modality: 'MR', manifest: `series/${key}/manifest.json` }],
    steps: [{ id: 'look', title: 'The middle image' }],
    transcript: [{ id: 'look', start: 0, step: 'look', text: 'A bench case: one image of one series.' }],
    cues: [{ at: 'look', viewports: { main: { series: key, imageIndex, window } } }],
  };
}

/** Links the SAG-anon files into a case folder and lists them in position order. Undefined if not there. */
export function prepareSag(casesDir: string, sagDir: string): BenchCase | undefined {
  if (!existsSync(sagDir)) return undefined;
  const id = 'bench-sag';
  const seriesDir = join(casesDir, id, 'series', 'sag');
  rmSync(join(casesDir, id), { recursive: true, force: true });
  mkdirSync(seriesDir, { recursive: true });
  const names = readdirSync(sagDir).filter((f) => f.endsWith('.dcm'));
  const headers = names.map((name) => {
    symlinkSync(join(sagDir, name), join(seriesDir, name));
    return readHeader(new Uint8Array(readFileSync(join(sagDir, name))), name);
  });
  const files = sortHeaders(headers).map((h) => h.fileName);
  writeFileSync(join(seriesDir, 'manifest.json'), `${JSON.stringify({ sorted: true, files }, null, 2)}\n`);
  const imageIndex = files.length >> 1;
  // The header's window (11/22) is useless for these pixels (0-575): the cue names one, as a teacher would.
  const window = { center: 250, width: 500 };
  const json = caseJson(id, 'Bench: SAG-anon sagittal T1', 'sag', 'MR sagittal 3D T1 (SAG-anon)', imageIndex, window, false);
  writeFileSync(join(casesDir, id, 'case.json'), JSON.stringify(json, null, 2));
  return { caseId: id, manifest: `cases/${id}/series/sag/manifest.json`, imageIndex, imageCount: files.length, window };
}

/** The long phantom series as a case; generated on first use (about a minute), then kept. */
export function prepareLong(casesDir: string, count: number): BenchCase {
  const id = 'bench-long';
  const seriesDir = join(casesDir, id, 'series', LONG_SERIES_KEY);
  const manifestFile = join(seriesDir, 'manifest.json');
  const listed = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as { files: string[] }).files.length : 0;
  if (listed !== count) {
    rmSync(seriesDir, { recursive: true, force: true });
    console.log(`bench: generating the ${count}-slice phantom series (once; about a minute)…`);
    writeLongSeries(buildLongSeries(count), seriesDir);
  }
  const imageIndex = count >> 1;
  const window = { center: 500, width: 1000 };
  const json = caseJson(id, `Bench: ${count}-slice phantom`, LONG_SERIES_KEY, `MR sagittal T1, ${count} thin slices (phantom)`, imageIndex, window, true);
  writeFileSync(join(casesDir, id, 'case.json'), JSON.stringify(json, null, 2));
  return { caseId: id, manifest: `cases/${id}/series/${LONG_SERIES_KEY}/manifest.json`, imageIndex, imageCount: count, window };
}
