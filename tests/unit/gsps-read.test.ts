/**
 * The GSPS reader's arrows, however a writer draws them: one polyline with its head (tail, tip, head, tip,
 * head), a plain two-point line (tip last), or a shaft with its head as separate short strokes from the tip.
 * And the pixel conventions: graphic data sub-pixel (first pixel's centre 0.5), displayed area 1-based.
 */
import { expect, it } from 'vitest';
import type { Dataset } from '../../src/dicom/deid/dataset';
import { readGsps } from '../../src/dicom/gsps/read';

const el = (vr: string, ...values: unknown[]) => ({ vr, Value: values });
const polyline = (...points: number[]): Dataset => ({
  '00700005': el('CS', 'PIXEL'),
  '00700022': el('FL', ...points),
  '00700023': el('CS', 'POLYLINE'),
});

function state(graphics: Dataset[], extra: Dataset = {}): Dataset {
  return {
    '00081115': el('SQ', { '0020000E': el('UI', '1.2.3'), '00081140': el('SQ', { '00081150': el('UI', '1.2.840.10008.5.1.4.1.1.4'), '00081155': el('UI', '1.2.3.4') }) }),
    '00700001': el('SQ', { '00700002': el('CS', 'A'), '00700009': el('SQ', ...graphics) }),
    ...extra,
  };
}

it('reads a polyline with its head, a plain line, and a shaft with separate head strokes as one arrow each', () => {
  expect(readGsps(state([polyline(10.5, 10.5, 50.5, 50.5, 45.5, 50.5, 50.5, 50.5, 50.5, 45.5)])).views[0]!.arrows).toEqual([{ tip: [50, 50], tail: [10, 10], label: '' }]);
  expect(readGsps(state([polyline(10.5, 10.5, 50.5, 50.5)])).views[0]!.arrows).toEqual([{ tip: [50, 50], tail: [10, 10], label: '' }]);
  const split = readGsps(state([polyline(10.5, 10.5, 50.5, 50.5), polyline(50.5, 50.5, 44.5, 50.5), polyline(50.5, 50.5, 50.5, 44.5)]));
  expect(split.views[0]!.arrows).toEqual([{ tip: [50, 50], tail: [10, 10], label: '' }]);
});

it('reads the displayed area as 1-based whole pixels and names what it passes over', () => {
  const read = readGsps(
    state([{ '00700005': el('CS', 'PIXEL'), '00700022': el('FL', 5, 5, 9, 9), '00700023': el('CS', 'CIRCLE') }], {
      '0070005A': el('SQ', { '00700052': el('SL', 1, 1), '00700053': el('SL', 256, 128) }),
    }),
  );
  expect(read.views[0]!.region).toEqual([0, 0, 255, 127]);
  expect(read.notes).toEqual(['a CIRCLE graphic object (only polylines become arrows)']);
});
