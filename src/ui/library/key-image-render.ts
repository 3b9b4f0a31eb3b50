/**
 * A grey image windowed and shrunk for a library card: each value mapped through the window (lower to upper
 * edge, linear, as the viewer's VOI range), then averaged over the source pixels each card pixel covers, so a
 * small picture keeps the tissue's grey rather than a few pixels' noise.
 */
import type { WindowLevel } from '../../case/presets';
import type { GreyImage } from '../../dicom/grey-pixels';

export interface CardPicture {
  width: number;
  height: number;
  /** RGBA, row by row. */
  rgba: Uint8ClampedArray<ArrayBuffer>;
}

export function renderCardPicture(image: GreyImage, window: WindowLevel, maxSide: number): CardPicture {
  const { rows, columns, values, invert } = image;
  const scale = Math.min(1, maxSide / Math.max(rows, columns));
  const width = Math.max(1, Math.round(columns * scale));
  const height = Math.max(1, Math.round(rows * scale));
  const lower = window.center - window.width / 2;
  const span = Math.max(window.width, 1e-6);
  const sums = new Float64Array(width * height);
  const counts = new Uint32Array(width * height);
  for (let r = 0; r < rows; r++) {
    const y = Math.min(height - 1, Math.floor((r * height) / rows));
    for (let c = 0; c < columns; c++) {
      const x = Math.min(width - 1, Math.floor((c * width) / columns));
      const grey = Math.min(1, Math.max(0, ((values[r * columns + c] as number) - lower) / span));
      const at = y * width + x;
      sums[at] = (sums[at] as number) + (invert ? 1 - grey : grey);
      counts[at] = (counts[at] as number) + 1;
    }
  }
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < sums.length; i++) {
    const v = Math.round(((sums[i] as number) / Math.max(1, counts[i] as number)) * 255);
    rgba[i * 4] = v;
    rgba[i * 4 + 1] = v;
    rgba[i * 4 + 2] = v;
    rgba[i * 4 + 3] = 255;
  }
  return { width, height, rgba };
}
