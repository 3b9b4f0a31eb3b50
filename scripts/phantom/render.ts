/**
 * The seam between anatomy and physics. Each voxel of each sagittal slice is supersampled (sub x sub
 * points in plane, a few across the slice thickness), each sample is classified into a tissue by the
 * anatomical model, and each output channel accumulates that tissue's value (from a physics table:
 * spin-echo signal, HU) plus its texture, weighted by the sample's share of the voxel: the tissue
 * fractions of the voxel turn into partial volume. The dominant tissue of each voxel is kept as a label.
 */
import type { PlanePoint } from './canal';
import { TISSUE_COUNT } from './tissues';
import { VoxelSum, type ChannelTable, type RenderedSlice } from './voxel-sum';

export interface PhantomModel {
  plane(y: number, z: number): PlanePoint;
  classify(x: number, p: PlanePoint): number;
  /**
   * How finely to sample across the slice thickness here: an index into SliceGrid.slabs. Far from
   * the spine one sample at the slice centre stands for the slab; thin midline structures (filum,
   * roots) need the densest set. This is most of the renderer's speed.
   */
  slabLevel(p: PlanePoint): number;
}

/** Image grid of a sagittal series (orientation [0,1,0, 0,0,-1]: columns go posterior, rows go down). */
export interface SliceGrid {
  rows: number;
  columns: number;
  spacing: number; // square pixels (mm)
  y0: number; // patient y of column 0
  z0: number; // patient z of row 0
  xs: readonly number[]; // slice centres (patient x), in file order
  slabs: readonly (readonly number[])[]; // sample offsets across the slice thickness, coarse to fine
  sub: number; // in-plane supersampling: sub x sub sample points per pixel
}

export { MIXED, type ChannelTable, type RenderedSlice } from './voxel-sum';

export function channelTable(base: Readonly<Record<number, number>>, relAmp: Readonly<Record<number, number>>, absolute: boolean): ChannelTable {
  const b = new Float32Array(TISSUE_COUNT);
  const a = new Float32Array(TISSUE_COUNT);
  for (let t = 0; t < TISSUE_COUNT; t++) {
    b[t] = base[t] ?? 0;
    const r = relAmp[t] ?? 0;
    a[t] = absolute ? r : r * b[t]!;
  }
  return { base: b, amp: a };
}

/**
 * Plane facts at every pixel centre (sub = 1) or at sub x sub points inside each pixel, row-major on
 * the fine grid (rows * sub by columns * sub).
 */
export function buildPlane(model: PhantomModel, g: SliceGrid, sub = 1): PlanePoint[] {
  const R = g.rows * sub;
  const C = g.columns * sub;
  const step = g.spacing / sub;
  const off = (0.5 / sub - 0.5) * g.spacing; // first sub-sample's offset from the pixel centre
  const out: PlanePoint[] = new Array(R * C);
  for (let r = 0; r < R; r++) {
    const z = g.z0 - off - r * step;
    for (let c = 0; c < C; c++) out[r * C + c] = model.plane(g.y0 + off + c * step, z);
  }
  return out;
}

/** `fine` is buildPlane(model, g, g.sub). */
export function renderSlice(model: PhantomModel, fine: readonly PlanePoint[], g: SliceGrid, slice: number, tables: readonly ChannelTable[], seed: number): RenderedSlice {
  const n = g.rows * g.columns;
  const sub = g.sub;
  const fineCols = g.columns * sub;
  const xc = g.xs[slice]!;
  const sum = new VoxelSum(n, tables, seed);
  for (let i = 0; i < n; i++) {
    const c0 = i % g.columns;
    const r0 = (i - c0) / g.columns;
    sum.begin();
    for (let a = 0; a < sub; a++) {
      for (let b = 0; b < sub; b++) {
        const p = fine[(r0 * sub + a) * fineCols + c0 * sub + b]!;
        sum.point(); // texture is evaluated once per sample point and kind, at the slice centre
        const offsets = g.slabs[model.slabLevel(p)]!;
        const m = offsets.length;
        const w = 1 / (m * sub * sub); // this sample's share of the voxel
        for (let k = 0; k < m; k++) sum.add(model.classify(xc + offsets[k]!, p), w, xc, p);
      }
    }
    sum.end(i);
  }
  return sum.out;
}

/** Separable 3-tap blur [a, 1-2a, a]: a point-spread function so edges are not pixel-sharp. */
export function blur3(img: Float32Array, cols: number, rows: number, a: number): void {
  const tmp = new Float32Array(img.length);
  const m = 1 - 2 * a;
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    for (let c = 0; c < cols; c++) {
      const l = img[o + Math.max(0, c - 1)]!;
      const rr = img[o + Math.min(cols - 1, c + 1)]!;
      tmp[o + c] = a * (l + rr) + m * img[o + c]!;
    }
  }
  for (let r = 0; r < rows; r++) {
    const up = Math.max(0, r - 1) * cols;
    const dn = Math.min(rows - 1, r + 1) * cols;
    const o = r * cols;
    for (let c = 0; c < cols; c++) img[o + c] = a * (tmp[up + c]! + tmp[dn + c]!) + m * tmp[o + c]!;
  }
}

/** Extra blur blended in by a per-pixel weight (0 = untouched, 1 = fully blurred). */
export function blurWhere(img: Float32Array, cols: number, rows: number, weight: Float32Array): void {
  const b = img.slice();
  blur3(b, cols, rows, 0.3);
  blur3(b, cols, rows, 0.3);
  for (let i = 0; i < img.length; i++) {
    const w = weight[i]!;
    if (w > 0) img[i] = img[i]! * (1 - w) + b[i]! * w;
  }
}
