/**
 * Page helpers for the conformance suite: walks every image of the series the main viewport shows, scrolling with
 * the mouse wheel as a learner would, and records per image what the viewer reports (state, error text) and what
 * its canvas shows (pixel statistics, and a small colour thumbnail for comparing encodings of one picture).
 */
import type { Page } from 'playwright-core';

export interface ImageSeen {
  index: number;
  state: 'ready' | 'error' | 'timeout';
  error?: string;
  /** Standard deviation of the canvas' luminance (0-255). */
  sd: number;
  /** Distinct luminance levels (rounded) on the canvas. */
  levels: number;
  /** 8x8 mean RGB over the lit part of the canvas (the image), for comparing encodings of one picture. */
  thumb: number[];
}

/** Waits (in the page) until the main viewport shows image `index` settled, then measures its canvas. */
function settleAndMeasure(page: Page, index: number, timeoutMs: number): Promise<ImageSeen> {
  return page.evaluate(
    async ({ index, timeoutMs }) => {
      const frame = document.querySelector<HTMLElement>('[role="img"][data-viewport="main"]');
      const element = frame?.querySelector<HTMLElement>('.viewport-element');
      if (!frame || !element) throw new Error('no main viewport');
      const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
      const nextFrame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));
      const until = performance.now() + timeoutMs;
      let state: 'ready' | 'error' | 'timeout' = 'timeout';
      while (performance.now() < until) {
        const s = frame.dataset.state;
        if (frame.dataset.imageIndex === String(index) && (s === 'ready' || s === 'error')) {
          state = s;
          break;
        }
        await sleep(10);
      }
      if (state !== 'ready') {
        const error = state === 'error' ? (frame.querySelector('.viewport-message')?.textContent ?? '') : undefined;
        return { index, state, ...(error !== undefined ? { error } : {}), sd: 0, levels: 0, thumb: [] };
      }
      // The new image is drawn on the next frame after it is reported.
      await nextFrame();
      await nextFrame();
      const canvas = element.querySelector('canvas');
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx || canvas.width === 0) return { index, state, sd: 0, levels: 0, thumb: [] };
      const { width, height } = canvas;
      const data = ctx.getImageData(0, 0, width, height).data;
      const lum = (o: number): number => 0.299 * data[o]! + 0.587 * data[o + 1]! + 0.114 * data[o + 2]!;
      let sum = 0;
      let sq = 0;
      let n = 0;
      const levels = new Set<number>();
      let [x0, y0, x1, y1] = [width, height, -1, -1];
      // Every second pixel each way: plenty for statistics, four times quicker.
      for (let y = 0; y < height; y += 2) {
        for (let x = 0; x < width; x += 2) {
          const l = lum((y * width + x) * 4);
          sum += l;
          sq += l * l;
          n++;
          levels.add(Math.round(l));
          if (l > 0) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
        }
      }
      const mean = sum / n;
      const thumb: number[] = [];
      // The lit bounding box is the image (the background is black): an 8x8 grid of its mean colours.
      for (let gy = 0; x1 >= x0 && gy < 8; gy++) {
        for (let gx = 0; gx < 8; gx++) {
          const [ax, bx] = [Math.floor(x0 + ((x1 - x0 + 1) * gx) / 8), Math.floor(x0 + ((x1 - x0 + 1) * (gx + 1)) / 8)];
          const [ay, by] = [Math.floor(y0 + ((y1 - y0 + 1) * gy) / 8), Math.floor(y0 + ((y1 - y0 + 1) * (gy + 1)) / 8)];
          const acc = [0, 0, 0];
          let m = 0;
          for (let y = ay; y < by; y++) {
            for (let x = ax; x < bx; x++) {
              const o = (y * width + x) * 4;
              acc[0]! += data[o]!;
              acc[1]! += data[o + 1]!;
              acc[2]! += data[o + 2]!;
              m++;
            }
          }
          thumb.push(...acc.map((v) => Math.round(v / Math.max(1, m))));
        }
      }
      return { index, state, sd: Math.sqrt(Math.max(0, sq / n - mean * mean)), levels: levels.size, thumb };
    },
    { index, timeoutMs },
  );
}

/** Records every image 0..count-1 of the main viewport, which starts on some image (the step's middle one). */
export async function walkViewport(page: Page, count: number, perImageMs = 15_000): Promise<ImageSeen[]> {
  const frame = page.locator('[role="img"][data-viewport="main"]');
  const start = Number(await frame.getAttribute('data-image-index'));
  const seen = new Map<number, ImageSeen>();
  const first = await settleAndMeasure(page, start, perImageMs);
  seen.set(start, first);
  // A failing first image leaves the rest of the series on the stack: the walk goes on from it.
  if (count <= 1 || first.state === 'timeout') return [...seen.values()];
  // The series strip may push the viewport below the fold: the wheel goes where the mouse is.
  await frame.scrollIntoViewIfNeeded();
  const box = await frame.boundingBox();
  if (!box) throw new Error('the main viewport is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // A wheel notch down is the next image (Cornerstone's StackScrollTool); the walk goes to the first, then the last.
  let at = start;
  const visit = async (index: number, delta: number): Promise<boolean> => {
    await page.mouse.wheel(0, delta);
    at = index;
    const known = seen.get(index);
    const got = await settleAndMeasure(page, index, perImageMs);
    if (!known) seen.set(index, got);
    return got.state !== 'timeout';
  };
  while (at > 0) if (!(await visit(at - 1, -100))) break;
  while (at < count - 1) if (!(await visit(at + 1, 100))) break;
  return [...seen.values()].sort((a, b) => a.index - b.index);
}
