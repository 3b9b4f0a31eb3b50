/**
 * Turns an anatomical model into images: each pixel of each sagittal slice is sampled at a few
 * points across the slice thickness (partial volume), each sample is classified into a tissue, and
 * each output channel (T1 pre, T1 post, or HU) accumulates that tissue's value plus its texture.
 */
import { hashString } from './rng';
import type { PlanePoint } from './spine';
import { noise3 } from './texture';
import { MAX_LESIONS, TISSUE_COUNT, TISSUE_TEXTURE, TextureKind, lesionIndexOf } from './tissues';

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
}

/** Per-tissue value and texture amplitude of one output channel. */
export interface ChannelTable {
  base: Float32Array;
  amp: Float32Array;
}

export interface RenderedSlice {
  channels: Float32Array[];
  label: Uint8Array; // tissue when every sample of the pixel agrees, else 255
  lesion: Float32Array[]; // per lesion: fraction of the slice thickness inside it
}

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

export function buildPlane(model: PhantomModel, g: SliceGrid): PlanePoint[] {
  const out: PlanePoint[] = new Array(g.rows * g.columns);
  for (let r = 0; r < g.rows; r++) {
    const z = g.z0 - r * g.spacing;
    for (let c = 0; c < g.columns; c++) out[r * g.columns + c] = model.plane(g.y0 + c * g.spacing, z);
  }
  return out;
}

const TEXTURE_SCALE: Readonly<Record<number, number>> = {
  [TextureKind.MARROW]: 2.6,
  [TextureKind.SOFT]: 6,
  [TextureKind.FAT]: 7,
  [TextureKind.LUNG]: 2.2,
  [TextureKind.LESION]: 3.5,
};

export function renderSlice(model: PhantomModel, plane: readonly PlanePoint[], g: SliceGrid, slice: number, tables: readonly ChannelTable[], seed: number): RenderedSlice {
  const n = g.rows * g.columns;
  const nc = tables.length;
  const channels = tables.map(() => new Float32Array(n));
  const label = new Uint8Array(n);
  const lesion: Float32Array[] = [];
  for (let i = 0; i < MAX_LESIONS; i++) lesion.push(new Float32Array(n));
  const texSeeds = [0, 1, 2, 3, 4, 5].map((k) => hashString(`${seed}/texture/${k}`));
  const xc = g.xs[slice]!;
  const kinds = new Uint8Array(TISSUE_COUNT);
  for (let t = 0; t < TISSUE_COUNT; t++) kinds[t] = TISSUE_TEXTURE[t] ?? TextureKind.NONE;
  const tex = new Float64Array(8);
  for (let i = 0; i < n; i++) {
    const p = plane[i]!;
    let first = -1;
    let same = true;
    tex.fill(NaN); // texture is evaluated once per pixel and kind, at the slice centre
    const offsets = g.slabs[model.slabLevel(p)]!;
    const m = offsets.length;
    for (let k = 0; k < m; k++) {
      const x = xc + offsets[k]!;
      const t = model.classify(x, p);
      if (k === 0) first = t;
      else if (t !== first) same = false;
      const kind = kinds[t]!;
      let nv = 0;
      if (kind !== TextureKind.NONE) {
        nv = tex[kind]!;
        if (Number.isNaN(nv)) {
          nv = noise3(texSeeds[kind]!, xc, p.y, p.z, TEXTURE_SCALE[kind] ?? 5);
          tex[kind] = nv;
        }
      }
      for (let c = 0; c < nc; c++) {
        const tb = tables[c]!;
        channels[c]![i] = channels[c]![i]! + tb.base[t]! + tb.amp[t]! * nv;
      }
      const li = lesionIndexOf(t);
      if (li >= 0) lesion[li]![i] = lesion[li]![i]! + 1 / m;
    }
    for (let c = 0; c < nc; c++) channels[c]![i] = channels[c]![i]! / m;
    label[i] = same ? first : 255;
  }
  return { channels, label, lesion };
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
