import { describe, expect, it, vi } from 'vitest';
import { utilities, type Types } from '@cornerstonejs/core';
import { colourRangeStep } from '../../src/viewer/colour-range';

const colour = (bitsStored: number) => ({ color: true, imageFrame: { bitsStored } }) as Pick<Types.IImage, 'color' | 'imageFrame'>;
const grey = { color: false, imageFrame: { bitsStored: 12 } } as Pick<Types.IImage, 'color' | 'imageFrame'>;
const range = (width: number, center: number): Types.VOIRange => utilities.windowLevel.toLowHighRange(width, center);

describe('the window of colour images of different depths in one stack', () => {
  it('follows from an 8-bit picture to a 16-bit one, and back, while nobody changed it', () => {
    const up = colourRangeStep({ width: 256, center: 128 }, colour(16), () => range(256, 128));
    expect(up.shown).toEqual({ width: 65536, center: 32768 });
    expect(up.follow).toEqual(range(65536, 32768));
    const down = colourRangeStep(up.shown, colour(8), () => range(65536, 32768));
    expect(down.follow).toEqual(range(256, 128));
  });

  it('stays where the learner or the cue put it', () => {
    expect(colourRangeStep({ width: 256, center: 128 }, colour(16), () => range(100, 60)).follow).toBeUndefined();
  });

  it('leaves same-depth colour and grey images alone, without asking for the window', () => {
    const asked = vi.fn(() => range(256, 128));
    colourRangeStep({ width: 256, center: 128 }, colour(8), asked);
    colourRangeStep({ width: 256, center: 128 }, grey, asked);
    expect(asked).not.toHaveBeenCalled();
    expect(colourRangeStep({ width: 256, center: 128 }, colour(8), () => range(256, 128)).follow).toBeUndefined();
    const toGrey = colourRangeStep({ width: 256, center: 128 }, grey, () => range(256, 128));
    expect(toGrey).toEqual({ shown: undefined });
  });
});
