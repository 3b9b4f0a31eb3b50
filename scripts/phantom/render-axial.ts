/**
 * The same seam as render.ts for axial slices: each pixel of a transverse slice at height z is
 * supersampled (sub x sub points in the x-y plane, a few across the slice thickness in z), each sample
 * is classified by the same anatomical model (plane(y, z) then classify(x, p)), and tissue values are
 * summed from the same channel tables. Anatomy changes therefore show in the axial images unchanged.
 *
 * The slice is rendered transposed, as `rows` along patient x and `columns` along patient y, so that
 * the image rows run anterior-posterior like the sagittal series' rows: the MR finishing code (phase
 * encoding along the rows, frequency from row to row) then gives an axial acquisition's directions,
 * phase A-P and frequency L-R, without a second copy of it. `transpose` turns it into the stored image.
 */
import type { PlanePoint } from './canal';
import type { PhantomModel, SliceGrid } from './render';
import { VoxelSum, type ChannelTable, type RenderedSlice } from './voxel-sum';

/** An axial stack: orientation [1,0,0, 0,1,0] (columns go to the patient's left, rows go posterior). */
export interface AxialGrid {
  size: number; // square images, size x size
  spacing: number; // mm per pixel
  x0: number; // patient x of column 0
  y0: number; // patient y of row 0
  zs: readonly number[]; // slice centres (patient z), in file order (head to foot)
  slab: readonly number[]; // sample offsets across the slice thickness (mm, along z)
  sub: number;
}

/**
 * The transposed layout as a SliceGrid, so the sagittal helpers (finishing, breathing, truth) apply:
 * `rows` = x samples, `columns` = y samples, z0 is only a placeholder (the coil centre is passed apart).
 */
export function transposedGrid(g: AxialGrid): SliceGrid {
  return { rows: g.size, columns: g.size, spacing: g.spacing, y0: g.y0, z0: 0, xs: g.zs, slabs: [g.slab], sub: g.sub };
}

/** Plane facts along y at height z: one per y sample (sub per pixel), shared by every x. */
export function axialLine(model: PhantomModel, g: AxialGrid, z: number, sub: number): PlanePoint[] {
  const step = g.spacing / sub;
  const off = (0.5 / sub - 0.5) * g.spacing;
  return Array.from({ length: g.size * sub }, (_, c) => model.plane(g.y0 + off + c * step, z));
}

/**
 * One axial slice in the transposed layout (index = xRow * size + yColumn). Texture is evaluated at
 * the slice centre's z, as the sagittal renderer evaluates it at the slice centre's x.
 */
export function renderAxialSlice(model: PhantomModel, g: AxialGrid, slice: number, tables: readonly ChannelTable[], seed: number): RenderedSlice {
  const n = g.size * g.size;
  const sub = g.sub;
  const zc = g.zs[slice]!;
  const lines = g.slab.map((o) => axialLine(model, g, zc + o, sub));
  const centre = axialLine(model, g, zc, sub);
  const sum = new VoxelSum(n, tables, seed);
  const m = g.slab.length;
  const w = 1 / (m * sub * sub);
  const step = g.spacing / sub;
  const off = (0.5 / sub - 0.5) * g.spacing;
  for (let i = 0; i < n; i++) {
    const c0 = i % g.size; // y
    const r0 = (i - c0) / g.size; // x
    sum.begin();
    for (let a = 0; a < sub; a++) {
      const x = g.x0 + off + (r0 * sub + a) * step;
      for (let b = 0; b < sub; b++) {
        const yi = c0 * sub + b;
        sum.point();
        for (let k = 0; k < m; k++) sum.add(model.classify(x, lines[k]![yi]!), w, x, centre[yi]!);
      }
    }
    sum.end(i);
  }
  return sum.out;
}

/** Swaps rows and columns of a square image (the transposed layout to the stored one, or back). */
export function transpose<T extends Uint8Array | Uint16Array | Float32Array>(img: T, size: number): T {
  const out = img.slice() as T;
  for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) out[c * size + r] = img[r * size + c]!;
  return out;
}
