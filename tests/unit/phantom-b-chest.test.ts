/**
 * The seed phantom's chest CT (issue 21, third pass, part B), measured through its label maps
 * (phantom-truth.json) on the committed DICOM files: the sternum's rim and core, the new tissues'
 * densities, the trachea's rings, calcified specks in the heart's grooves and the arch, bronchi in
 * the lung, lung vessels tapering away from the hila, and the dependent density gradient.
 */
import { describe, expect, it } from 'vitest';
import { labelId, median, readSeriesValues, truth } from './phantom-case';
import { decodeLabels } from '../../scripts/phantom/truth';

const series = truth.series['ct-thoracic']!;
const COLS = series.columns;
const MM = series.pixelSpacing[0]!;
const labels = decodeLabels(truth.labelMaps[series.labelMap]!);
const MIXED = truth.mixedBit;

/** HU of every image, read back from the files. */
const hu = readSeriesValues('ct-thoracic');

/** Label id by name, or -1 when the committed table has no such tissue. */
const id = labelId;
/** Dominant tissue of a pixel (mixed or not). */
const base = (l: Uint8Array, i: number): number => l[i]! & ~MIXED;


/** Pure pixels of a tissue whose 4 neighbours are pure pixels of it too, as [image, index]. */
function interior(name: string): [number, number][] {
  const t = id(name);
  const out: [number, number][] = [];
  if (t < 0) return out;
  labels.forEach((l, si) => {
    for (let i = COLS; i < l.length - COLS; i++) {
      if (l[i] === t && l[i - 1] === t && l[i + 1] === t && l[i - COLS] === t && l[i + COLS] === t) out.push([si, i]);
    }
  });
  return out;
}

/** Whether a pixel of tissue `t` (dominant) lies within `r` pixels along each of the given steps. */
function within(l: Uint8Array, i: number, step: number, r: number, t: number): boolean {
  for (let k = 1; k <= r; k++) {
    const j = i + k * step;
    if (j < 0 || j >= l.length) return false;
    if (base(l, j) === t) return true;
  }
  return false;
}

describe('phantom chest CT (part B)', () => {
  it('gives the new chest tissues their HU: cartilage, lymph node, the sternum’s cancellous core', () => {
    for (const [name, lo, hi, min] of [
      ['cartilage', 70, 160, 40],
      ['node', 15, 60, 20],
      ['sternum_marrow', 120, 300, 300],
    ] as const) {
      const at = interior(name);
      expect(at.length, name).toBeGreaterThan(min);
      const m = median(at.map(([si, i]) => hu[si]![i]!));
      expect(m, name).toBeGreaterThanOrEqual(lo);
      expect(m, name).toBeLessThanOrEqual(hi);
    }
  });

  it('draws the sternum as a dense cortical rim around a cancellous core, not a white bar', () => {
    const core = interior('sternum_marrow');
    const cortex = id('cortex');
    const rim: number[] = [];
    for (const [si, i] of core) {
      const l = labels[si]!;
      // The rim in front of and behind the core, along the row (antero-posterior).
      for (const step of [1, -1]) {
        for (let k = 1; k <= 4; k++) {
          if (base(l, i + k * step) === cortex) {
            rim.push(hu[si]![i + k * step]!);
            break;
          }
        }
      }
    }
    expect(rim.length).toBeGreaterThan(200);
    const c = median(core.map(([si, i]) => hu[si]![i]!));
    expect(median(rim)).toBeGreaterThan(c + 250);
    expect(c).toBeLessThan(300);
  });

  it('gives the trachea air and C-shaped cartilage rings (cartilage and ligament alternating along its front wall)', () => {
    const gas = id('gas');
    const cart = id('cartilage');
    const lig = id('ligament');
    const mid = (series.imageCount - 1) >> 1;
    const l = labels[mid]!;
    // Along each row, the first wall pixel in front of (anterior to) the tracheal air column.
    const wall: number[] = [];
    for (let r = 0; r < series.rows; r++) {
      for (let c = 1; c < COLS; c++) {
        const i = r * COLS + c;
        if (l[i] === gas && l[i + 1] === gas && l[i + 2] === gas && l[i + 3] === gas && l[i + 4] === gas && l[i + 5] === gas) {
          const w = base(l, i - 1);
          if (w === cart || w === lig) wall.push(w);
          break;
        }
      }
    }
    const rings = wall.filter((w) => w === cart).length;
    expect(rings).toBeGreaterThan(10);
    expect(wall.length - rings).toBeGreaterThan(10);
    let changes = 0;
    for (let k = 1; k < wall.length; k++) if (wall[k] !== wall[k - 1]) changes++;
    expect(changes).toBeGreaterThan(8);
  });

  it('puts calcified specks in fat inside the heart’s outline: the coronary arteries in its grooves', () => {
    const calcium = id('calcium');
    const fat = id('fat');
    const blood = id('blood');
    let inGroove = 0;
    let peak = -Infinity;
    labels.forEach((l, si) => {
      for (let i = 20 * COLS; i < l.length - 20 * COLS; i++) {
        if (calcium < 0 || base(l, i) !== calcium) continue;
        peak = Math.max(peak, hu[si]![i]!);
        const nearFat = [1, -1, COLS, -COLS].some((s) => within(l, i, s, 3, fat));
        const enclosed = within(l, i, 1, 20, blood) && within(l, i, -1, 20, blood) && within(l, i, COLS, 20, blood) && within(l, i, -COLS, 20, blood);
        if (nearFat && enclosed) inGroove++;
      }
    });
    expect(inGroove).toBeGreaterThan(3);
    expect(peak).toBeGreaterThan(300);
  });

  it('shows bronchi in the lung near the hila: air inside a wall, with lung around', () => {
    const gas = id('gas');
    const lung = id('lung');
    const lig = id('ligament');
    let bronchus = 0;
    labels.forEach((l) => {
      for (let i = 10 * COLS; i < l.length - 10 * COLS; i++) {
        if (base(l, i) !== gas) continue;
        // Lobar and segmental bronchi: walled all round and lung on every side (the main bronchi and
        // the trachea lie in mediastinal fat).
        const walled = [1, -1, COLS, -COLS].every((s) => within(l, i, s, 6, lig));
        const inLung = [1, -1, COLS, -COLS].every((s) => within(l, i, s, 12, lung));
        if (walled && inLung) bronchus++;
      }
    });
    expect(bronchus).toBeGreaterThan(100);
  });

  it('tapers lung vessels away from the hila: their share of the lung and their calibre fall with distance from the hilar bronchi', () => {
    const gas = id('gas');
    const lung = id('lung');
    const vessel = id('lung_vessel');
    // The hilum, as a radiologist finds it on a sagittal image: where the bronchi are (air inside the lung).
    let hy = 0;
    let hz = 0;
    let n = 0;
    for (const l of labels)
      for (let i = 10 * COLS; i < l.length - 10 * COLS; i++)
        if (base(l, i) === gas && [1, -1, COLS, -COLS].filter((s) => within(l, i, s, 10, lung)).length >= 3) {
          hy += i % COLS;
          hz += Math.floor(i / COLS);
          n++;
        }
    expect(n).toBeGreaterThan(100);
    hy /= n;
    hz /= n;
    const near = { vessel: 0, lung: 0, runs: [] as number[] };
    const far = { vessel: 0, lung: 0, runs: [] as number[] };
    const zone = (r: number, c: number): typeof near | null => {
      const mm = Math.hypot(c - hy, r - hz) * MM;
      return mm < 40 ? near : mm > 70 ? far : null;
    };
    for (const l of labels)
      for (let r = 0; r < series.rows; r++) {
        let run = 0;
        for (let c = 0; c < COLS; c++) {
          const t = base(l, r * COLS + c);
          const z = zone(r, c);
          if (t === vessel) run++;
          else if (run > 0) {
            zone(r, c - 1)?.runs.push(run); // calibre along the row, where the vessel ends
            run = 0;
          }
          if (z && (t === lung || t === vessel)) z.lung++;
          if (z && t === vessel) z.vessel++;
        }
      }
    expect(near.lung).toBeGreaterThan(2000);
    expect(far.lung).toBeGreaterThan(2000);
    expect(far.vessel / far.lung).toBeGreaterThan(0.01); // the periphery is not empty either
    expect(near.vessel / near.lung).toBeGreaterThan(1.5 * (far.vessel / far.lung));
    const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
    expect(mean(near.runs)).toBeGreaterThan(1.3 * mean(far.runs));
  });

  it('makes the dependent (posterior) lung denser than the anterior lung, as in a supine patient', () => {
    const lung = id('lung');
    const front: number[] = [];
    const back: number[] = [];
    labels.forEach((l, si) => {
      let lo = COLS;
      let hi = -1;
      for (let i = 0; i < l.length; i++)
        if (l[i] === lung) {
          lo = Math.min(lo, i % COLS);
          hi = Math.max(hi, i % COLS);
        }
      if (hi - lo < 60) return;
      for (let i = COLS; i < l.length - COLS; i++) {
        if (l[i] !== lung || l[i - 1] !== lung || l[i + 1] !== lung) continue;
        const f = ((i % COLS) - lo) / (hi - lo);
        if (f < 0.3) front.push(hu[si]![i]!);
        else if (f > 0.7) back.push(hu[si]![i]!);
      }
    });
    expect(front.length).toBeGreaterThan(1000);
    expect(back.length).toBeGreaterThan(1000);
    expect(median(back) - median(front)).toBeGreaterThan(25);
    expect(median(front)).toBeLessThan(-820);
    expect(median(back)).toBeGreaterThan(-830);
  });
});
