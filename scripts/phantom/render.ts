/**
 * The seam between anatomy and physics. Each voxel of each sagittal slice is supersampled (sub x sub
 * points in plane, a few across the slice thickness), each sample is classified into a tissue by the
 * anatomical model, and each output channel accumulates that tissue's value (from a physics table:
 * spin-echo signal, HU) plus its texture, weighted by the sample's share of the voxel: the tissue
 * fractions of the voxel turn into partial volume. The dominant tissue of each voxel is kept as a label.
 */
import { hashString } from './rng';
import type { PlanePoint } from './canal';
import { noise3 } from './texture';
import { MAX_LESIONS, TISSUE_COUNT, TISSUE_TEXTURE, TextureKind, lesionTissue as lesionTissueIndex } from './tissues';

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

/** Per-tissue value and texture amplitude of one output channel. */
export interface ChannelTable {
  base: Float32Array;
  amp: Float32Array;
}

/** Label byte: the voxel's dominant tissue, plus this bit when other tissues share the voxel. */
export const MIXED = 128;

export interface RenderedSlice {
  channels: Float32Array[];
  label: Uint8Array; // dominant tissue, | MIXED when not every sample of the voxel agrees
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

const TEXTURE_SCALE: Readonly<Record<number, number>> = {
  [TextureKind.MARROW]: 2.6,
  [TextureKind.SOFT]: 6,
  [TextureKind.FAT]: 7,
  [TextureKind.LUNG]: 2.2,
  [TextureKind.LESION]: 3.5,
  [TextureKind.FIBRE]: 1.4,
};

/** Texture kinds are small integers; room for every kind the tissue table may name. */
const TEXTURE_SLOTS = 10;

/** Muscle texture is stretched along the spine (s) this many times: fascicles, not grain. */
const FIBRE_STRETCH = 1 / 7;

/** `fine` is buildPlane(model, g, g.sub). */
export function renderSlice(model: PhantomModel, fine: readonly PlanePoint[], g: SliceGrid, slice: number, tables: readonly ChannelTable[], seed: number): RenderedSlice {
  const n = g.rows * g.columns;
  const nc = tables.length;
  const sub = g.sub;
  const fineCols = g.columns * sub;
  const channels = tables.map(() => new Float32Array(n));
  const label = new Uint8Array(n);
  const lesion: Float32Array[] = [];
  for (let i = 0; i < MAX_LESIONS; i++) lesion.push(new Float32Array(n));
  const texSeeds = Array.from({ length: TEXTURE_SLOTS }, (_, k) => hashString(`${seed}/texture/${k}`));
  const xc = g.xs[slice]!;
  const kinds = new Uint8Array(TISSUE_COUNT);
  for (let t = 0; t < TISSUE_COUNT; t++) kinds[t] = TISSUE_TEXTURE[t] ?? TextureKind.NONE;
  const tex = new Float64Array(TEXTURE_SLOTS);
  const counts = new Float64Array(TISSUE_COUNT);
  const acc = new Float64Array(nc);
  for (let i = 0; i < n; i++) {
    const c0 = i % g.columns;
    const r0 = (i - c0) / g.columns;
    counts.fill(0);
    acc.fill(0);
    let kindsSeen = 0;
    for (let a = 0; a < sub; a++) {
      for (let b = 0; b < sub; b++) {
        const p = fine[(r0 * sub + a) * fineCols + c0 * sub + b]!;
        tex.fill(NaN); // texture is evaluated once per sample point and kind, at the slice centre
        const offsets = g.slabs[model.slabLevel(p)]!;
        const m = offsets.length;
        const w = 1 / (m * sub * sub); // this sample's share of the voxel
        for (let k = 0; k < m; k++) {
          const t = model.classify(xc + offsets[k]!, p);
          if (counts[t] === 0) kindsSeen++;
          counts[t] = counts[t]! + w;
          const kind = kinds[t]!;
          let nv = 0;
          if (kind !== TextureKind.NONE) {
            nv = tex[kind]!;
            if (Number.isNaN(nv)) {
              nv =
                kind === TextureKind.FIBRE
                  ? noise3(texSeeds[kind]!, xc, p.d, p.s * FIBRE_STRETCH, TEXTURE_SCALE[kind]!)
                  : noise3(texSeeds[kind]!, xc, p.y, p.z, TEXTURE_SCALE[kind] ?? 5);
              tex[kind] = nv;
            }
          }
          for (let ch = 0; ch < nc; ch++) {
            const tb = tables[ch]!;
            acc[ch] = acc[ch]! + w * (tb.base[t]! + tb.amp[t]! * nv);
          }
        }
      }
    }
    for (let ch = 0; ch < nc; ch++) channels[ch]![i] = acc[ch]!;
    let best = 0;
    for (let t = 1; t < TISSUE_COUNT; t++) if (counts[t]! > counts[best]!) best = t;
    label[i] = kindsSeen === 1 ? best : best | MIXED;
    for (let li = 0; li < MAX_LESIONS; li++) {
      const f = counts[lesionTissueIndex(li)]!;
      if (f > 0) lesion[li]![i] = f;
    }
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
