/** The viewer's pure parts, without a browser: default windows on real files (file repairs: part10.test.ts). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import dicomParser from 'dicom-parser';
import { describe, expect, it } from 'vitest';
import { defaultWindow, isPlausibleWindow, samplePixels, seriesHeaderWindow, windowFromPixels } from '../../src/viewer/window-level';
import { readHeader } from '../../src/dicom/header';

const SHARED = join(import.meta.dirname, '../../../shared/dicom');

function pixelsOf(bytes: Uint8Array): Uint16Array {
  const ds = dicomParser.parseDicom(bytes);
  const el = ds.elements.x7fe00010!;
  return new Uint16Array(bytes.buffer.slice(bytes.byteOffset + el.dataOffset, bytes.byteOffset + el.dataOffset + el.length));
}

describe('default window', () => {
  const dir = join(SHARED, 'SAG-anon');
  const files = readdirSync(dir).filter((f) => f.endsWith('.dcm')).sort();
  const first = new Uint8Array(readFileSync(join(dir, files[0]!)));
  const middle = new Uint8Array(readFileSync(join(dir, files[files.length >> 1]!)));

  it("refuses SAG-anon's useless 11/22 header window for a middle slice and computes one from the pixels", () => {
    const h = readHeader(first, files[0]!);
    expect([h.windowCenter, h.windowWidth]).toEqual([11, 22]);
    const sample = samplePixels(pixelsOf(middle));
    expect(isPlausibleWindow({ center: 11, width: 22 }, sample)).toBe(false);
    const w = defaultWindow({ center: 11, width: 22 }, sample);
    const max = sample.sorted[sample.sorted.length - 1]!;
    expect(w.width).toBeGreaterThan(max / 4);
    expect(w.center + w.width / 2).toBeLessThanOrEqual(max + 1);
  });

  it('keeps a plausible header window, taking the median over a series', () => {
    const sample = samplePixels(pixelsOf(middle));
    const own = windowFromPixels(sample);
    expect(defaultWindow(own, sample)).toEqual(own);
    const headers = files.slice(80, 85).map((f) => readHeader(new Uint8Array(readFileSync(join(dir, f))), f));
    const median = seriesHeaderWindow(headers);
    expect(median?.width).toBeGreaterThan(22);
  });

  it('clips a few hot pixels instead of letting them grey the image', () => {
    const values = new Uint16Array(10000).map((_, i) => i % 100);
    values[0] = 60000;
    const w = windowFromPixels(samplePixels(values));
    expect(w.center + w.width / 2).toBeLessThan(200);
  });
});
