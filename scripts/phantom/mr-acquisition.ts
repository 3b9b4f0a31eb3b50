/**
 * What the acquisition does to a sagittal spine T1 beyond the tissue signal: the anterior
 * saturation band that darkens the abdomen, and breathing during the several minutes of the scan,
 * which blurs the moving abdomen and throws its ghosts along the phase-encoding direction (the
 * image rows, anterior-posterior: the header's InPlanePhaseEncodingDirection ROW). That is why sites
 * put the band there: what it suppresses cannot ghost across the spine.
 */
import type { SliceGrid } from './render';
import type { SaturationBandTruth } from './truth';
import { smoothstep } from './sdf';

/** Sat pulse to excitation (ms), and the flip the slab really gets (B1 is never perfect). */
export const SAT_BAND = { delay: 15, flipDeg: 82 } as const;

/**
 * A planar slab, as on the scanner: everything anterior of a line in the sagittal plane (all slices
 * share it), with the RF slab profile's soft edge of `edge` mm.
 */
export class SatSlab {
  private readonly ny: number;
  private readonly nz: number;
  private readonly c: number;

  /** The slab's posterior edge passes through `at`, running along `dir` (its normal points anterior). */
  constructor(
    at: { y: number; z: number },
    dir: { y: number; z: number },
    private readonly edge: number,
    offset = 0,
  ) {
    const l = Math.hypot(dir.y, dir.z);
    let ny = -dir.z / l;
    let nz = dir.y / l;
    if (ny > 0) {
      ny = -ny; // anterior is -y in patient coordinates
      nz = -nz;
    }
    this.ny = ny;
    this.nz = nz;
    this.c = at.y * ny + at.z * nz + offset;
  }

  /** How far (y, z) lies anterior of the edge (mm; negative behind it). */
  depth(y: number, z: number): number {
    return y * this.ny + z * this.nz - this.c;
  }

  /** The band in a grid's pixel coordinates, for the truth (see SaturationBandTruth). */
  inPixels(g: SliceGrid): SaturationBandTruth {
    const r = (v: number): number => Math.round(v * 1e4) / 1e4;
    return { normal: [r(this.ny), r(-this.nz)], offset: r((g.y0 * this.ny + g.z0 * this.nz - this.c) / g.spacing), edge: r(this.edge / g.spacing) };
  }

  /** Share of the band's effect at (y, z): 0 behind its edge, 1 inside. */
  weight(y: number, z: number): number {
    return smoothstep(-this.edge / 2, this.edge / 2, this.depth(y, z));
  }
}

/** One breath in TRs (4 s at TR 500 ms), its AP excursion's half amplitude (mm), and the averages. */
export const BREATH_TR = 8;
export const BREATH_MM = 4;
/** Start phase of each average (in breaths): breathing drifts between the two passes of 2 NEX. */
const AVERAGE_PHASE = [0, 0.37];

/**
 * Breathing as k-space phase errors. Phase line n is acquired at TR n of each average, when the
 * abdomen is at breathing phase n / BREATH_TR; with a whole number of TRs per breath, the lines of one
 * phase bin are every BREATH_TR-th line, so the image is the sum over bins of the object displaced as
 * in that bin, each seen through a comb of lines. In image space a comb is copies at multiples of
 * columns / BREATH_TR, wrapped around the field of view: copy 0 is the blurred mean, the others are
 * the ghosts, which cancel where nothing moves. `disp` is each pixel's excursion per unit of breath
 * (mm, along the rows). Returns the complex image (real, imaginary).
 */
export function breathe(img: Float32Array, disp: Float32Array, g: SliceGrid): { re: Float32Array; im: Float32Array } {
  const cols = g.columns;
  const rows = g.rows;
  const P = BREATH_TR;
  const step = cols / P;
  const re = img.slice();
  const im = new Float32Array(img.length);
  // Only rows with some motion can differ from the static image.
  const moving: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (disp[r * cols + c]! !== 0) {
        moving.push(r);
        break;
      }
    }
  }
  const dre = new Float64Array(P * cols);
  const dim = new Float64Array(P * cols);
  const shifted = new Float64Array(cols);
  const nAvg = AVERAGE_PHASE.length;
  for (const r of moving) {
    const o = r * cols;
    dre.fill(0);
    dim.fill(0);
    for (const ph of AVERAGE_PHASE) {
      for (let b = 0; b < P; b++) {
        // The row as it is in breathing bin b: each pixel shows what sat u columns away.
        const u = Math.sin(2 * Math.PI * (b / P + ph)) * BREATH_MM / g.spacing;
        for (let c = 0; c < cols; c++) {
          const src = c - u * disp[o + c]!;
          const c0 = Math.floor(src);
          const f = src - c0;
          const a = img[o + Math.min(cols - 1, Math.max(0, c0))]!;
          const bb = img[o + Math.min(cols - 1, Math.max(0, c0 + 1))]!;
          shifted[c] = a + f * (bb - a) - img[o + c]!;
        }
        // Copy j of the comb carries bin b with phase e^(2 pi i j b / P).
        for (let j = 0; j < P; j++) {
          const ang = (2 * Math.PI * j * b) / P;
          const cr = Math.cos(ang) / (P * nAvg);
          const ci = Math.sin(ang) / (P * nAvg);
          const jo = j * cols;
          for (let c = 0; c < cols; c++) {
            const v = shifted[c]!;
            if (v === 0) continue;
            dre[jo + c] = dre[jo + c]! + cr * v;
            dim[jo + c] = dim[jo + c]! + ci * v;
          }
        }
      }
    }
    for (let j = 0; j < P; j++) {
      const sh = Math.round(j * step);
      const jo = j * cols;
      for (let c = 0; c < cols; c++) {
        const t = (c + sh) % cols; // ghosts wrap around the phase field of view
        re[o + t] = re[o + t]! + dre[jo + c]!;
        im[o + t] = im[o + t]! + dim[jo + c]!;
      }
    }
  }
  return { re, im };
}
