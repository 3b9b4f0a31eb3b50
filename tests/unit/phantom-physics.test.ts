/**
 * The committed phantom measured through its own label maps (phantom-truth.json): every tissue's
 * signal on every slice, read back from the DICOM files on disk, against the physics the issue asks
 * for (T1 ordering, gadolinium enhancement, CT densities, Rayleigh background, partial volume).
 */
import { describe, expect, it } from 'vitest';
import { labelId, medianAt, readSeriesValues, truth } from './phantom-case';
import { decodeLabels, type SaturationBandTruth } from '../../scripts/phantom/truth';


const readSeries = readSeriesValues;

const id = labelId;
const MIXED = truth.mixedBit;
/**
 * MR labels with the saturation band's pixels set to no tissue (127): inside the band every tissue is
 * darkened on purpose, so a tissue's signal is measured where the band leaves it alone.
 */
function outsideBand(labels: Uint8Array[], band: SaturationBandTruth | undefined, cols: number): Uint8Array[] {
  if (!band) return labels;
  return labels.map((l) =>
    l.map((v, i) => {
      const c = i % cols;
      const r = (i - c) / cols;
      return c * band.normal[0] + r * band.normal[1] + band.offset > -band.edge / 2 ? 127 : v;
    }),
  );
}
const mrLabels = outsideBand(decodeLabels(truth.labelMaps[truth.series['t1-pre']!.labelMap]!), truth.series['t1-pre']!.saturationBand, truth.series['t1-pre']!.columns);
const ctLabels = decodeLabels(truth.labelMaps[truth.series['ct-thoracic']!.labelMap]!);
const pre = readSeries('t1-pre');
const post = readSeries('t1-post');
const ct = readSeries('ct-thoracic');
const MR_COLS = truth.series['t1-pre']!.columns;
const CT_COLS = truth.series['ct-thoracic']!.columns;

/** Pixels of a pure voxel of one of `tissues` whose 4 neighbours are pure voxels of them too. */
function interior(labels: Uint8Array, cols: number, tissues: readonly number[], erode = true): number[] {
  const set = new Set(tissues);
  const out: number[] = [];
  for (let i = cols; i < labels.length - cols; i++) {
    if (!set.has(labels[i]!)) continue;
    if (erode && !(set.has(labels[i - 1]!) && set.has(labels[i + 1]!) && set.has(labels[i - cols]!) && set.has(labels[i + cols]!))) continue;
    out.push(i);
  }
  return out;
}

const median = medianAt;

const MIN_PIXELS = 12;

/** Median of a tissue on one image, or undefined when the image holds too little of it. */
function tissueMedian(values: Float64Array, labels: Uint8Array, cols: number, names: readonly string[], erode = true): number | undefined {
  const at = interior(labels, cols, names.map(id), erode);
  return at.length >= MIN_PIXELS ? median(values, at) : undefined;
}

describe('phantom physics, measured from the label maps on every slice', () => {
  it('has a label table and one label map per series, matching the images', () => {
    expect(truth.labelTable).toContain('fat');
    expect(truth.labelTable).toContain('lesion_0');
    for (const [key, s] of Object.entries(truth.series)) {
      const m = truth.labelMaps[s.labelMap]!;
      expect([m.rows, m.columns, m.images], key).toEqual([s.rows, s.columns, s.imageCount]);
    }
    // The arrow tips land on lesion labels.
    for (const key of ['t1-pre', 'ct-thoracic'] as const) {
      const labels = key === 'ct-thoracic' ? ctLabels : mrLabels;
      const s = truth.series[key]!;
      s.lesions.forEach((l, k) => {
        const lab = labels[l.arrow.imageIndex]![l.arrow.tip[1] * s.columns + l.arrow.tip[0]]! & ~MIXED;
        expect(truth.labelTable[lab], l.id).toBe(`lesion_${k}`);
      });
    }
  });

  it('orders T1 before contrast: fat > marrow > disc >= muscle ~ lesion > CSF > cortex, ligaments, flow voids', () => {
    let compared = 0;
    pre.forEach((img, i) => {
      const m = (names: readonly string[], erode = true): number | undefined => tissueMedian(img, mrLabels[i]!, MR_COLS, names, erode);
      const fat = m(['fat', 'epidural_fat']);
      const marrow = m(['marrow']);
      const disc = m(['disc', 'nucleus']);
      const muscle = m(['muscle']);
      const lesion = m(['lesion_0', 'lesion_1', 'lesion_2'], false);
      const csf = m(['csf']);
      const dark = [m(['cortex'], false), m(['ligament'], false), m(['artery', 'ivc'])].filter((v): v is number => v !== undefined);
      const at = `image ${i}`;
      if (fat !== undefined && marrow !== undefined) expect(fat, at).toBeGreaterThan(marrow);
      if (marrow !== undefined && disc !== undefined) expect(marrow, at).toBeGreaterThan(disc);
      if (disc !== undefined && muscle !== undefined) expect(disc, at).toBeGreaterThanOrEqual(muscle);
      if (lesion !== undefined && muscle !== undefined) {
        expect(lesion / muscle, at).toBeGreaterThan(0.8);
        expect(lesion / muscle, at).toBeLessThan(1.25);
      }
      if (csf !== undefined) {
        if (muscle !== undefined) expect(muscle, at).toBeGreaterThan(csf);
        if (lesion !== undefined) expect(lesion, at).toBeGreaterThan(csf);
        for (const d of dark) expect(d, at).toBeLessThan(csf);
        compared++;
      }
    });
    expect(compared).toBeGreaterThanOrEqual(3);
  });

  it('enhances lesions by 5-25% after gadolinium, vessels much more, CSF not at all', () => {
    const ratio = (names: readonly string[], erode: boolean): number => {
      const at: number[][] = mrLabels.map((l) => interior(l, MR_COLS, names.map(id), erode));
      const all = (imgs: Float64Array[]): number => {
        const v = imgs.flatMap((img, i) => at[i]!.map((p) => img[p]!)).sort((a, b) => a - b);
        return v[v.length >> 1]!;
      };
      return all(post) / all(pre);
    };
    const lesion = ratio(['lesion_0', 'lesion_1', 'lesion_2'], false);
    expect(lesion).toBeGreaterThan(1.05);
    expect(lesion).toBeLessThan(1.25);
    expect(ratio(['vein'], false)).toBeGreaterThan(1.6);
    const csf = ratio(['csf'], true);
    expect(csf).toBeGreaterThan(0.97);
    expect(csf).toBeLessThan(1.03);
    const root = ratio(['root'], false);
    expect(root).toBeLessThan(1.05);
  });

  it('gives each CT tissue its median HU', () => {
    const ranges: [names: string[], lo: number, hi: number, erode: boolean][] = [
      [['fat'], -120, -80, true],
      [['muscle'], 35, 65, true],
      [['blood'], 30, 50, true],
      [['marrow'], 150, 300, true],
      [['cortex'], 1000, 3000, false],
      [['lung'], -900, -800, true],
      [['lesion_0'], 40, 60, false],
    ];
    for (const [names, lo, hi, erode] of ranges) {
      const at = ctLabels.map((l) => interior(l, CT_COLS, names.map(id), erode));
      const v = ct.flatMap((img, i) => at[i]!.map((p) => img[p]!)).sort((a, b) => a - b);
      expect(v.length, names[0]).toBeGreaterThan(MIN_PIXELS);
      const med = v[v.length >> 1]!;
      expect(med, names[0]).toBeGreaterThanOrEqual(lo);
      expect(med, names[0]).toBeLessThanOrEqual(hi);
    }
  });

  it('has CT noise of 10-15 HU in soft tissue, correlated between neighbours', () => {
    const at = ctLabels.map((l) => interior(l, CT_COLS, [id('muscle'), id('blood')], true));
    const mean = (img: Float64Array, ps: readonly number[]): number => ps.reduce((a, p) => a + img[p]!, 0) / ps.length;
    const sd = Math.sqrt(
      ct.reduce((acc, img, i) => {
        const ps = at[i]!;
        if (ps.length < 100) return acc;
        const mu = mean(img, ps);
        return acc + ps.reduce((a, p) => a + (img[p]! - mu) ** 2, 0) / ps.length;
      }, 0) / ct.filter((_, i) => at[i]!.length >= 100).length,
    );
    expect(sd).toBeGreaterThan(10);
    expect(sd).toBeLessThan(16);
    // Neighbouring pixels' noise is correlated (white noise would give ~0).
    let num = 0;
    let den = 0;
    ct.forEach((img, i) => {
      const ps = at[i]!;
      if (ps.length < 100) return;
      const mu = mean(img, ps);
      for (const p of ps) {
        num += (img[p]! - mu) * (img[p + 1]! - mu);
        den += (img[p]! - mu) ** 2;
      }
    });
    expect(Math.abs(num / den)).toBeGreaterThan(0.1);
  });

  it('has Rayleigh background on MR (mean/SD about 1.91)', () => {
    for (const [key, series] of [['t1-pre', pre], ['t1-post', post]] as const) {
      series.forEach((img, i) => {
        const lab = mrLabels[i]!;
        const air = id('air');
        // Air far (12 px along the phase direction, 3 px along the frequency direction) from any tissue.
        const far: number[] = [];
        for (let r = 3; r < lab.length / MR_COLS - 3; r++)
          for (let c = 12; c < MR_COLS - 12; c++) {
            let ok = true;
            for (let dr = -3; dr <= 3 && ok; dr++) for (let dc = -12; dc <= 12 && ok; dc += 2) if (lab[(r + dr) * MR_COLS + c + dc] !== air) ok = false;
            if (ok) far.push(r * MR_COLS + c);
          }
        if (far.length < 500) return;
        const mu = far.reduce((a, p) => a + img[p]!, 0) / far.length;
        const sd = Math.sqrt(far.reduce((a, p) => a + (img[p]! - mu) ** 2, 0) / far.length);
        expect(mu / sd, `${key} image ${i}`).toBeGreaterThan(1.7);
        expect(mu / sd, `${key} image ${i}`).toBeLessThan(2.1);
      });
    }
  });

  it('shows partial volume: most boundary pixels lie between the two tissues, not at either', () => {
    const check = (images: Float64Array[], labels: Uint8Array[], cols: number, a: string, b: string, noise: number): void => {
      const ia = id(a);
      const ib = id(b);
      let between = 0;
      let total = 0;
      images.forEach((img, i) => {
        const lab = labels[i]!;
        const va = tissueMedian(img, lab, cols, [a]);
        const vb = tissueMedian(img, lab, cols, [b]);
        if (va === undefined || vb === undefined) return;
        const lo = Math.min(va, vb) + 2 * noise;
        const hi = Math.max(va, vb) - 2 * noise;
        for (let p = cols; p < lab.length - cols; p++) {
          const l = lab[p]!;
          if (!(l & MIXED)) continue;
          const dom = l & ~MIXED;
          if (dom !== ia && dom !== ib) continue;
          // A boundary between exactly these two tissues: the other one is a 4-neighbour's dominant tissue.
          const other = dom === ia ? ib : ia;
          const nb = [lab[p - 1]!, lab[p + 1]!, lab[p - cols]!, lab[p + cols]!].map((x) => x & ~MIXED);
          if (!nb.includes(other) || nb.some((x) => x !== ia && x !== ib)) continue;
          total++;
          if (img[p]! > lo && img[p]! < hi) between++;
        }
      });
      expect(total, `${a}/${b}`).toBeGreaterThan(200);
      expect(between / total, `${a}/${b}`).toBeGreaterThan(0.5);
    };
    check(ct, ctLabels, CT_COLS, 'fat', 'muscle', 12);
    check(pre, mrLabels, MR_COLS, 'fat', 'muscle', 19);
  });
});

describe('phantom anatomy, second pass (issue 21): shapes a radiologist reads', () => {
  const mid = (truth.series['t1-pre']!.imageCount - 1) / 2;
  const pure = (labels: Uint8Array, i: number): number => labels[i]! & ~MIXED;

  it('wraps the vertebral bodies in a thin shell: on T1 the cortex is a line about a pixel wide, not a border', () => {
    // Pixels whose main tissue is cortex, per pixel of marrow, on the midline image: a 1 mm shell
    // around a 30 mm body, with the neighbouring endplates in the box, gives about 0.23 (the first pass's 1.4 mm shell gave 0.33).
    const labels = mrLabels[mid]!;
    let cortex = 0;
    let marrow = 0;
    const { levels } = truth.series['t1-pre']!;
    for (const name of ['L1', 'L2', 'L3', 'L4']) {
      const [c0, r0] = levels[name]!.bodyCentre;
      for (let r = r0 - 16; r <= r0 + 16; r++) {
        for (let c = c0 - 22; c <= c0 + 22; c++) {
          const t = pure(labels, r * MR_COLS + c);
          if (t === id('cortex')) cortex++;
          else if (t === id('marrow')) marrow++;
        }
      }
    }
    expect(marrow).toBeGreaterThan(2000);
    expect(cortex / marrow).toBeLessThan(0.28);
  });

  it('draws an anterior longitudinal ligament in front of each lumbar body', () => {
    const labels = mrLabels[mid]!;
    const { levels } = truth.series['t1-pre']!;
    for (const name of ['L1', 'L2', 'L3', 'L4', 'L5']) {
      const [c0, r0] = levels[name]!.bodyCentre;
      // Walk forward (to lower columns) out of the bone, then look for the ligament within ~6 mm.
      let found = false;
      for (const r of [r0 - 8, r0 + 8]) {
        let c = c0;
        // The body's bone includes its fatty foci and condensed trabeculae (third pass).
        while (c > 0 && [id('marrow'), id('marrow_fat'), id('trabecula'), id('cortex'), id('vein')].includes(pure(labels, r * MR_COLS + c))) c--;
        for (let k = 0; k < 7 && !found; k++) found = pure(labels, r * MR_COLS + c - k) === id('ligament');
      }
      expect(found, name).toBe(true);
    }
  });

  it('gives the CT posterior elements a dense rim around cancellous marrow', () => {
    const marrowAt = ctLabels.map((l) => interior(l, CT_COLS, [id('arch_marrow')], true));
    const v = ct.flatMap((img, i) => marrowAt[i]!.map((p) => img[p]!)).sort((a, b) => a - b);
    expect(v.length).toBeGreaterThan(200);
    const med = v[v.length >> 1]!;
    expect(med).toBeGreaterThanOrEqual(150);
    expect(med).toBeLessThanOrEqual(350);
    // The rim: the brightest pixel within 2 px outward of each arch marrow pixel at its edge.
    const rim: number[] = [];
    ctLabels.forEach((l, i) => {
      for (let p = 2 * CT_COLS; p < l.length - 2 * CT_COLS; p++) {
        if (pure(l, p) !== id('arch_marrow')) continue;
        for (const step of [1, -1, CT_COLS, -CT_COLS]) {
          if (pure(l, p + step) === id('arch_marrow')) continue;
          rim.push(Math.max(ct[i]![p + step]!, ct[i]![p + 2 * step]!));
        }
      }
    });
    rim.sort((a, b) => a - b);
    expect(rim[rim.length >> 1]!).toBeGreaterThan(700);
  });

  it('shows the L2 lesion at 1x: a lens of intermediate T1 against bright epidural fat and dark CSF, lifting the sac', () => {
    const l2 = truth.series['t1-pre']!.lesions.find((l) => l.id === 'l2-anterior')!;
    const i = l2.arrow.imageIndex;
    const labels = mrLabels[i]!;
    const img = pre[i]!;
    const lesion = tissueMedian(img, labels, MR_COLS, ['lesion_0'], false)!;
    const fat = tissueMedian(img, labels, MR_COLS, ['epidural_fat', 'fat'])!;
    const csf = tissueMedian(img, labels, MR_COLS, ['csf'])!;
    expect(lesion / csf).toBeGreaterThan(1.5);
    expect(lesion / fat).toBeLessThan(0.75);
    // Along the arrow tip's row the lesion is at least 4.5 mm deep (5 pixels), the sac lies right behind it.
    const [tc, tr] = l2.arrow.tip;
    let c0 = tc;
    while (pure(labels, tr * MR_COLS + c0 - 1) === id('lesion_0')) c0--;
    let c1 = tc;
    while (pure(labels, tr * MR_COLS + c1 + 1) === id('lesion_0')) c1++;
    expect((c1 - c0 + 1) * truth.series['t1-pre']!.pixelSpacing[0]).toBeGreaterThanOrEqual(4.5);
    const behind = [1, 2, 3].map((k) => pure(labels, tr * MR_COLS + c1 + k));
    expect(behind).toContain(id('csf'));
    // Over the height of the body: the lesion spans most of the L2 body's rows on that image.
    const box = l2.slices.find((s) => s.imageIndex === i)!.bbox;
    expect((box[3] - box[1]) * truth.series['t1-pre']!.pixelSpacing[1]).toBeGreaterThanOrEqual(22);
  });
});
