/** Draws the waveform on a canvas at the device's pixel ratio: segments shaded, peaks per device pixel, play head. */
import { peaksInRange } from './peaks';

export interface WaveformPicture {
  peaks: Float32Array;
  duration: number;
  /** Each segment's [start, end] in seconds, and whether its text is still to write. */
  segments: readonly { start: number; end: number; toWrite: boolean }[];
  playhead: number | null;
}

// Neighbouring segments alternate two shades, so each one's stretch reads at a glance; one to write is amber.
const COLOURS = { segment: ['#1f2b3a', '#263648'], toWrite: '#3a2f1a', wave: '#8fb3d9', playhead: '#f0c35a' };

export function drawWaveform(canvas: HTMLCanvasElement, cssWidth: number, cssHeight: number, p: WaveformPicture): void {
  const ratio = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(cssWidth * ratio));
  const h = Math.max(1, Math.round(cssHeight * ratio));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const g = canvas.getContext('2d');
  if (!g) return;
  g.clearRect(0, 0, w, h);
  const x = (t: number): number => (p.duration > 0 ? (t / p.duration) * w : 0);
  for (const [i, s] of p.segments.entries()) {
    g.fillStyle = s.toWrite ? COLOURS.toWrite : COLOURS.segment[i % 2]!;
    g.fillRect(x(s.start), 0, Math.max(1, x(s.end) - x(s.start)), h);
  }
  g.fillStyle = COLOURS.wave;
  const mid = h / 2;
  for (let col = 0; col < w; col++) {
    const [lo, hi] = peaksInRange(p.peaks, col / w, (col + 1) / w);
    const top = mid - hi * mid;
    g.fillRect(col, top, 1, Math.max(1, mid - lo * mid - top));
  }
  if (p.playhead !== null) {
    g.fillStyle = COLOURS.playhead;
    g.fillRect(Math.round(x(p.playhead)), 0, Math.max(1, Math.round(ratio)), h);
  }
}
