/** Local files: grouped by series, sorted by position, non-DICOM named with the reason; the ad-hoc case is valid. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { scanLocalFiles, type LocalFile } from '../../src/dicom/local-series';
import { adhocCase } from '../../src/case/adhoc-case';
import { buildTimeline } from '../../src/case/timeline';

const DICOM = join(import.meta.dirname, '../../../shared/dicom');
const CT_DIR = join(DICOM, 'dcm_qa_ct/In/GE');

function local(path: string, name: string): LocalFile<string> {
  return {
    name,
    size: statSync(path).size,
    read: async (limit) => {
      const bytes = new Uint8Array(readFileSync(path));
      return limit === undefined ? bytes : bytes.subarray(0, limit);
    },
    handle: path,
  };
}

it('groups by series, sorts each along its normal, and names what it skipped', async () => {
  const ct = readdirSync(CT_DIR).filter((f) => f.endsWith('.dcm')).reverse();
  const files = [
    local(join(DICOM, 'README.md'), 'README.md'),
    local(join(DICOM, 'pydicom/src/pydicom/data/test_files/MR_small.dcm'), 'MR_small.dcm'),
    local(join(DICOM, 'pydicom/src/pydicom/data/test_files/rtplan.dcm'), 'rtplan.dcm'),
    ...ct.map((f) => local(join(CT_DIR, f), `GE/${f}`)),
  ];
  const scan = await scanLocalFiles(files);
  expect(scan.skipped.map((s) => s.name).sort()).toEqual(['README.md', 'rtplan.dcm']);
  expect(scan.skipped.find((s) => s.name === 'README.md')?.reason).toContain('not a DICOM file');
  expect(scan.series.map((s) => s.files.length).sort((a, b) => a - b)).toEqual([1, ct.length]);

  const ctSeries = scan.series.find((s) => s.files.length === ct.length)!;
  expect(ctSeries.modality).toBe('CT');
  // Positions projected on the slice normal increase monotonically (the series has uneven gaps and a tilt).
  const o = ctSeries.files[0]!.header.imageOrientationPatient!;
  const n = [o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5], o[0] * o[4] - o[1] * o[3]];
  const along = ctSeries.files.map((f) => {
    const p = f.header.imagePositionPatient!;
    return p[0] * n[0]! + p[1] * n[1]! + p[2] * n[2]!;
  });
  const steps = along.slice(1).map((v, i) => v - along[i]!);
  expect(steps.every((d) => d > 0) || steps.every((d) => d < 0)).toBe(true);

  const lesson = adhocCase(scan.series.map((s, i) => ({ key: `s${i + 1}`, label: s.label, modality: s.modality, imageCount: s.files.length })));
  const timeline = buildTimeline(lesson);
  expect(timeline.steps).toHaveLength(2);
  expect(lesson.cues.map((c) => c.viewports.main?.imageIndex)).toEqual(scan.series.map((s) => Math.floor(s.files.length / 2)));
});

it('an odd modality becomes OT rather than an invalid case', () => {
  const lesson = adhocCase([{ key: 's1', label: 'x', modality: 'mr 3t', imageCount: 3 }]);
  expect(lesson.series[0]?.modality).toBe('OT');
});

it('refuses a file past the size limit without reading it, and names it', async () => {
  let reads = 0;
  const huge: LocalFile<string> = { name: 'huge.dcm', size: 3 * 1024 ** 3, read: async () => (reads++, new Uint8Array()), handle: '' };
  const scan = await scanLocalFiles([huge]);
  expect(scan.skipped).toEqual([{ name: 'huge.dcm', reason: 'it is 3.0 GB, more than the 1.0 GB this viewer reads from one file' }]);
  expect(reads).toBe(0);
});

it('a file without a SeriesInstanceUID is a series of its own', async () => {
  const dir = join(DICOM, 'pydicom/src/pydicom/data/test_files');
  const scan = await scanLocalFiles([local(join(dir, 'JPEGLSNearLossless_08.dcm'), 'a.dcm'), local(join(dir, 'JPEGLSNearLossless_16.dcm'), 'b.dcm')]);
  expect(scan.skipped).toEqual([]);
  expect(scan.series.map((s) => s.files.map((f) => f.name))).toEqual([['a.dcm'], ['b.dcm']]);
});
