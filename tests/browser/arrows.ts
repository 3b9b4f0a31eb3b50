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
