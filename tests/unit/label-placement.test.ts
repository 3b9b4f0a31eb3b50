/** Where a cue arrow's label goes (src/viewer/label-placement.ts): at the tail, away from what the tip shows. */
import { describe, expect, it } from 'vitest';
import { LABEL_GAP, labelLink, placeLabel, type Box, type Point } from '../../src/viewer/label-placement';

const canvas = { width: 400, height: 300 };
const size = { width: 100, height: 20 };
const apart = (a: Box, b: Box): boolean => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
/** Distance from a point to the nearest point of a box (0 inside). */
const gap = (p: Point, b: Box): number => Math.hypot(Math.max(b.x - p[0], 0, p[0] - b.x - b.width), Math.max(b.y - p[1], 0, p[1] - b.y - b.height));

describe('placeLabel', () => {
  it('puts the label beyond the tail, on the side away from the tip', () => {
    // Tip up-left, tail down-right: the label starts below and right of the tail.
    const box = placeLabel([100, 100], [140, 140], size, canvas, []);
    const at = 140 + LABEL_GAP / Math.SQRT2;
    expect(box).toEqual({ x: at, y: at, width: 100, height: 20 });
    expect(gap([140, 140], box)).toBeLessThan(LABEL_GAP + 1);
    expect(gap([100, 100], box)).toBeGreaterThan(50);
  });

  it('a horizontal arrow: level with the tail, on its far side; a vertical one: centred under or over it', () => {
    const right = placeLabel([200, 150], [150, 150], size, canvas, []);
    expect(right).toEqual({ x: 150 - LABEL_GAP - 100, y: 140, width: 100, height: 20 });
    const down = placeLabel([200, 100], [200, 160], size, canvas, []);
    expect(down).toEqual({ x: 150, y: 160 + LABEL_GAP, width: 100, height: 20 });
    const up = placeLabel([200, 160], [200, 100], size, canvas, []);
    expect(up).toEqual({ x: 150, y: 100 - LABEL_GAP - 20, width: 100, height: 20 });
  });

  it('never covers the tip, for arrows in every direction', () => {
    for (let a = 0; a < 360; a += 15) {
      const tip: Point = [200, 150];
      const tail: Point = [200 + 40 * Math.cos((a * Math.PI) / 180), 150 + 40 * Math.sin((a * Math.PI) / 180)];
      const box = placeLabel(tip, tail, size, canvas, []);
      expect(gap(tip, box), `arrow at ${a}°`).toBeGreaterThan(30);
      expect(gap(tail, box), `arrow at ${a}°`).toBeLessThanOrEqual(LABEL_GAP + 0.01);
    }
  });

  it('where the edge leaves no room beyond the tail, goes beside the tail, not back over the tip', () => {
    // Tail 10 px from the right edge: a label beyond it would be pushed back over the tip.
    const box = placeLabel([350, 150], [390, 150], size, canvas, []);
    expect(gap([350, 150], box)).toBeGreaterThanOrEqual(16);
    expect(gap([390, 150], box)).toBeLessThanOrEqual(16 + 0.01);
    expect(box.x + box.width).toBeLessThanOrEqual(canvas.width);
  });

  it('stays inside the canvas near its edges', () => {
    const wide = placeLabel([250, 40], [150, 5], { width: 300, height: 20 }, canvas, []);
    expect(wide.x).toBeGreaterThanOrEqual(0);
    expect(wide.x + wide.width).toBeLessThanOrEqual(canvas.width);
    expect(wide.y).toBeGreaterThanOrEqual(0);
    const low = placeLabel([100, 260], [120, 299], size, canvas, []);
    expect(low.y + low.height).toBeLessThanOrEqual(canvas.height);
  });

  it('moves clear of labels already placed: below them, else above', () => {
    const first = placeLabel([100, 100], [140, 140], size, canvas, []);
    const second = placeLabel([100, 105], [140, 145], size, canvas, [first]);
    expect(apart(first, second)).toBe(true);
    expect(second.y).toBeGreaterThan(first.y);
    const bottom = placeLabel([100, 250], [140, 270], size, canvas, []);
    const above = placeLabel([100, 252], [140, 272], size, canvas, [bottom]);
    expect(apart(bottom, above)).toBe(true);
    expect(above.y).toBeLessThan(bottom.y);
  });

  it('three labels in a row of close arrows all stay apart', () => {
    const placed: Box[] = [];
    for (const y of [100, 104, 108]) placed.push(placeLabel([100, y], [140, y + 30], size, canvas, placed));
    expect(apart(placed[0]!, placed[1]!) && apart(placed[1]!, placed[2]!) && apart(placed[0]!, placed[2]!)).toBe(true);
  });
});

describe('labelLink', () => {
  it('runs from the arrow end nearest the label to the middle of the label side facing it', () => {
    const box = { x: 200, y: 90, width: 100, height: 20 };
    expect(labelLink([[100, 100], [150, 100]], box)).toEqual([[150, 100], [200, 100]]);
  });
});
