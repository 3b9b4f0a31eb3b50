/**
 * From tissue signal to a T1 spin-echo magnitude image: chemical shift of the fat signal along the
 * frequency direction, k-space truncation (Gibbs ringing) along the phase direction, the receive
 * coil's sensitivity (a posterior spine coil), complex Gaussian noise, and the magnitude (Rician; pure
 * Rayleigh in the air).
 */
import type { SliceGrid } from './render';
import type { Rng } from './rng';
import type { PlanePoint } from './canal';
import type { SpinEcho } from './mr-physics';
import { breathe } from './mr-acquisition';

/** The series' sequence, written in its header too (RepetitionTime, EchoTime). */
export const T1_SE: SpinEcho = { tr: 500, te: 10 };

/** Noise SD per channel: fat near the coil has an SNR of about 45, as on a clinical 1.5 T spine T1. */
export const MR_NOISE_SD = 19;

/**
 * Fat-water shift in pixels along the frequency direction (the columns of the image, head to foot):
 * 3.5 ppm at 63.9 MHz is 224 Hz; with a receive bandwidth of ~130 Hz per pixel that is about 1.7 px,
 * here rounded to the nearest row for determinism and clarity.
 */
export const CHEMICAL_SHIFT_PX = 1;

/** Share of k-space kept along the phase direction (rows of the image: anterior-posterior). */
export const PHASE_KSPACE = 0.82;

/** Receive sensitivity: strongest at the back (posterior coil), falling off anteriorly and at the ends. */
export function coilGain(p: PlanePoint, zCentre: number): number {
  const depth = Math.max(0, p.back);
  const axial = (p.z - zCentre) / 170;
  return (0.7 + 0.35 * Math.exp(-depth / 110)) * (1 - 0.18 * axial * axial);
}

/** Truncated-sinc kernel: what keeping the centre `keep` of k-space does to an image row. */
function truncationKernel(keep: number, half: number): Float32Array {
  const k = new Float32Array(2 * half + 1);
  let sum = 0;
  for (let i = -half; i <= half; i++) {
    const x = Math.PI * keep * i;
    const v = i === 0 ? 1 : Math.sin(x) / x;
    k[i + half] = v;
    sum += v;
  }
  for (let i = 0; i < k.length; i++) k[i] = k[i]! / sum;
  return k;
}

const GIBBS = truncationKernel(PHASE_KSPACE, 12);

/** Convolves each image row (the phase direction) with the truncation kernel, edges clamped. */
function ringRows(img: Float32Array, cols: number, rows: number): Float32Array {
  const out = new Float32Array(img.length);
  const h = (GIBBS.length - 1) / 2;
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    for (let c = 0; c < cols; c++) {
      let s = 0;
      for (let j = -h; j <= h; j++) {
        const cc = c + j < 0 ? 0 : c + j >= cols ? cols - 1 : c + j;
        s += GIBBS[j + h]! * img[o + cc]!;
      }
      out[o + c] = s;
    }
  }
  return out;
}

/**
 * Water + shifted fat, seen by the coil, moved by breathing (`disp`: each pixel's excursion, see
 * breathe), Gibbs ringing, complex noise, magnitude, rounded to 12 bits. `plane` holds the pixel
 * centres' plane facts (for the coil); `zCentre` is the coil's centre along the spine, by default the
 * grid's middle row (the axial stacks pass the sagittal one, so one coil serves every series).
 */
export function finishMr(water: Float32Array, fat: Float32Array, plane: readonly PlanePoint[], g: SliceGrid, rng: Rng, disp?: Float32Array, zCentre?: number): Uint16Array {
  const cols = g.columns;
  const n = water.length;
  const sum = new Float32Array(n);
  const sh = CHEMICAL_SHIFT_PX * cols;
  const zc = zCentre ?? g.z0 - (g.rows * g.spacing) / 2;
  for (let i = 0; i < n; i++) {
    const j = i - sh; // fat appears displaced one row towards the feet
    sum[i] = (water[i]! + (j >= 0 ? fat[j]! : 0)) * coilGain(plane[i]!, zc);
  }
  const moved = disp ? breathe(sum, disp, g) : { re: sum, im: null };
  const re = ringRows(moved.re, cols, g.rows);
  const im = moved.im ? ringRows(moved.im, cols, g.rows) : null;
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    // Magnitude of a complex signal with Gaussian noise on both channels = Rician.
    const a = re[i]! + MR_NOISE_SD * rng.gaussian();
    const b = (im ? im[i]! : 0) + MR_NOISE_SD * rng.gaussian();
    const v = Math.round(Math.sqrt(a * a + b * b));
    out[i] = v > 4095 ? 4095 : v;
  }
  return out;
}
