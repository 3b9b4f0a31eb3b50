/**
 * The seed phantom's chest CT, second round on the mediastinum (issue 21, part B2), measured through
 * the label maps (phantom-truth.json) and the slice positions of the committed DICOM files: the
 * trachea as a long, inclined air column from the top of the field to the carina; the descending
 * aorta beside the left of the vertebral bodies, not at the midline; the superior vena cava on the
 * right.
 */
import dicomParser from 'dicom-parser';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labelId, seriesFiles, truth } from './phantom-case';
import { decodeLabels } from '../../scripts/phantom/truth';

const series = truth.series['ct-thoracic']!;
const COLS = series.columns;
const ROWS = series.rows;
const MM = series.pixelSpacing[0]!;
const labels = decodeLabels(truth.labelMaps[series.labelMap]!);
const MIXED = truth.mixedBit;

/** Patient x (+ = left) of each image, from ImagePositionPatient. */
const xs: number[] = (() => {
  return seriesFiles('ct-thoracic').map((f) => dicomParser.parseDicom(new Uint8Array(readFileSync(f)), { untilTag: 'x00200037' }).floatString('x00200032', 0) ?? NaN);
})();

const id = labelId;
const base = (l: Uint8Array, i: number): number => l[i]! & ~MIXED;
const midline = xs.findIndex((x) => Math.abs(x) < 0.5);
const rowOf = (level: string): number => series.levels[level]!.bodyCentre[1];

/** Column of the vertebral body's front on a row (first marrow or disc pixel from the front), or -1. */
function spineFront(l: Uint8Array, r: number): number {
  const bone = new Set([id('marrow'), id('disc'), id('nucleus')]);
  for (let c = 0; c < COLS; c++) if (bone.has(base(l, r * COLS + c))) return c;
  return -1;
}

/** Runs of a tissue along a row, as [first column, length]. */
function runs(l: Uint8Array, r: number, t: number): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let c = 0; c <= COLS; c++) {
    const on = c < COLS && base(l, r * COLS + c) === t;
    if (on && start < 0) start = c;
    if (!on && start >= 0) {
      out.push([start, c - start]);
      start = -1;
    }
  }
  return out;
}

describe('phantom chest CT mediastinum (part B2)', () => {
  it('runs the trachea as one inclined air column from the top of the field down to the carina at T4-T5', () => {
    expect(midline).toBeGreaterThanOrEqual(0);
    const l = labels[midline]!;
    const gas = id('gas');
    // Per row, the tracheal lumen: the widest air run within 60 mm in front of the vertebral body.
    const lumen: ({ back: number; front: number } | null)[] = [];
    for (let r = 0; r < ROWS; r++) {
      const f = spineFront(l, r);
      const best = runs(l, r, gas)
        .filter(([c, n]) => n * MM >= 6 && c + n <= f && (f - c) * MM < 60)
        .sort((a, b) => b[1] - a[1])[0];
      lumen.push(f > 0 && best ? { front: best[0], back: best[0] + best[1] } : null);
    }
    // Continuous from the top of the field: no row without air until the carina.
    const first = lumen.findIndex((v) => v !== null);
    expect(first * MM).toBeLessThan(8);
    let carina = first;
    while (carina + 1 < ROWS && lumen[carina + 1]) carina++;
    expect(carina).toBeGreaterThan(rowOf('T4'));
    expect(carina).toBeLessThan(rowOf('T6'));
    // Inclined: it runs down and back, so the fat and oesophagus between it and the spine thin out.
    const gap = (r: number): number => (spineFront(l, r) - lumen[r]!.back) * MM;
    const top = gap(first + Math.round(15 / MM));
    const low = gap(carina - Math.round(15 / MM));
    expect(top - low).toBeGreaterThan(6);
    expect(low).toBeGreaterThan(5); // the oesophagus still lies between
  });

  it('puts the descending aorta beside the left of the vertebral bodies: a long tube on the left paramedian slices, none at the midline', () => {
    const blood = id('blood');
    const lowest = rowOf('T10'); // below it the aorta swings to the midline for the hiatus
    /** Length (mm) of the aorta seen within 20 mm in front of the vertebral bodies, above T10. */
    const besideSpine = (si: number): number => {
      const l = labels[si]!;
      let rows = 0;
      for (let r = 0; r < lowest; r++) {
        const f = spineFront(l, r);
        if (f < 30) continue;
        let n = 0;
        for (let c = f - Math.round(20 / MM); c < f - 2; c++) if (base(l, r * COLS + c) === blood) n++;
        if (n * MM >= 6) rows++;
      }
      return rows * MM;
    };
    const left = xs.map((x, si) => (x >= 11 ? besideSpine(si) : NaN)).filter((v) => !Number.isNaN(v));
    const centre = xs.map((x, si) => (Math.abs(x) <= 6.5 ? besideSpine(si) : NaN)).filter((v) => !Number.isNaN(v));
    expect(left.length).toBeGreaterThan(0);
    expect(centre.length).toBeGreaterThan(4);
    // Its medial edge reaches the nearer slice, its full length the outer one.
    for (const v of left) expect(v).toBeGreaterThan(40);
    expect(Math.max(...left)).toBeGreaterThan(100);
    for (const v of centre) expect(v).toBeLessThan(20);
  });

  it('shows the superior vena cava on the right paramedian slices, above the heart in front of the spine, and not on the left', () => {
    const vein = id('vein');
    const bottom = rowOf('T6');
    /** Vertical extent (mm) of vein in front of the spine above T6. */
    const extent = (si: number): number => {
      const l = labels[si]!;
      let rows = 0;
      for (let r = 0; r < bottom; r++) {
        const f = spineFront(l, r);
        if (f < 0) continue;
        let n = 0;
        for (let c = 0; c < f - Math.round(15 / MM); c++) if (base(l, r * COLS + c) === vein) n++;
        if (n * MM >= 8) rows++;
      }
      return rows * MM;
    };
    const right = xs.map((x, si) => (x <= -11 ? extent(si) : NaN)).filter((v) => !Number.isNaN(v));
    const left = xs.map((x, si) => (x >= 6 ? extent(si) : NaN)).filter((v) => !Number.isNaN(v));
    expect(right.length).toBeGreaterThan(0);
    expect(Math.max(...right)).toBeGreaterThan(50);
    for (const v of left) expect(v).toBeLessThan(20);
  });
});
