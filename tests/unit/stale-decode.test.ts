/** The guard against a decoder's earlier output shown as another file's image (see src/viewer/stale-decode.ts). */
import { describe, expect, it } from 'vitest';
import { codestreamKey, pixelKey, staleDecodeProblem } from '../../src/viewer/stale-decode';

const ramp = (n: number, offset: number): Uint16Array => Uint16Array.from({ length: n }, (_, i) => (i * 7 + offset) % 4096);

describe('stale decode guard', () => {
  it('refuses the same pixels coming back for a different codestream', () => {
    const a = codestreamKey([new Uint8Array([0xff, 0x4f, 1, 2, 3])]);
    const b = codestreamKey([new Uint8Array([0xff, 0x4f, 9, 9, 9])]);
    const pixels = pixelKey(64, 64, ramp(64 * 64, 1));
    expect(staleDecodeProblem(a, pixels)).toBeUndefined();
    expect(staleDecodeProblem(b, pixels)).toBe('the decoder failed on it and gave back the image it had decoded before');
  });

  it('accepts the same codestream decoded again, different pixels, and flat images', () => {
    const c = codestreamKey(new Uint8Array([1, 2, 3, 4, 5, 6]));
    const d = codestreamKey(new Uint8Array([6, 5, 4, 3, 2, 1]));
    const pixels = pixelKey(32, 32, ramp(32 * 32, 2));
    expect(staleDecodeProblem(c, pixels)).toBeUndefined();
    expect(staleDecodeProblem(c, pixels)).toBeUndefined();
    expect(staleDecodeProblem(d, pixelKey(32, 32, ramp(32 * 32, 3)))).toBeUndefined();
    // Two blank slices of one series are alike and both fine.
    expect(pixelKey(32, 32, new Uint16Array(32 * 32))).toBeUndefined();
    expect(staleDecodeProblem(d, pixelKey(32, 32, new Uint16Array(32 * 32)))).toBeUndefined();
  });

  it('tells images of one size apart by their values', () => {
    expect(pixelKey(64, 64, ramp(4096, 1))).not.toBe(pixelKey(64, 64, ramp(4096, 5)));
    expect(pixelKey(64, 64, ramp(4096, 1))).not.toBe(pixelKey(32, 128, ramp(4096, 1)));
  });
});
