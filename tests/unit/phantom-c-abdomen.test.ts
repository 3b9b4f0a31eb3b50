/**
 * Part C of the phantom's third pass (issue 21): the MR abdomen and back soft tissue, measured on
 * the committed DICOM through the truth's label maps and saturation band, never by pixel position
 * or value written here. The anterior saturation band darkens what it covers so the abdomen recedes
 * behind the spine; flow voids stay the darkest tissue; the pelvis has a walled bladder of dark urine
 * and a uterus behind it; the kidneys' medial parts reach the outer slices; the subcutaneous fat is
 * crossed by fibrous septa.
 */
import { describe, expect, it } from 'vitest';
import { labelId, medianAt, readSeriesValues, truth } from './phantom-case';
import { decodeLabels } from '../../scripts/phantom/truth';

const series = truth.series['t1-pre']!;
const COLS = series.columns;
const MIXED = truth.mixedBit;

const readSeries = readSeriesValues;

const pre = readSeries('t1-pre');
const post = readSeries('t1-post');
const labels = decodeLabels(truth.labelMaps[series.labelMap]!);
const id = labelId;
const MID = (series.imageCount - 1) / 2;

/** How far a pixel lies inside the saturation band, in pixels (negative behind its edge). */
function bandDepth(p: number): number {
  const b = series.saturationBand;
  if (!b) throw new Error('the truth names no saturation band');
  const c = p % COLS;
  return c * b.normal[0] + ((p - c) / COLS) * b.normal[1] + b.offset;
}

/** Pure pixels of the tissues whose 4 neighbours are pure pixels of them too, filtered by `keep`. */
function interior(lab: Uint8Array, names: readonly string[], keep: (p: number) => boolean = () => true): number[] {
  const set = new Set(names.map(id));
  const out: number[] = [];
  for (let p = COLS; p < lab.length - COLS; p++) {
    if (!set.has(lab[p]!) || !set.has(lab[p - 1]!) || !set.has(lab[p + 1]!) || !set.has(lab[p - COLS]!) || !set.has(lab[p + COLS]!)) continue;
    if (keep(p)) out.push(p);
  }
  return out;
}

const median = medianAt;

function sd(img: Float64Array, at: readonly number[]): number {
  const m = at.reduce((a, p) => a + img[p]!, 0) / at.length;
  return Math.sqrt(at.reduce((a, p) => a + (img[p]! - m) ** 2, 0) / at.length);
}

/** The largest 4-connected group of the given pixels. */
function largestBlob(at: readonly number[]): number[] {
  const left = new Set(at);
  let best: number[] = [];
  for (const start of at) {
    if (!left.has(start)) continue;
    left.delete(start);
    const blob = [start];
    for (let k = 0; k < blob.length; k++) {
      const p = blob[k]!;
      for (const q of [p - 1, p + 1, p - COLS, p + COLS]) {
        if (!left.has(q)) continue;
        left.delete(q);
        blob.push(q);
      }
    }
    if (blob.length > best.length) best = blob;
  }
  return best;
}

describe('phantom MR abdomen and soft tissue (issue 21, part C)', () => {
  it('darkens everything in the anterior saturation band, and keeps flow voids the darkest tissue', () => {
    const edge = series.saturationBand!.edge;
    const inside = (p: number): boolean => bandDepth(p) > edge;
    const outside = (p: number): boolean => bandDepth(p) < -edge;
    let compared = 0;
    pre.forEach((img, i) => {
      const lab = labels[i]!;
      const fatIn = interior(lab, ['fat'], inside);
      const fatOut = interior(lab, ['fat'], outside);
      if (fatIn.length < 50 || fatOut.length < 50) return;
      // Fat keeps only what relaxes in the short delay after the band's pulse: about a quarter.
      expect(median(img, fatIn) / median(img, fatOut), `image ${i}`).toBeLessThan(0.35);
      const voids = interior(lab, ['artery', 'ivc']);
      if (voids.length >= 12 && interior(lab, ['csf']).length >= 12) {
        expect(median(img, voids), `image ${i}`).toBeLessThan(median(img, interior(lab, ['csf'])));
        expect(median(post[i]!, voids), `image ${i} post`).toBeLessThan(0.5 * median(post[i]!, interior(lab, ['muscle'], outside)));
      }
      compared++;
    });
    expect(compared).toBeGreaterThanOrEqual(10);
  });

  it('lets the abdomen recede: its pixels vary far less than the spine’s on the middle image', () => {
    const lab = labels[MID]!;
    const img = pre[MID]!;
    // The abdomen: every non-air pixel more than 40 mm in front of the bodies on a row through them.
    const margin = Math.round(40 / series.pixelSpacing[0]);
    const marrow = id('marrow');
    const abdomen: number[] = [];
    for (let r = 0; r < series.rows; r++) {
      let front = -1;
      for (let c = 0; c < COLS; c++) if ((lab[r * COLS + c]! & ~MIXED) === marrow) (front = c), (c = COLS);
      for (let c = 0; front >= 0 && c < front - margin; c++) if ((lab[r * COLS + c]! & ~MIXED) !== id('air')) abdomen.push(r * COLS + c);
    }
    const spine = interior(lab, ['marrow', 'disc', 'nucleus', 'csf', 'epidural_fat', 'cortex', 'ligament', 'cord', 'arch_marrow', 'interspinous', 'muscle'], (p) => {
      const c = p % COLS;
      return c > 0 && lab.subarray(p - c, p).some((l) => (l & ~MIXED) === marrow);
    });
    expect(abdomen.length).toBeGreaterThan(5000);
    expect(spine.length).toBeGreaterThan(2000);
    expect(sd(img, abdomen) / sd(img, spine)).toBeLessThan(0.6); // 1.4 before the band
  });

  it('walls the bladder of dark urine with muscle and sets the uterus behind and above it', () => {
    const lab = labels[MID]!;
    const img = pre[MID]!;
    const urine = largestBlob(interior(lab, ['urine'])); // fluid in bowel loops is urine-like too
    expect(urine.length).toBeGreaterThan(200);
    const muscleBack = interior(lab, ['muscle'], (p) => bandDepth(p) < -series.saturationBand!.edge);
    expect(median(img, urine)).toBeLessThan(0.6 * median(img, muscleBack));
    // The urine's largest blob is the bladder: what touches its edge is mostly its muscular wall.
    const u = id('urine');
    let touching = 0;
    let wall = 0;
    for (const p of urine) {
      for (const q of [p - 2, p + 2, p - 2 * COLS, p + 2 * COLS]) {
        const t = lab[q]! & ~MIXED;
        if (t === u) continue;
        touching++;
        if (t === id('muscle')) wall++;
      }
    }
    expect(wall / touching).toBeGreaterThan(0.6);
    // Uterus: solid organ tissue whose centre lies behind (greater column) and above (smaller row) the bladder's.
    const uterus = interior(lab, ['parenchyma']);
    expect(uterus.length).toBeGreaterThan(300);
    const centre = (at: readonly number[]): [number, number] => [at.reduce((a, p) => a + (p % COLS), 0) / at.length, at.reduce((a, p) => a + Math.floor(p / COLS), 0) / at.length];
    const [uc, ur] = centre(uterus);
    const [bc, br] = centre(urine);
    expect(uc).toBeGreaterThan(bc);
    expect(ur).toBeLessThan(br);
  });

  it('shows the kidneys’ medial parts in the outer slices: sinus fat inside, a little above muscle on T1, enhancing', () => {
    const outer = [0, 1, series.imageCount - 2, series.imageCount - 1];
    let seen = 0;
    for (const i of outer) {
      const lab = labels[i]!;
      const kidney = interior(lab, ['parenchyma'], (p) => bandDepth(p) < -series.saturationBand!.edge);
      if (kidney.length < 40) continue;
      seen++;
      const muscle = median(pre[i]!, interior(lab, ['muscle'], (p) => bandDepth(p) < -series.saturationBand!.edge));
      const k = median(pre[i]!, kidney);
      expect(k / muscle, `image ${i}`).toBeGreaterThan(0.95);
      expect(k / muscle, `image ${i}`).toBeLessThan(1.6);
      expect(median(post[i]!, kidney) / k, `image ${i}`).toBeGreaterThan(1.3);
    }
    expect(seen).toBeGreaterThanOrEqual(2);
  });

  it('crosses the subcutaneous fat of the back with thin fibrous septa, darker than the fat', () => {
    let septa = 0;
    let fat = 0;
    let darker = 0;
    labels.forEach((lab, i) => {
      const img = pre[i]!;
      const fatAt = interior(lab, ['fat'], (p) => bandDepth(p) < -series.saturationBand!.edge);
      if (fatAt.length < 100) return;
      const ref = median(img, fatAt);
      for (let p = 0; p < lab.length; p++) {
        const t = lab[p]! & ~MIXED;
        if (t === id('fat') && bandDepth(p) < -series.saturationBand!.edge) fat++;
        if (t !== id('fascia')) continue;
        septa++;
        if (img[p]! < 0.9 * ref) darker++;
      }
    });
    // A sparse network, not a mesh: a few percent of the fat, and the septa read darker than it.
    expect(septa / fat).toBeGreaterThan(0.003);
    expect(septa / fat).toBeLessThan(0.08);
    expect(darker / septa).toBeGreaterThan(0.6);
  });
});
