/** Where a cue arrow's label goes (src/viewer/label-placement.ts). */
import { describe, expect, it } from 'vitest';
import { LABEL_GAP, labelLink, placeLabel, type Box } from '../../src/viewer/label-placement';

const canvas = { width: 400, height: 300 };
const size = { width: 100, height: 20 };
const apart = (a: Box, b: Box): boolean => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

describe('placeLabel', () => {
  it('puts the label right of the arrow, level with its middle', () => {
    const box = placeLabel([[100, 100], [140, 140]], size, canvas, []);
    expect(box).toEqual({ x: 140 + LABEL_GAP, y: 120 - 10, width: 100, height: 20 });
  });

  it('goes left of the arrow when the right side has no room', () => {
    const box = placeLabel([[300, 100], [340, 140]], size, canvas, []);
    expect(box.x + box.width).toBe(300 - LABEL_GAP);
  });

  it('stays inside the canvas when neither side has room, and near the top and bottom edges', () => {
    const wide = placeLabel([[150, 5], [250, 5]], { width: 300, height: 20 }, canvas, []);
    expect(wide.x).toBeGreaterThanOrEqual(0);
    expect(wide.x + wide.width).toBeLessThanOrEqual(canvas.width);
    expect(wide.y).toBeGreaterThanOrEqual(0);
    const low = placeLabel([[100, 299], [120, 299]], size, canvas, []);
    expect(low.y + low.height).toBeLessThanOrEqual(canvas.height);
  });

  it('moves clear of labels already placed: below them, else above', () => {
    const first = placeLabel([[100, 100], [140, 140]], size, canvas, []);
    const second = placeLabel([[100, 105], [140, 145]], size, canvas, [first]);
    expect(apart(first, second)).toBe(true);
    expect(second.y).toBeGreaterThan(first.y);
    const bottom = placeLabel([[100, 270], [140, 290]], size, canvas, []);
    const above = placeLabel([[100, 272], [140, 292]], size, canvas, [bottom]);
    expect(apart(bottom, above)).toBe(true);
    expect(above.y).toBeLessThan(bottom.y);
  });

  it('three labels in a row of close arrows all stay apart', () => {
    const placed: Box[] = [];
    for (const y of [100, 104, 108]) placed.push(placeLabel([[100, y], [140, y + 30]], size, canvas, placed));
    expect(apart(placed[0]!, placed[1]!) && apart(placed[1]!, placed[2]!) && apart(placed[0]!, placed[2]!)).toBe(true);
  });
});

describe('labelLink', () => {
  it('runs from the arrow end nearest the label to the middle of the label side facing it', () => {
    const box = { x: 200, y: 90, width: 100, height: 20 };
    expect(labelLink([[100, 100], [150, 100]], box)).toEqual([[150, 100], [200, 100]]);
  });
});
