/** Author mode's arrows and framing, the pure parts: default tails, hit testing, arrow edits, captured regions. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultTail } from '../../src/case/arrow-geometry';
import * as edit from '../../src/case/authoring';
import { checkAgainstImages } from '../../src/case/cross-check';
import { parseCase } from '../../src/case/parse';
import type { ParsedCase } from '../../src/case/schema';
import { hitArrow, type DrawnArrow } from '../../src/viewer/arrow-hit';
import { capturedViewports } from '../../src/ui/author/capture';
import type { ViewportStatus } from '../../src/viewer/types';

/** The bundled case: segment l2-look has a cue with one arrow in viewport "left"; l2-signal keeps that cue. */
function draft(): ParsedCase {
  const r = parseCase(JSON.parse(readFileSync(join(import.meta.dirname, '../../cases/epidural-aml/case.json'), 'utf8')));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}
const arrowsAt = (d: ParsedCase, at: string) => d.cues.find((c) => c.at === at)?.viewports.left?.arrows;

describe('default tail', () => {
  it('is about 7% of the image up and to the left, turned where that would leave the image', () => {
    expect(defaultTail([100, 100], 320, 320)).toEqual([78, 78]);
    expect(defaultTail([5, 300], 320, 320)).toEqual([27, 278]);
    expect(defaultTail([100, 3], 512, 256)).toEqual([64, 39]);
  });
});

describe('hit test', () => {
  const arrows: DrawnArrow[] = [
    { uid: 'one', index: 0, tip: [100, 100], tail: [60, 60], label: { x: 130, y: 70, width: 60, height: 20 } },
    { uid: 'two', index: 1, tip: [104, 100], tail: [140, 140] },
  ];
  it('takes the nearest end, then a label, then a shaft', () => {
    expect(hitArrow(arrows, [103, 100])).toEqual({ uid: 'two', index: 1, part: 'tip' });
    expect(hitArrow(arrows, [61, 59])).toEqual({ uid: 'one', index: 0, part: 'tail' });
    expect(hitArrow(arrows, [150, 80])).toEqual({ uid: 'one', index: 0, part: 'label' });
    expect(hitArrow(arrows, [80, 81])).toEqual({ uid: 'one', index: 0, part: 'line' });
    expect(hitArrow(arrows, [10, 200])).toBeUndefined();
  });
});

describe('arrow edits', () => {
  it('moves, relabels and removes one arrow; finds the cue in force; tells arrow-only changes apart', () => {
    let d = draft();
    const before = arrowsAt(d, 'l2-look')![0]!;
    d = edit.updateArrow(d, 'l2-look', 'left', 0, { tip: [60, 61], labelAt: [90, 40] });
    expect(arrowsAt(d, 'l2-look')).toEqual([{ ...before, tip: [60, 61], labelAt: [90, 40] }]);
    expect(edit.differsOnlyInArrows(d, draft())).toBe(true);
    expect(edit.differsOnlyInArrows(edit.setTitle(d, 'Other'), draft())).toBe(false);
    expect(edit.cueInForce(d, 'l2-signal')?.at).toBe('l2-look');
    expect(parseCase(edit.updateArrow(d, 'l2-look', 'left', 0, { labelAt: [-20, 10] })).ok).toBe(true);
    d = edit.removeArrow(d, 'l2-look', 'left', 0);
    expect(arrowsAt(d, 'l2-look')).toEqual([]);
  });

  it('accepts a region reaching past the image, not one beside it', () => {
    const facts = new Map([['t1-pre', { imageCount: 15, rows: 100, columns: 100, frameOfReferenceUID: '1' }]]);
    const framed = (box: [number, number, number, number]): ParsedCase => ({
      ...draft(),
      cues: [{ at: 'intro', viewports: { left: { series: 't1-pre', imageIndex: 0, region: { box }, arrows: [] } }, links: [] }],
    });
    expect(checkAgainstImages(framed([-20, -10, 80, 90]), facts)).toEqual([]);
    expect(checkAgainstImages(framed([120, 0, 200, 50]), facts)[0]?.path).toBe('cues[0].viewports.left.region.box');
  });
});

describe('capture', () => {
  const status = (change: Partial<ViewportStatus>): Record<string, ViewportStatus> => ({
    main: { viewportId: 'main', seriesKey: 's', seriesLabel: 'S', modality: 'MR', imageIndex: 0, imageCount: 1, state: 'ready', progress: 1, ...change },
  });
  it('writes no framing for the fitted view, and the region in view once zoomed or panned', () => {
    expect(capturedViewports(['main'], status({ zoom: 1, visibleBox: [-40, 0, 359, 319] }), undefined).main?.region).toBeUndefined();
    const panned = capturedViewports(['main'], status({ zoom: 1, panned: true, visibleBox: [-10, 5, 389, 324] }), undefined).main;
    expect(panned?.region).toEqual({ box: [-10, 5, 389, 324] });
    expect(panned?.zoom).toBeUndefined();
    expect(capturedViewports(['main'], status({ zoom: 2, visibleBox: [80, 80, 239, 239] }), undefined).main?.region).toEqual({ box: [80, 80, 239, 239] });
  });
});
