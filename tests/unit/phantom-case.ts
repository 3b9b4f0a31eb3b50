/**
 * The committed seed phantom as the phantom tests read it: its ground truth, its images as modality values (HU
 * on CT, signal on MR), label ids by name, and the few statistics they all use.
 */
import dicomParser, { type DataSet } from 'dicom-parser';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PhantomTruth } from '../../scripts/phantom/truth';

export const caseDir = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'cases/epidural-aml');
export const truth = JSON.parse(readFileSync(join(caseDir, 'phantom-truth.json'), 'utf8')) as PhantomTruth;

export interface PhantomImage {
  ds: DataSet;
  /** modality values: stored values through the rescale slope and intercept */
  values: Float64Array;
}

/** The files of a series, in the manifest's (stored) order. */
export function seriesFiles(key: string): string[] {
  const dir = join(caseDir, 'series', key);
  return (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: string[] }).files.map((f) => join(dir, f));
}

export function readPhantomImage(path: string): PhantomImage {
  const bytes = new Uint8Array(readFileSync(path));
  const ds = dicomParser.parseDicom(bytes);
  const px = ds.elements['x7fe00010'];
  if (!px) throw new Error(`${path}: no pixel data`);
  const n = (ds.uint16('x00280010') ?? 0) * (ds.uint16('x00280011') ?? 0);
  const slope = ds.floatString('x00281053') ?? 1;
  const intercept = ds.floatString('x00281052') ?? 0;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = (bytes[px.dataOffset + 2 * i]! | (bytes[px.dataOffset + 2 * i + 1]! << 8)) * slope + intercept;
  return { ds, values };
}

/** Every image of a series, as modality values. */
export function readSeriesValues(key: string): Float64Array[] {
  return seriesFiles(key).map((f) => readPhantomImage(f).values);
}

/** The label id of a tissue name; a name the truth lacks fails the test rather than matching nothing. */
export function labelId(name: string): number {
  const i = truth.labelTable.indexOf(name);
  if (i < 0) throw new Error(`no label ${name}`);
  return i;
}

export function median(v: readonly number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The median of an image's values at the given pixel indices. */
export function medianAt(values: Float64Array, at: readonly number[]): number {
  return median(at.map((i) => values[i]!));
}
