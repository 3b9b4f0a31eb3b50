/**
 * Where the arrow heads are drawn on screen, read from Cornerstone's SVG annotation layer: an arrow is a line
 * whose end carries an arrow-head marker, so its tip is the line's end point.
 */
import type { Page } from 'playwright-core';

export async function arrowTipsOnScreen(page: Page, viewport: string): Promise<[number, number][]> {
  return page.$$eval(`[role="img"][data-viewport="${viewport}"] svg line`, (lines) =>
    lines
      .filter((line) => /url\(/.test(line.getAttribute('marker-end') ?? ''))
      .map((line) => {
        const r = (line as SVGLineElement).ownerSVGElement?.getBoundingClientRect() ?? { left: 0, top: 0 };
        return [Number(line.getAttribute('x2')) + r.left, Number(line.getAttribute('y2')) + r.top] as [number, number];
      }),
  );
}

export interface DrawnLabel {
  text: string;
  /** The label's backing, on the page, in CSS pixels. */
  box: { x: number; y: number; width: number; height: number };
  /** The text itself (its glyphs' box). */
  ink: { x: number; y: number; width: number; height: number };
}

/** The arrow labels drawn in a viewport: their text and where their backing box is on the page. */
export async function arrowLabelsOnScreen(page: Page, viewport: string): Promise<DrawnLabel[]> {
  return page.$$eval(`[role="img"][data-viewport="${viewport}"] svg text`, (texts) =>
    texts
      .filter((t) => (t.textContent ?? '').trim() !== '')
      .map((t) => {
        const backing = t.parentElement?.querySelector('rect') ?? t;
        const rect = (e: Element): { x: number; y: number; width: number; height: number } => {
          const r = e.getBoundingClientRect();
          return { x: r.left, y: r.top, width: r.width, height: r.height };
        };
        return { text: t.textContent ?? '', box: rect(backing), ink: rect(t) };
      }),
  );
}
