/**
 * Part D of the phantom's third pass (issue 21, item 6): axial T1 stacks through L2 and through
 * L5-S1, read back from the committed DICOM and checked against the sagittal series and the truth's
 * label maps: one frame of reference and z range with the sagittal T1, the L2 lesion where the
 * sagittal truth puts it, the T1 order of tissues, and the anatomy a reader checks first.
 */
import type { DataSet } from 'dicom-parser';
import { describe, expect, it } from 'vitest';
import { labelId, median, readPhantomImage, seriesFiles, truth, type PhantomImage } from './phantom-case';
import { decodeLabels } from '../../scripts/phantom/truth';

const AXIAL = ['t1-ax-l2', 't1-ax-l5s1'] as const;

const readSeries = (key: string): PhantomImage[] => seriesFiles(key).map(readPhantomImage);

const nums = (ds: DataSet, tag: string): number[] => Array.from({ length: ds.numStringValues(tag) ?? 0 }, (_, i) => ds.floatString(tag, i) ?? NaN);
const id = labelId;

const sag = readSeries('t1-pre');
const axial = Object.fromEntries(AXIAL.map((k) => [k, readSeries(k)])) as Record<(typeof AXIAL)[number], PhantomImage[]>;
const labels = Object.fromEntries(AXIAL.map((k) => [k, decodeLabels(truth.labelMaps[truth.series[k]!.labelMap]!)])) as Record<(typeof AXIAL)[number], Uint8Array[]>;

/** Patient position of the centre of pixel [column, row] of an image. */
function patient(img: PhantomImage, c: number, r: number): [number, number, number] {
  const o = nums(img.ds, 'x00200032');
  const iop = nums(img.ds, 'x00200037');
  const [sr, sc] = nums(img.ds, 'x00280030') as [number, number];
  return [0, 1, 2].map((k) => o[k]! + c * sc * iop[k]! + r * sr * iop[3 + k]!) as [number, number, number];
}

/** The pixel-count-weighted centre of a lesion over all images of a series, in patient mm. */
function lesionCentre(key: string, images: PhantomImage[], lesionId: string): [number, number, number] {
  const l = truth.series[key]!.lesions.find((x) => x.id === lesionId);
  if (!l) throw new Error(`${lesionId} is not on ${key}`);
  const sum = [0, 0, 0];
  let n = 0;
  for (const s of l.slices) {
    const p = patient(images[s.imageIndex]!, s.centroid[0], s.centroid[1]);
    for (let k = 0; k < 3; k++) sum[k] = sum[k]! + p[k]! * s.pixelCount;
    n += s.pixelCount;
  }
  return sum.map((v) => v / n) as [number, number, number];
}

/** Pure pixels of one tissue whose 4 neighbours are that tissue too (no partial volume). */
function interior(lab: Uint8Array, cols: number, tissue: number, keep: (c: number, r: number) => boolean): number[] {
  const out: number[] = [];
  for (let p = cols; p < lab.length - cols; p++) {
    if (lab[p] !== tissue || lab[p - 1] !== tissue || lab[p + 1] !== tissue || lab[p - cols] !== tissue || lab[p + cols] !== tissue) continue;
    const c = p % cols;
    if (keep(c, (p - c) / cols)) out.push(p);
  }
  return out;
}

describe('axial T1 stacks of the seed phantom', () => {
  it('are true axial stacks in the sagittal T1 frame of reference, inside its z range', () => {
    const sagTop = nums(sag[0]!.ds, 'x00200032')[2]!;
    const sagBottom = sagTop - (truth.series['t1-pre']!.rows - 1) * truth.series['t1-pre']!.pixelSpacing[0];
    const seriesUids = new Set(Object.values(truth.series).map((s) => s.seriesInstanceUID));
    expect(seriesUids.size).toBe(Object.keys(truth.series).length);
    for (const k of AXIAL) {
      const imgs = axial[k];
      const t = truth.series[k]!;
      expect(imgs.length).toBeGreaterThanOrEqual(5);
      expect(imgs.length).toBeLessThanOrEqual(8);
      expect(t.seriesDescription).toMatch(/^Ax T1 (L2|L5-S1)$/);
      const ipp = imgs.map((i) => nums(i.ds, 'x00200032'));
      for (const [i, img] of imgs.entries()) {
        expect(nums(img.ds, 'x00200037')).toEqual([1, 0, 0, 0, 1, 0]);
        expect(img.ds.string('x00200052')).toBe(truth.series['t1-pre']!.frameOfReferenceUID);
        expect(img.ds.string('x0020000d')).toBe(truth.studyInstanceUID);
        expect(img.ds.string('x0020000e')).toBe(t.seriesInstanceUID);
        expect(img.ds.floatString('x00201041')).toBeCloseTo(ipp[i]![2]!, 3); // SliceLocation
        expect(img.ds.floatString('x00180050')).toBe(4);
        expect(img.ds.string('x00181312')).toBe('COL'); // phase A-P
        expect(img.ds.string('x00180080')).toBe(sag[0]!.ds.string('x00180080')); // TR
        expect(img.ds.string('x00180081')).toBe(sag[0]!.ds.string('x00180081')); // TE
        const fov = t.columns * t.pixelSpacing[0];
        expect(fov).toBeGreaterThanOrEqual(200);
        expect(fov).toBeLessThanOrEqual(240);
        expect(ipp[i]![2]).toBeLessThanOrEqual(sagTop);
        expect(ipp[i]![2]).toBeGreaterThanOrEqual(sagBottom);
        if (i > 0) {
          expect(ipp[i]![2]! - ipp[i - 1]![2]!).toBeCloseTo(-img.ds.floatString('x00180088')!, 3); // head to foot
          expect(ipp[i]!.slice(0, 2)).toEqual(ipp[0]!.slice(0, 2));
        }
      }
    }
  });

  it('shows the L2 lesion where the sagittal images have it', () => {
    const a = lesionCentre('t1-ax-l2', axial['t1-ax-l2'], 'l2-anterior');
    const s = lesionCentre('t1-pre', sag, 'l2-anterior');
    expect(Math.abs(a[0] - truth.series['t1-pre']!.lesions[0]!.centrePatient[0])).toBeLessThan(3);
    expect(Math.abs(a[1] - s[1])).toBeLessThan(3);
    expect(Math.abs(a[2] - s[2])).toBeLessThan(4); // the stack may clip the lens's ends a little
    // On the sagittal arrow's slice z, the lesion is on the axial images too.
    const l5 = lesionCentre('t1-ax-l5s1', axial['t1-ax-l5s1'], 'l5s1-posterior');
    const s5 = lesionCentre('t1-pre', sag, 'l5s1-posterior');
    expect(Math.abs(l5[1] - s5[1])).toBeLessThan(6);
  });

  it('keeps the sagittal T1 order: fat > marrow > muscle, lesion like muscle, CSF darkest of them', () => {
    const k = 't1-ax-l2';
    const cols = truth.series[k]!.columns;
    const bodyRow = truth.series[k]!.levels['L2']!.bodyCentre[1];
    // Behind the front of the vertebral body: outside the anterior saturation band.
    const behind = (_c: number, r: number): boolean => r > bodyRow - 10;
    const med = (t: string, keep = behind): number => {
      const v: number[] = [];
      labels[k].forEach((lab, i) => interior(lab, cols, id(t), keep).forEach((p) => v.push(axial[k][i]!.values[p]!)));
      expect(v.length, t).toBeGreaterThan(20);
      return median(v);
    };
    const fat = med('fat');
    const marrow = med('marrow');
    const muscle = med('muscle');
    const lesion = med('lesion_0');
    const csf = med('csf');
    expect(fat).toBeGreaterThan(marrow);
    expect(marrow).toBeGreaterThan(muscle);
    expect(Math.abs(lesion - muscle) / muscle).toBeLessThan(0.35);
    expect(lesion).toBeGreaterThan(1.3 * csf);
    expect(muscle).toBeGreaterThan(csf);
  });

  it('puts the L2 lesion in front of the thecal sac and the L5-S1 lesion behind it', () => {
    const rowsOf = (lab: Uint8Array, cols: number, t: number): number[] => {
      const r: number[] = [];
      lab.forEach((v, p) => {
        const c = p % cols;
        if ((v & ~truth.mixedBit) === t && Math.abs(c - cols / 2) < 20) r.push((p - c) / cols);
      });
      return r;
    };
    const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
    for (const [k, lesion, side] of [
      ['t1-ax-l2', 'lesion_0', -1],
      ['t1-ax-l5s1', 'lesion_1', 1],
    ] as const) {
      const cols = truth.series[k]!.columns;
      let both = 0;
      for (const lab of labels[k]) {
        const les = rowsOf(lab, cols, id(lesion));
        const csf = rowsOf(lab, cols, id('csf'));
        if (les.length < 10 || csf.length < 10) continue;
        both++;
        expect(Math.sign(mean(les) - mean(csf)), k).toBe(side); // rows grow posteriorly
      }
      expect(both, k).toBeGreaterThanOrEqual(2);
    }
  });

  it('shows the aorta on the left, the IVC on the right and both kidneys at L2', () => {
    const k = 't1-ax-l2';
    const cols = truth.series[k]!.columns;
    const lab = labels[k][truth.series[k]!.levels['L2']!.imageIndex]!;
    const columnsOf = (t: number): number[] => {
      const c: number[] = [];
      lab.forEach((v, p) => {
        if ((v & ~truth.mixedBit) === t) c.push(p % cols);
      });
      return c;
    };
    const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
    // Columns run to the patient's left (ImageOrientationPatient 1,0,0), as radiologists view them.
    expect(mean(columnsOf(id('artery')))).toBeGreaterThan(cols / 2);
    expect(mean(columnsOf(id('ivc')))).toBeLessThan(cols / 2);
    const kidney = columnsOf(id('parenchyma'));
    expect(kidney.filter((c) => c < cols / 2 - 30).length).toBeGreaterThan(200);
    expect(kidney.filter((c) => c > cols / 2 + 30).length).toBeGreaterThan(200);
  });
});
