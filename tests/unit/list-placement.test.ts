import { describe, expect, it } from 'vitest';
import { listPlacement } from '../../src/ui/case-page/quiz/list-placement';

describe('where a floating suggestion list goes', () => {
  const field = { top: 300, bottom: 330 };
  it('below the field when it fits, else above, else the roomier side, never taller than the room there', () => {
    expect(listPlacement(field, { top: 0, bottom: 800 }, 170)).toEqual({ above: false, maxHeight: 462 });
    expect(listPlacement(field, { top: 0, bottom: 400 }, 170)).toEqual({ above: true, maxHeight: 292 });
    expect(listPlacement(field, { top: 180, bottom: 450 }, 170)).toEqual({ above: false, maxHeight: 112 });
    expect(listPlacement(field, { top: 150, bottom: 400 }, 170)).toEqual({ above: true, maxHeight: 142 });
  });
  it('gives up when neither side holds about three names (the caller then looks again with fewer limits)', () => {
    expect(listPlacement(field, { top: 250, bottom: 380 }, 170)).toBeNull();
    expect(listPlacement(field, { top: 250, bottom: 380 }, 30)).toEqual({ above: false, maxHeight: 42 });
  });
});
