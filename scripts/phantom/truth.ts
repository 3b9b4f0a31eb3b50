/**
 * Ground truth for teaching arrows and tests: where each lesion is on every image (bounding box,
 * centroid, pixel count), a suggested arrow well inside it, level labels, and sample points of
 * pure tissue. Everything is in image pixel space [column, row], 0-based.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import type { RenderedSlice, SliceGrid } from './render';
import type { SpineModel } from './spine';

export type Px = [number, number];

export interface LesionSliceTruth {
  imageIndex: number;
  bbox: [number, number, number, number];
  centroid: Px;
  pixelCount: number;
}

export interface LesionTruth {
  id: string;
  site: string;
  centrePatient: [number, number, number];
  /** [left-right, thickness across the canal (AP), length along the canal (SI)], mm */
  extentMm: [number, number, number];
  /** size of the axis-aligned patient-space box [x, y, z], mm (differs from extentMm where the canal is oblique) */
  boxPatientMm: [number, number, number];
  slices: LesionSliceTruth[];
  arrow: { imageIndex: number; tip: Px; tail: Px };
}

export interface SeriesTruth {
  modality: 'MR' | 'CT';
  seriesDescription: string;
  seriesInstanceUID: string;
  rows: number;
  columns: number;
  imageCount: number;
  pixelSpacing: [number, number];
  frameOfReferenceUID: string;
  windowCenter: number;
  windowWidth: number;
  levels: Record<string, { imageIndex: number; bodyCentre: Px }>;
  lesions: LesionTruth[];
  samples: Record<string, [number, number, number][]>;
  /** key of this series' label map in PhantomTruth.labelMaps (registered series share one) */
  labelMap: string;
  /** where a saturation band darkens every tissue (MR), so measurements of a tissue can leave it out */
  saturationBand?: SaturationBandTruth;
}

/** Pixel (column c, row r) is in the band, wholly or partly, when c * normal[0] + r * normal[1] + offset > -edge / 2. */
export interface SaturationBandTruth {
  normal: [number, number];
  offset: number;
  edge: number;
}

/**
 * One tissue label per pixel per image: the voxel's dominant tissue (an index into labelTable), plus
 * `mixedBit` when other tissues share the voxel (partial volume). Images are concatenated row-major
 * in manifest order, deflated (zlib) and base64-encoded.
 */
export interface LabelMapTruth {
  encoding: 'zlib-base64-uint8';
  rows: number;
  columns: number;
  images: number;
  data: string;
}

export interface PhantomTruth {
  seed: number;
  generator: string;
  note: string;
  studyInstanceUID: string;
  series: Record<string, SeriesTruth>;
  labelTable: readonly string[];
  mixedBit: number;
  labelMaps: Record<string, LabelMapTruth>;
}

export function encodeLabels(labels: readonly Uint8Array[], g: SliceGrid): LabelMapTruth {
  const all = new Uint8Array(labels.length * g.rows * g.columns);
  labels.forEach((l, i) => all.set(l, i * l.length));
  return { encoding: 'zlib-base64-uint8', rows: g.rows, columns: g.columns, images: labels.length, data: deflateSync(all, { level: 9 }).toString('base64') };
}

export function decodeLabels(m: LabelMapTruth): Uint8Array[] {
  const all = new Uint8Array(inflateSync(Buffer.from(m.data, 'base64')));
  const n = m.rows * m.columns;
  return Array.from({ length: m.images }, (_, i) => all.subarray(i * n, (i + 1) * n));
}

const r1 = (v: number): number => Math.round(v * 10) / 10;

export function toPixel(g: SliceGrid, y: number, z: number): Px {
  return [Math.round((y - g.y0) / g.spacing), Math.round((g.z0 - z) / g.spacing)];
}

export function levelTruth(spine: SpineModel, g: SliceGrid, names: readonly string[], mid: number): Record<string, { imageIndex: number; bodyCentre: Px }> {
  const out: Record<string, { imageIndex: number; bodyCentre: Px }> = {};
  for (const v of spine.vertebrae) {
    if (!names.includes(v.spec.name)) continue;
    const c = v.toPatient(0, -v.spec.depth / 2);
    const px = toPixel(g, c.y, c.z);
    if (px[1] < 0 || px[1] >= g.rows) continue;
    out[v.spec.name] = { imageIndex: mid, bodyCentre: px };
  }
  return out;
}

/** Chessboard distance to the nearest pixel outside the mask (two passes). */
function distanceInside(mask: Uint8Array, cols: number, rows: number): Int32Array {
  const big = 1 << 20;
  const d = new Int32Array(mask.length);
  for (let i = 0; i < mask.length; i++) d[i] = mask[i] ? big : 0;
  const at = (c: number, r: number): number => (c < 0 || r < 0 || c >= cols || r >= rows ? 0 : d[r * cols + c]!);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      if (!d[i]) continue;
      d[i] = Math.min(d[i]!, at(c - 1, r) + 1, at(c, r - 1) + 1, at(c - 1, r - 1) + 1, at(c + 1, r - 1) + 1);
    }
  for (let r = rows - 1; r >= 0; r--)
    for (let c = cols - 1; c >= 0; c--) {
      const i = r * cols + c;
      if (!d[i]) continue;
      d[i] = Math.min(d[i]!, at(c + 1, r) + 1, at(c, r + 1) + 1, at(c + 1, r + 1) + 1, at(c - 1, r + 1) + 1);
    }
  return d;
}

export interface LesionRef {
  id: string;
  site: string;
  index: number;
  tissue: number;
  /** arrow direction from the tip towards the tail, in image space [dc, dr] */
  arrowFrom: Px;
}

export function lesionTruth(
  ref: LesionRef,
  slices: readonly RenderedSlice[],
  g: SliceGrid,
  extent: LesionExtent,
): LesionTruth {
  const per: LesionSliceTruth[] = [];
  slices.forEach((sl, imageIndex) => {
    const cnt = sl.lesion[ref.index]!;
    let n = 0;
    let sc = 0;
    let sr = 0;
    let c0 = Infinity;
    let r0 = Infinity;
    let c1 = -1;
    let r1v = -1;
    for (let i = 0; i < cnt.length; i++) {
      if (cnt[i]! < 0.5) continue; // at least half the slice thickness is lesion
      const c = i % g.columns;
      const r = (i - c) / g.columns;
      n++;
      sc += c;
      sr += r;
      c0 = Math.min(c0, c);
      c1 = Math.max(c1, c);
      r0 = Math.min(r0, r);
      r1v = Math.max(r1v, r);
    }
    if (n > 0) per.push({ imageIndex, bbox: [c0, r0, c1, r1v], centroid: [r1(sc / n), r1(sr / n)], pixelCount: n });
  });
  if (per.length === 0) throw new Error(`lesion ${ref.id} is on no image`);
  const mid = (slices.length - 1) / 2;
  const best = per.reduce((a, b) => (b.pixelCount > a.pixelCount || (b.pixelCount === a.pixelCount && Math.abs(b.imageIndex - mid) < Math.abs(a.imageIndex - mid)) ? b : a));
  // Tip: the pixel deepest inside the part that is lesion through the whole slice thickness.
  const cnt = slices[best.imageIndex]!.lesion[ref.index]!;
  const full = new Uint8Array(cnt.length);
  for (let i = 0; i < cnt.length; i++) full[i] = cnt[i]! > 0.999 ? 1 : 0;
  const dist = distanceInside(full, g.columns, g.rows);
  let tipI = -1;
  let tipD = 0;
  let tipC = Infinity;
  for (let i = 0; i < dist.length; i++) {
    const dv = dist[i]!;
    if (dv === 0 || dv < tipD) continue;
    const c = i % g.columns;
    const r = (i - c) / g.columns;
    const dc = Math.hypot(c - best.centroid[0], r - best.centroid[1]);
    if (dv > tipD || dc < tipC) {
      tipI = i;
      tipD = dv;
      tipC = dc;
    }
  }
  if (tipI < 0) throw new Error(`lesion ${ref.id} has no pixel inside it through the full slice`);
  if (tipD < 3) throw new Error(`lesion ${ref.id} is too thin for an arrow tip 2 px from its edge`);
  const tip: Px = [tipI % g.columns, Math.floor(tipI / g.columns)];
  const len = Math.hypot(ref.arrowFrom[0], ref.arrowFrom[1]);
  const L = 38;
  const clampTo = (v: number, n: number): number => Math.min(n - 8, Math.max(7, Math.round(v)));
  const tail: Px = [clampTo(tip[0] + (L * ref.arrowFrom[0]) / len, g.columns), clampTo(tip[1] + (L * ref.arrowFrom[1]) / len, g.rows)];
  return {
    id: ref.id,
    site: ref.site,
    centrePatient: extent.centre.map(r1) as [number, number, number],
    extentMm: extent.extent.map(r1) as [number, number, number],
    boxPatientMm: extent.box.map(r1) as [number, number, number],
    slices: per,
    arrow: { imageIndex: best.imageIndex, tip, tail },
  };
}

const EMPTY = new Float64Array(0);

export interface LesionExtent {
  centre: [number, number, number];
  extent: [number, number, number];
  box: [number, number, number];
}

/** Lesion size and centre from a dense 0.5 mm sampling of the model itself (not of the images). */
export function lesionExtent(spine: SpineModel, index: number, tissue: number): LesionExtent {
  const l = spine.lesions[index]!;
  const b = l.bounds();
  let y0 = Infinity;
  let y1 = -Infinity;
  let z0 = Infinity;
  let z1 = -Infinity;
  for (let s = b.sMin; s <= b.sMax; s += 1) {
    const c = spine.curve.at(s);
    for (const d of [b.dMin, b.dMax]) {
      y0 = Math.min(y0, c.y + d * c.ny);
      y1 = Math.max(y1, c.y + d * c.ny);
      z0 = Math.min(z0, c.z + d * c.nz);
      z1 = Math.max(z1, c.z + d * c.nz);
    }
  }
  const step = 0.5;
  let n = 0;
  const sum = [0, 0, 0];
  // ranges of x, y, z (patient) and of d, s (canal coordinates)
  const lo = [Infinity, Infinity, Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity, -Infinity, -Infinity];
  for (let y = Math.floor(y0) - 2; y <= y1 + 2; y += step) {
    for (let z = Math.floor(z0) - 2; z <= z1 + 2; z += step) {
      // Lesions live in the canal, where only the spine decides: a light plane point is enough.
      const p = spine.fillPlane({ y, z, s: 0, d: 0, k: 0, uv: EMPTY, uo: 0, back: 0, front: 0, aux: 0, aux2: 0, wx: 0, wy: 0, wz: 0 });
      for (let x = -Math.ceil(b.xMax); x <= b.xMax; x += step) {
        if (!l.contains(p.s, p.d, x) || spine.classify(x, p) !== tissue) continue;
        n++;
        const v = [x, y, z, p.d, p.s];
        for (let k = 0; k < 5; k++) {
          if (k < 3) sum[k] = sum[k]! + v[k]!;
          lo[k] = Math.min(lo[k]!, v[k]!);
          hi[k] = Math.max(hi[k]!, v[k]!);
        }
      }
    }
  }
  if (n === 0) throw new Error(`lesion ${l.id} is empty`);
  const size = (k: number): number => hi[k]! - lo[k]! + step;
  return { centre: [sum[0]! / n, sum[1]! / n, sum[2]! / n], extent: [size(0), size(3), size(4)], box: [size(0), size(1), size(2)] };
}

/**
 * Sample points of pure tissue: pixels whose whole 5x5 (else 3x3) neighbourhood is that tissue
 * through the full slice thickness, spread at least 12 px apart, near-midline images first.
 */
export function tissueSamples(
  slices: readonly RenderedSlice[],
  g: SliceGrid,
  tissue: number,
  accept: (imageIndex: number, c: number, r: number) => boolean,
  want: number,
): [number, number, number][] {
  const mid = Math.floor(slices.length / 2);
  const order = [mid, mid - 1, mid + 1, mid - 2, mid + 2, mid - 3, mid + 3].filter((i) => i >= 0 && i < slices.length);
  for (const half of [2, 1]) {
    const out: [number, number, number][] = [];
    for (const si of order) {
      const lab = slices[si]!.label;
      for (let r = half; r < g.rows - half && out.length < want; r += 3) {
        for (let c = half; c < g.columns - half && out.length < want; c += 3) {
          if (lab[r * g.columns + c] !== tissue || !accept(si, c, r)) continue;
          let ok = true;
          for (let dr = -half; dr <= half && ok; dr++) for (let dc = -half; dc <= half && ok; dc++) if (lab[(r + dr) * g.columns + c + dc] !== tissue) ok = false;
          if (!ok) continue;
          if (out.some((o) => o[0] === si && Math.hypot(o[1] - c, o[2] - r) < 12)) continue;
          out.push([si, c, r]);
        }
      }
      if (out.length >= want) break;
    }
    if (out.length >= Math.min(2, want)) return out;
  }
  throw new Error(`no pure samples of tissue ${tissue}`);
}
