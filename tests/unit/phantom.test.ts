/**
 * The committed synthetic phantom (cases/epidural-aml): read back from disk with dicom-parser and
 * checked against the brief's physical facts and against its own ground truth. No pixel value is
 * hard-coded; tissue references come from the truth's sample points.
 */
import dicomParser, { type DataSet } from 'dicom-parser';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatePhantom, manifestJson, truthJson } from '../../scripts/phantom/generate';
import type { PhantomTruth, SeriesTruth } from '../../scripts/phantom/truth';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const caseDir = join(root, 'cases/epidural-aml');
const KEYS = ['t1-pre', 't1-post', 'ct-thoracic'] as const;
type Key = (typeof KEYS)[number];

/** The truth file read back from disk, typed by the generator's own declaration of it. */
type Truth = Omit<PhantomTruth, 'series'> & { series: Record<Key, SeriesTruth> };

const truth = JSON.parse(readFileSync(join(caseDir, 'phantom-truth.json'), 'utf8')) as Truth;

interface Image {
  name: string;
  bytes: Uint8Array;
  ds: DataSet;
  rows: number;
  columns: number;
  /** modality values (HU on CT) */
  values: Float64Array;
}

function readImage(key: Key, name: string): Image {
  const bytes = new Uint8Array(readFileSync(join(caseDir, 'series', key, name)));
  const ds = dicomParser.parseDicom(bytes);
  const rows = ds.uint16('x00280010') ?? 0;
  const columns = ds.uint16('x00280011') ?? 0;
  const px = ds.elements['x7fe00010'];
  if (!px) throw new Error(`${key}/${name}: no pixel data`);
  const slope = ds.floatString('x00281053') ?? 1;
  const intercept = ds.floatString('x00281052') ?? 0;
  const values = new Float64Array(rows * columns);
  for (let i = 0; i < values.length; i++) values[i] = (bytes[px.dataOffset + 2 * i]! | (bytes[px.dataOffset + 2 * i + 1]! << 8)) * slope + intercept;
  return { name, bytes, ds, rows, columns, values };
}

const manifests = Object.fromEntries(KEYS.map((k) => [k, JSON.parse(readFileSync(join(caseDir, 'series', k, 'manifest.json'), 'utf8')) as { files: string[] }])) as Record<
  Key,
  { files: string[] }
>;
const series = Object.fromEntries(KEYS.map((k) => [k, manifests[k].files.map((f) => readImage(k, f))])) as Record<Key, Image[]>;

const str = (ds: DataSet, tag: string): string | undefined => ds.string(tag);
const nums = (ds: DataSet, tag: string): number[] => {
  const n = ds.numStringValues(tag) ?? 0;
  return Array.from({ length: n }, (_, i) => ds.floatString(tag, i) ?? NaN);
};

/** Mean over a (2h+1)^2 window centred on [col, row]. */
function meanAt(img: Image, c: number, r: number, h: number): number {
  let s = 0;
  let n = 0;
  for (let dr = -h; dr <= h; dr++)
    for (let dc = -h; dc <= h; dc++) {
      s += img.values[(r + dr) * img.columns + c + dc]!;
      n++;
    }
  return s / n;
}

/** Mean of the 3x3 means at a tissue's truth sample points. */
function tissueMean(key: Key, tissue: string): number {
  const pts = truth.series[key].samples[tissue];
  if (!pts || pts.length === 0) throw new Error(`no samples of ${tissue} in ${key}`);
  return pts.reduce((a, [i, c, r]) => a + meanAt(series[key][i]!, c, r, 1), 0) / pts.length;
}

function range(v: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of v) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}

const uidOk = (u: string | undefined): boolean => !!u && u.length <= 64 && /^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))+$/.test(u);

describe('phantom files on disk', () => {
  it('lists every series in a manifest, in file-name order', () => {
    for (const k of KEYS) {
      const files = manifests[k].files;
      expect(files.length).toBe(truth.series[k].imageCount);
      expect(files).toEqual([...files].sort());
      expect(files[0]).toBe('0001.dcm');
    }
  });

  it('are Part 10 explicit VR little endian with a complete image header', () => {
    for (const k of KEYS) {
      const t = truth.series[k];
      series[k].forEach((img, i) => {
        expect(String.fromCharCode(...img.bytes.slice(128, 132))).toBe('DICM');
        expect(str(img.ds, 'x00020010')).toBe('1.2.840.10008.1.2.1');
        expect(str(img.ds, 'x00020002')).toBe(str(img.ds, 'x00080016'));
        expect(str(img.ds, 'x00020003')).toBe(str(img.ds, 'x00080018'));
        expect(str(img.ds, 'x00080016')).toBe(t.modality === 'MR' ? '1.2.840.10008.5.1.4.1.1.4' : '1.2.840.10008.5.1.4.1.1.2');
        expect(str(img.ds, 'x00080060')).toBe(t.modality);
        expect(str(img.ds, 'x0008103e')).toBe(t.seriesDescription);
        expect(img.ds.intString('x00200013')).toBe(i + 1);
        expect([img.rows, img.columns]).toEqual([t.rows, t.columns]);
        expect(img.ds.uint16('x00280100')).toBe(16);
        expect(img.ds.uint16('x00280101')).toBe(12);
        expect(img.ds.uint16('x00280102')).toBe(11);
        expect(img.ds.uint16('x00280103')).toBe(0);
        expect(img.ds.uint16('x00280002')).toBe(1);
        expect(str(img.ds, 'x00280004')).toBe('MONOCHROME2');
        expect(img.ds.elements['x7fe00010']?.vr).toBe('OW');
        expect(img.ds.elements['x7fe00010']?.length).toBe(t.rows * t.columns * 2);
        expect(img.ds.text('x00204000')).toContain('SYNTHETIC PHANTOM');
        expect(str(img.ds, 'x00180015')).toBeTruthy(); // BodyPartExamined
        expect(str(img.ds, 'x00080020')).toBe('20000101');
      });
    }
  });

  it('share one study; pre and post share a frame of reference, the CT has its own', () => {
    const all = KEYS.flatMap((k) => series[k]);
    const study = new Set(all.map((i) => str(i.ds, 'x0020000d')));
    expect([...study]).toEqual([truth.studyInstanceUID]);
    const sops = all.map((i) => str(i.ds, 'x00080018'));
    expect(new Set(sops).size).toBe(all.length);
    for (const u of [...study, ...sops]) expect(uidOk(u)).toBe(true);
    const one = (k: Key, tag: string): string => {
      const s = new Set(series[k].map((i) => str(i.ds, tag)));
      expect(s.size).toBe(1);
      const v = [...s][0];
      expect(uidOk(v)).toBe(true);
      return v!;
    };
    const seriesUids = KEYS.map((k) => one(k, 'x0020000e'));
    expect(new Set(seriesUids).size).toBe(3);
    KEYS.forEach((k, i) => expect(seriesUids[i]).toBe(truth.series[k].seriesInstanceUID));
    const forPre = one('t1-pre', 'x00200052');
    expect(one('t1-post', 'x00200052')).toBe(forPre);
    expect(one('ct-thoracic', 'x00200052')).not.toBe(forPre);
    expect(forPre).toBe(truth.series['t1-pre'].frameOfReferenceUID);
  });

  it('carry no patient identifiers', () => {
    for (const img of KEYS.flatMap((k) => series[k])) {
      expect(img.ds.elements['x00100030']).toBeUndefined(); // PatientBirthDate
      expect(img.ds.elements['x00080080']).toBeUndefined(); // InstitutionName
      expect(img.ds.elements['x00080081']).toBeUndefined(); // InstitutionAddress
      expect(str(img.ds, 'x00100010')).toBe('Teaching^Phantom');
      expect(str(img.ds, 'x00100020')).toBe('PHANTOM-0001');
      expect(str(img.ds, 'x00120062')).toBe('YES');
      expect(str(img.ds, 'x00120063')?.toLowerCase()).toContain('synthetic');
      expect(str(img.ds, 'x00080090') ?? '').toBe(''); // referring physician left empty
    }
  });

  it('step along patient x with the stated spacing, so position order is file order', () => {
    for (const k of KEYS) {
      const imgs = series[k];
      const spacing = imgs[0]!.ds.floatString('x00180088')!;
      expect(spacing).toBeCloseTo(k === 'ct-thoracic' ? 2 : 4.4, 6);
      const ipp = imgs.map((i) => nums(i.ds, 'x00200032'));
      for (const i of imgs) expect(nums(i.ds, 'x00200037')).toEqual([0, 1, 0, 0, 0, -1]);
      for (const i of imgs) expect(nums(i.ds, 'x00280030')).toEqual(truth.series[k].pixelSpacing);
      for (let i = 1; i < ipp.length; i++) {
        expect(ipp[i]![0]! - ipp[i - 1]![0]!).toBeCloseTo(spacing, 3);
        expect(ipp[i]![1]).toBe(ipp[0]![1]);
        expect(ipp[i]![2]).toBe(ipp[0]![2]);
      }
      // The middle image is the midline.
      expect(ipp[(ipp.length - 1) / 2]![0]).toBeCloseTo(0, 6);
      // Distance along the slice normal (row x column = -x) orders them consistently, in reverse.
      const along = ipp.map((p) => -p[0]!);
      const byPosition = along.map((d, i) => ({ d, i })).sort((a, b) => b.d - a.d).map((e) => e.i);
      expect(byPosition).toEqual(imgs.map((_, i) => i));
    }
  });

  it('have windows and rescale that fit the data', () => {
    for (const img of [...series['t1-pre'], ...series['t1-post']]) {
      const c = img.ds.floatString('x00281050')!;
      const w = img.ds.floatString('x00281051')!;
      expect(w).toBeGreaterThan(300);
      expect(c).toBeGreaterThan(0);
      const [lo, hi] = range(img.values);
      expect(hi).toBeLessThan(1500); // "roughly 0-1000"
      expect(lo).toBeGreaterThanOrEqual(0);
    }
    for (const img of series['ct-thoracic']) {
      expect(img.ds.floatString('x00281050')).toBe(40);
      expect(img.ds.floatString('x00281051')).toBe(400);
      expect(img.ds.floatString('x00281052')).toBe(-1024);
      expect(img.ds.floatString('x00281053')).toBe(1);
      const [lo, hi] = range(img.values);
      expect(lo).toBeGreaterThanOrEqual(-1024);
      expect(hi).toBeGreaterThan(1000); // cortical bone
    }
  });
});

describe('phantom anatomy and lesions', () => {
  it('orders T1 signal as fat > marrow > muscle/disc > CSF', () => {
    const fat = tissueMean('t1-pre', 'fat');
    const marrow = tissueMean('t1-pre', 'marrow');
    const muscle = tissueMean('t1-pre', 'muscle');
    const disc = tissueMean('t1-pre', 'disc');
    const csf = tissueMean('t1-pre', 'csf');
    expect(fat).toBeGreaterThan(marrow);
    expect(marrow).toBeGreaterThan(muscle);
    expect(marrow).toBeGreaterThan(disc);
    expect(Math.min(muscle, disc)).toBeGreaterThan(csf);
    expect(tissueMean('t1-pre', 'subcutaneousFat')).toBeGreaterThan(marrow);
  });

  it('puts each MR lesion at intermediate T1 signal, between CSF and epidural fat', () => {
    const csf = tissueMean('t1-pre', 'csf');
    const fat = tissueMean('t1-pre', 'fat');
    expect(truth.series['t1-pre'].lesions.map((l) => l.id)).toEqual(['l2-anterior', 'l5s1-posterior', 's3-posterior']);
    for (const l of truth.series['t1-pre'].lesions) {
      const img = series['t1-pre'][l.arrow.imageIndex]!;
      const m = meanAt(img, l.arrow.tip[0], l.arrow.tip[1], 2);
      expect(m, l.id).toBeGreaterThan(csf);
      expect(m, l.id).toBeLessThan(fat);
    }
  });

  it('enhances the MR lesions only faintly after gadolinium (3-25%)', () => {
    for (const l of truth.series['t1-pre'].lesions) {
      const [c, r] = l.arrow.tip;
      const pre = meanAt(series['t1-pre'][l.arrow.imageIndex]!, c, r, 2);
      const post = meanAt(series['t1-post'][l.arrow.imageIndex]!, c, r, 2);
      expect(post / pre, l.id).toBeGreaterThan(1.03);
      expect(post / pre, l.id).toBeLessThan(1.25);
    }
  });

  it('gives the CT lesion soft-tissue density and bone hundreds of HU', () => {
    const [l] = truth.series['ct-thoracic'].lesions;
    expect(l?.id).toBe('thoracic-posterior');
    const hu = meanAt(series['ct-thoracic'][l!.arrow.imageIndex]!, l!.arrow.tip[0], l!.arrow.tip[1], 2);
    expect(hu).toBeGreaterThanOrEqual(40);
    expect(hu).toBeLessThanOrEqual(60);
    expect(tissueMean('ct-thoracic', 'marrow')).toBeGreaterThan(150);
    expect(tissueMean('ct-thoracic', 'lung')).toBeLessThan(-700);
    const fat = tissueMean('ct-thoracic', 'fat');
    expect(fat).toBeGreaterThan(-150);
    expect(fat).toBeLessThan(-50);
    const muscle = tissueMean('ct-thoracic', 'muscle');
    expect(muscle).toBeGreaterThan(30);
    expect(muscle).toBeLessThan(70);
  });

  it('has truth that is self-consistent and matches the brief', () => {
    for (const k of KEYS) {
      const t = truth.series[k];
      for (const l of t.lesions) {
        const a = l.arrow;
        const sl = l.slices.find((s) => s.imageIndex === a.imageIndex);
        expect(sl, l.id).toBeDefined();
        expect(a.tip[0]).toBeGreaterThanOrEqual(sl!.bbox[0] + 2);
        expect(a.tip[0]).toBeLessThanOrEqual(sl!.bbox[2] - 2);
        expect(a.tip[1]).toBeGreaterThanOrEqual(sl!.bbox[1] + 2);
        expect(a.tip[1]).toBeLessThanOrEqual(sl!.bbox[3] - 2);
        const len = Math.hypot(a.tail[0] - a.tip[0], a.tail[1] - a.tip[1]);
        expect(len).toBeGreaterThanOrEqual(28);
        expect(len).toBeLessThanOrEqual(45);
        for (const v of a.tail) expect(v).toBeGreaterThanOrEqual(0);
        expect(a.tail[0]).toBeLessThan(t.columns);
        expect(a.tail[1]).toBeLessThan(t.rows);
        // several slices around the midline
        const idx = l.slices.map((s) => s.imageIndex);
        expect(idx.length, l.id).toBeGreaterThanOrEqual(3);
        expect(idx).toContain((t.imageCount - 1) / 2);
      }
      // levels run down the image in order
      const rows = Object.values(t.levels).map((v) => v.bodyCentre[1]);
      expect(rows).toEqual([...rows].sort((a, b) => a - b));
    }
    const mr = truth.series['t1-pre'];
    expect(Object.keys(mr.levels)).toEqual(expect.arrayContaining(['T12', 'L1', 'L2', 'L3', 'L4', 'L5', 'S1', 'S2', 'S3']));
    const byId = Object.fromEntries(mr.lesions.map((l) => [l.id, l]));
    // [LR, AP thickness, SI length] in mm, against the brief
    expect(byId['l2-anterior']!.extentMm[2]).toBeGreaterThanOrEqual(25);
    expect(byId['l2-anterior']!.extentMm[2]).toBeLessThanOrEqual(35);
    expect(byId['l2-anterior']!.extentMm[1]).toBeGreaterThanOrEqual(4.5);
    expect(byId['l2-anterior']!.extentMm[1]).toBeLessThanOrEqual(7.5);
    expect(byId['l5s1-posterior']!.extentMm[2]).toBeGreaterThanOrEqual(38);
    expect(byId['l5s1-posterior']!.extentMm[2]).toBeLessThanOrEqual(52);
    expect(byId['s3-posterior']!.extentMm[2]).toBeGreaterThanOrEqual(14);
    expect(byId['s3-posterior']!.extentMm[2]).toBeLessThanOrEqual(21);
    // L2 lesion at the L2 body, the S3 one below the L5-S1 one
    const l2 = mr.levels['L2']!.bodyCentre;
    const tipL2 = byId['l2-anterior']!.arrow.tip;
    expect(Math.abs(tipL2[1] - l2[1])).toBeLessThan(20);
    expect(tipL2[0]).toBeGreaterThan(l2[0]); // behind the body
    expect(byId['s3-posterior']!.centrePatient[2]).toBeLessThan(byId['l5s1-posterior']!.centrePatient[2]);
  });
});

describe('phantom generator', () => {
  it(
    'is deterministic and reproduces the committed files byte for byte',
    () => {
      // One run here against the files an earlier run (npm run phantom) wrote: same bytes twice.
      const a = generatePhantom({ seed: truth.seed });
      expect(truthJson(a.truth)).toBe(readFileSync(join(caseDir, 'phantom-truth.json'), 'utf8'));
      // The axial stacks (phantom-d-axial.test) follow the sagittal and CT series.
      expect(a.series.map((s) => s.key)).toEqual([...KEYS, 't1-ax-l2', 't1-ax-l5s1']);
      for (const s of a.series) {
        const dir = join(caseDir, 'series', s.key);
        expect(manifestJson(s)).toBe(readFileSync(join(dir, 'manifest.json'), 'utf8'));
        s.files.forEach((f) => {
          const same = (x: Uint8Array, y: Uint8Array): boolean => x.length === y.length && Buffer.compare(Buffer.from(x), Buffer.from(y)) === 0;
          expect(same(f.bytes, new Uint8Array(readFileSync(join(dir, f.name)))), `${s.key}/${f.name} vs disk`).toBe(true);
        });
      }
    },
    240_000,
  );
});
