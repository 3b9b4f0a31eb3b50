/**
 * Every arrow the bundled case shows points at its lesion: the tip lies inside a lesion of the phantom's ground
 * truth on that image, and the pixels under it have the lesion's signal (intermediate on T1 between CSF and fat,
 * 40-60 HU on CT), read back from the DICOM files the viewer loads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/case/parse';
import { meanAround, seriesImages } from '../fixtures/case-pixels';

const CASE_DIR = join(import.meta.dirname, '../../cases/epidural-aml');
type Box = [number, number, number, number];
interface Truth {
  series: Record<string, {
    lesions: { id: string; slices: { imageIndex: number; bbox: Box }[] }[];
    samples: Record<string, [number, number, number][]>;
  }>;
}
const truth = JSON.parse(readFileSync(join(CASE_DIR, 'phantom-truth.json'), 'utf8')) as Truth;
const parsed = parseCase(JSON.parse(readFileSync(join(CASE_DIR, 'case.json'), 'utf8')));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const lesson = parsed.value;

const images = new Map(lesson.series.map((s) => [s.key, seriesImages(CASE_DIR, lesson, s.key)]));
const mean5 = (key: string, index: number, col: number, row: number): number => meanAround(images.get(key)![index]!, col, row);

function tissueMean(key: string, tissue: string): number {
  const pts = truth.series[key]!.samples[tissue]!;
  return pts.reduce((acc, [i, c, r]) => acc + mean5(key, i, c, r), 0) / pts.length;
}

const arrows = lesson.cues.flatMap((cue, c) =>
  Object.entries(cue.viewports).flatMap(([name, vp]) =>
    vp.arrows.map((a, k) => ({ where: `cues[${c}].viewports.${name}.arrows[${k}]`, series: vp.series, index: a.imageIndex ?? vp.imageIndex, tip: a.tip })),
  ),
);

describe('the arrows of the bundled case', () => {
  it('are many, on every series', () => {
    expect(new Set(arrows.map((a) => a.series))).toEqual(new Set(['t1-pre', 't1-post', 'ct-thoracic']));
  });

  for (const a of arrows) {
    it(`${a.where} points into a lesion of ${a.series}`, () => {
      const [col, row] = a.tip.map(Math.round) as [number, number];
      const inside = truth.series[a.series]!.lesions.some((l) =>
        l.slices.some((s) => s.imageIndex === a.index && col >= s.bbox[0] && col <= s.bbox[2] && row >= s.bbox[1] && row <= s.bbox[3]),
      );
      expect(inside, 'tip inside a ground-truth lesion').toBe(true);
      const here = mean5(a.series, a.index, col, row);
      if (a.series === 'ct-thoracic') {
        expect(here).toBeGreaterThanOrEqual(40);
        expect(here).toBeLessThanOrEqual(60);
      } else {
        expect(here).toBeGreaterThan(tissueMean(a.series, 'csf'));
        expect(here).toBeLessThan(tissueMean(a.series, 'fat'));
      }
    });
  }
});
