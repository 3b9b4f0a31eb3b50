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

/**
 * Cue arrow labels that are not at their arrow's tail: each label must lie nearer some arrow's tail (the line's
 * start) than any arrow's tip, so it covers the way in, not what the tip points at.
 */
export async function labelsAwayFromTails(page: Page, viewport: string): Promise<string[]> {
  const labels = await arrowLabelsOnScreen(page, viewport);
  const ends = await page.$$eval(`[role="img"][data-viewport="${viewport}"] svg line`, (lines) =>
    lines
      .filter((line) => /url\(/.test(line.getAttribute('marker-end') ?? ''))
      .map((line) => {
        const r = (line as SVGLineElement).ownerSVGElement?.getBoundingClientRect() ?? { left: 0, top: 0 };
        const at = (x: string, y: string): [number, number] => [Number(line.getAttribute(x)) + r.left, Number(line.getAttribute(y)) + r.top];
        return { tail: at('x1', 'y1'), tip: at('x2', 'y2') };
      }),
  );
  return labels.flatMap(({ text, box }) => {
    const gap = ([x, y]: [number, number]): number =>
      Math.hypot(Math.max(box.x - x, 0, x - box.x - box.width), Math.max(box.y - y, 0, y - box.y - box.height));
    const tail = Math.min(...ends.map((e) => gap(e.tail)));
    const tip = Math.min(...ends.map((e) => gap(e.tip)));
    return tail < tip ? [] : [`"${text}" is ${Math.round(tip)} px from a tip and ${Math.round(tail)} px from the nearest tail`];
  });
}
