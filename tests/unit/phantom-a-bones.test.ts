/**
 * The phantom's spine bones, third pass (issue 21, part A), measured from the committed label maps
 * and images: bodies of their own shape level to level, a thin shell with thicker endplates,
 * cancellous bone with fatty foci and vertical trabeculae, a basivertebral vein that forks, and
 * neural foramina shaped like keyholes with the root in fat.
 */
import { describe, expect, it } from 'vitest';
import { labelId, readPhantomImage, seriesFiles, truth } from './phantom-case';
import { decodeLabels } from '../../scripts/phantom/truth';


const readImage = (key: string, index: number): Float64Array => readPhantomImage(seriesFiles(key)[index]!).values;

/** Label ids by name; a name the table lacks matches no pixel (so older maps fail the checks, not the lookup). */
const id = labelId;
const pure = (labels: Uint8Array, i: number): number => labels[i]! & ~truth.mixedBit;
const mr = truth.series['t1-pre']!;
const ct = truth.series['ct-thoracic']!;
const mrLabels = decodeLabels(truth.labelMaps[mr.labelMap]!);
const ctLabels = decodeLabels(truth.labelMaps[ct.labelMap]!);
const mid = (mr.imageCount - 1) / 2;
const BODY = new Set(['cortex', 'marrow', 'marrow_fat', 'trabecula', 'vein'].map(id));

/**
 * Anterior, middle and posterior heights of a body on the midline MR image (px), measured along its
 * own axis (from the centre of the body above to the one below), and its depth across that axis.
 */
function bodyHeights(name: string, above: string, below: string): { ant: number; mid: number; post: number; depth: number } {
  const labels = mrLabels[mid]!;
  const cols = mr.columns;
  const [c0, r0] = mr.levels[name]!.bodyCentre;
  const [ca, ra] = mr.levels[above]!.bodyCentre;
  const [cb, rb] = mr.levels[below]!.bodyCentre;
  const len = Math.hypot(cb - ca, rb - ra);
  const ax = [(cb - ca) / len, (rb - ra) / len] as const; // caudal along the body
  const nx = [ax[1], -ax[0]] as const; // posterior (columns grow posteriorly)
  const isBone = (c: number, r: number): boolean => BODY.has(pure(labels, Math.round(r) * cols + Math.round(c)));
  const run = (dir: readonly [number, number], off: readonly [number, number]): number => {
    let lo = 0;
    while (lo > -60 && isBone(c0 + off[0] + (lo - 0.25) * dir[0], r0 + off[1] + (lo - 0.25) * dir[1])) lo -= 0.25;
    let hi = 0;
    while (hi < 60 && isBone(c0 + off[0] + (hi + 0.25) * dir[0], r0 + off[1] + (hi + 0.25) * dir[1])) hi += 0.25;
    return hi - lo;
  };
  const depth = run(nx, [0, 0]);
  const q = 0.38 * depth; // about 3 mm inside each wall, on the endplates' flat rim
  return {
    ant: run(ax, [-q * nx[0], -q * nx[1]]),
    mid: run(ax, [0, 0]),
    post: run(ax, [q * nx[0], q * nx[1]]),
    depth,
  };
}

describe('phantom spine bones, third pass (issue 21, part A)', () => {
  const lumbar = ['T12', 'L1', 'L2', 'L3', 'L4', 'L5'];
  const order = ['T12', 'L1', 'L2', 'L3', 'L4', 'L5', 'S1'];
  const h = Object.fromEntries(lumbar.map((n) => [n, bodyHeights(n, order[Math.max(0, order.indexOf(n) - 1)]!, order[order.indexOf(n) + 1]!)] as const));

  it('gives each body its own shape: L5 taller in front, endplate concavity varying, deepest at L1-L3', () => {
    expect(h.L5!.ant / h.L5!.post).toBeGreaterThan(1.06);
    // Concavity: how much shorter the middle of the body is than its walls' mean.
    const cav = lumbar.map((n) => (h[n]!.ant + h[n]!.post) / 2 - h[n]!.mid);
    for (const c of cav) expect(c).toBeGreaterThan(0);
    expect(Math.max(...cav) - Math.min(...cav)).toBeGreaterThanOrEqual(1.5);
    // Deepest in the upper lumbar bodies (L1-L3), flatter at L4-L5.
    const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
    expect(mean(cav.slice(1, 4)) - mean(cav.slice(4))).toBeGreaterThan(1);
    // No two neighbouring levels share one outline.
    for (let i = 1; i < lumbar.length; i++) {
      const a = h[lumbar[i - 1]!]!;
      const b = h[lumbar[i]!]!;
      expect([a.ant - a.post, a.mid - a.post], lumbar[i]).not.toEqual([b.ant - b.post, b.mid - b.post]);
    }
  });

  it('makes the endplates denser than the thin walls on CT (about 1.1 mm against 0.55 mm of cortex)', () => {
    const img = readImage('ct-thoracic', (ct.imageCount - 1) / 2);
    const labels = ctLabels[(ct.imageCount - 1) / 2]!;
    const cols = ct.columns;
    const endplate: number[] = [];
    const wall: number[] = [];
    for (const [, { bodyCentre }] of Object.entries(ct.levels)) {
      const [c0, r0] = bodyCentre;
      if (r0 < 20 || r0 > ct.rows - 40) continue;
      // Through the superior endplate: the brightest pixel on the column at the body's centre.
      let r = r0;
      while (r > 0 && BODY.has(pure(labels, (r - 1) * cols + c0))) r--;
      endplate.push(Math.max(img[r * cols + c0]!, img[(r + 1) * cols + c0]!));
      // Through the anterior wall at mid-height.
      let c = c0;
      while (c > 0 && BODY.has(pure(labels, r0 * cols + c - 1))) c--;
      wall.push(Math.max(img[r0 * cols + c]!, img[r0 * cols + c + 1]!));
    }
    const med = (v: number[]): number => [...v].sort((a, b) => a - b)[v.length >> 1]!;
    expect(endplate.length).toBeGreaterThanOrEqual(8);
    expect(med(endplate) - med(wall)).toBeGreaterThan(150);
  });

  it('fills the bodies with cancellous bone: fatty foci and trabeculae that run vertically', () => {
    const labels = mrLabels[mid]!;
    const cols = mr.columns;
    const counts = new Map<number, number>();
    let vertical = 0;
    let horizontal = 0;
    for (const n of lumbar) {
      const [c0, r0] = mr.levels[n]!.bodyCentre;
      for (let r = r0 - 10; r <= r0 + 10; r++)
        for (let c = c0 - 12; c <= c0 + 12; c++) {
          const t = pure(labels, r * cols + c);
          counts.set(t, (counts.get(t) ?? 0) + 1);
        }
    }
    const all = [...counts.values()].reduce((a, b) => a + b);
    expect((counts.get(id('marrow_fat')) ?? 0) / all).toBeGreaterThan(0.03);
    // Trabeculae on the thin-slice CT, in the middle of each body (away from the endplates'
    // condensed bands): their runs are longer down the columns than across the rows.
    const tr = id('trabecula');
    ctLabels.forEach((l) => {
      for (const { bodyCentre } of Object.values(ct.levels)) {
        const [c0, r0] = bodyCentre;
        if (r0 < 10 || r0 > ct.rows - 10) continue;
        for (let r = r0 - 6; r <= r0 + 6; r++)
          for (let c = c0 - 9; c <= c0 + 9; c++) {
            const i = r * ct.columns + c;
            if (pure(l, i) !== tr) continue;
            if (pure(l, i + ct.columns) === tr) vertical++;
            if (pure(l, i + 1) === tr) horizontal++;
          }
      }
    });
    expect(vertical).toBeGreaterThan(200);
    expect(vertical / Math.max(1, horizontal)).toBeGreaterThan(1.3);
  });

  it('forks the basivertebral vein inside the body: wider at its anterior end than at the notch, enhancing after gadolinium', () => {
    const labels = mrLabels[mid]!;
    const cols = mr.columns;
    const post = readImage('t1-post', mid);
    const pre = readImage('t1-pre', mid);
    const vein = id('vein');
    let forks = 0;
    const ratios: number[] = [];
    for (const n of ['L1', 'L2', 'L3', 'L4']) {
      const { depth } = h[n]!;
      const [c0, r0] = mr.levels[n]!.bodyCentre;
      const cPost = c0 + Math.floor(depth / 2);
      // Rows holding vein pixels in the posterior quarter of the body (the channel) and further forward (the fork).
      const rowsAt = (from: number, to: number): number[] => {
        const rows: number[] = [];
        for (let r = r0 - 14; r <= r0 + 14; r++)
          for (let c = from; c <= to; c++)
            if (pure(labels, r * cols + c) === vein) {
              rows.push(r);
              break;
            }
        return rows;
      };
      const channel = rowsAt(cPost - 3, cPost);
      const fork = rowsAt(cPost - 9, cPost - 5);
      const span = (rows: number[]): number => (rows.length ? Math.max(...rows) - Math.min(...rows) + 1 : 0);
      if (channel.length && span(fork) >= span(channel) + 3) forks++;
      for (let r = r0 - 14; r <= r0 + 14; r++)
        for (let c = cPost - 12; c <= cPost; c++) if (pure(labels, r * cols + c) === vein) ratios.push(post[r * cols + c]! / pre[r * cols + c]!);
    }
    expect(forks).toBeGreaterThanOrEqual(3);
    ratios.sort((a, b) => a - b);
    expect(ratios[ratios.length >> 1]!).toBeGreaterThan(1.3);
  });

  it('shows neural foramina on a parasagittal slice as keyholes: fat around the root, wide under the pedicle, narrow below', () => {
    const cols = mr.columns;
    const fat = id('epidural_fat');
    const root = id('root');
    let keyholes = 0;
    for (const index of [3, 11]) {
      const labels = mrLabels[index]!;
      const seen = new Uint8Array(labels.length);
      for (let i = 0; i < labels.length; i++) {
        if (seen[i] || pure(labels, i) !== root) continue;
        // The foramen: fat and root pixels connected to this root.
        const stack = [i];
        const px: number[] = [];
        seen[i] = 1;
        while (stack.length) {
          const p = stack.pop()!;
          px.push(p);
          for (const q of [p - 1, p + 1, p - cols, p + cols]) {
            if (q < 0 || q >= labels.length || seen[q]) continue;
            const t = pure(labels, q);
            if (t !== fat && t !== root) continue;
            seen[q] = 1;
            stack.push(q);
          }
        }
        if (px.length < 30 || px.length > 400) continue;
        const rows = px.map((p) => Math.floor(p / cols));
        const top = Math.min(...rows);
        const bottom = Math.max(...rows);
        if (bottom - top < 8) continue;
        const width = (r0: number, r1: number): number => {
          let w = 0;
          for (let r = r0; r <= r1; r++) w = Math.max(w, px.filter((p) => Math.floor(p / cols) === r).length);
          return w;
        };
        const third = Math.floor((bottom - top) / 3);
        const rootRows = px.filter((p) => pure(labels, p) === root).map((p) => Math.floor(p / cols));
        const rootMid = rootRows.reduce((a, b) => a + b) / rootRows.length;
        if (width(top, top + third) >= 1.5 * width(bottom - third, bottom) && rootMid < top + 0.55 * (bottom - top)) keyholes++;
      }
    }
    expect(keyholes).toBeGreaterThanOrEqual(6);
  });

  it('puts a rib head at the costovertebral joints of the lateral CT slices: its own oval of bone at disc level, apart from the bodies', () => {
    const bone = new Set(['cortex', 'arch_marrow', 'marrow_fat', 'trabecula', 'marrow'].map(id));
    const names = Object.keys(ct.levels).filter((n) => n.startsWith('T'));
    let heads = 0;
    for (const index of [0, ct.imageCount - 1]) {
      const labels = ctLabels[index]!;
      const cols = ct.columns;
      const comp = new Int32Array(labels.length).fill(-1);
      const sizes: number[] = [];
      const centres: [number, number][] = [];
      for (let i = 0; i < labels.length; i++) {
        if (comp[i] !== -1 || !bone.has(pure(labels, i))) continue;
        const k = sizes.length;
        const stack = [i];
        comp[i] = k;
        let n = 0;
        let sc = 0;
        let sr = 0;
        while (stack.length) {
          const p = stack.pop()!;
          n++;
          sc += p % cols;
          sr += Math.floor(p / cols);
          for (const q of [p - 1, p + 1, p - cols, p + cols]) {
            if (q < 0 || q >= labels.length || comp[q] !== -1 || !bone.has(pure(labels, q))) continue;
            comp[q] = k;
            stack.push(q);
          }
        }
        sizes.push(n);
        centres.push([sc / n, sr / n]);
      }
      // Small separate pieces of bone near a disc's posterior corner (between two body centres, behind them).
      for (let i = 1; i < names.length; i++) {
        const [ca, ra] = ct.levels[names[i - 1]!]!.bodyCentre;
        const [cb, rb] = ct.levels[names[i]!]!.bodyCentre;
        const mc = (ca + cb) / 2;
        const mr0 = (ra + rb) / 2;
        const found = centres.some(([c, r], k) => sizes[k]! >= 12 && sizes[k]! <= 200 && Math.abs(r - mr0) < 6 && c > mc && c < mc + 22);
        if (found) heads++;
      }
    }
    expect(heads).toBeGreaterThanOrEqual(8);
  });
});
