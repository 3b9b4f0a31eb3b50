/** Slice location and linked scrolling by patient position, without a browser. */
import { describe, expect, it } from 'vitest';
import { nearestImageIndex, sliceLocation, sliceNormal } from '../../src/viewer/slice-position';
import type { DicomHeader } from '../../src/dicom/header';

type Placed = Pick<DicomHeader, 'imageOrientationPatient' | 'imagePositionPatient' | 'frameOfReferenceUID'>;

/** A sagittal stack: rows along +y (anterior to posterior), columns along -z (head to foot), slices along x. */
function sagittal(count: number, spacing: number, firstX: number, frame = '1.2.3'): Placed[] {
  return Array.from({ length: count }, (_, i) => ({
    imageOrientationPatient: [0, 1, 0, 0, 0, -1],
    imagePositionPatient: [firstX + i * spacing, -120, 150],
    frameOfReferenceUID: frame,
  }));
}

describe('slice position', () => {
  it('reads the slice location along the normal, in mm', () => {
    const [first, second] = sagittal(2, 3, -10.5);
    // Row direction x column direction: (0,1,0) x (0,0,-1) = (-1,0,0), the patient's right.
    expect(sliceNormal(first!)!.map((v) => v + 0)).toEqual([-1, 0, 0]);
    expect(sliceLocation(first!)).toBeCloseTo(10.5);
    expect(sliceLocation(second!)).toBeCloseTo(7.5);
    expect(sliceLocation({ imageOrientationPatient: undefined, imagePositionPatient: [1, 2, 3] })).toBeUndefined();
  });

  it('finds the nearest image by position, not by index, across different slice spacings', () => {
    const thin = sagittal(21, 3, -30); // -30 .. 30 mm every 3 mm
    const thick = sagittal(9, 5, -20); // -20 .. 20 mm every 5 mm
    // thin[10] is at 0 mm: thick[4] is at 0 mm (the same index would be 20 mm away).
    expect(nearestImageIndex(thin[10]!, thick)).toBe(4);
    // thin[12] is at 6 mm: thick[5] (5 mm) is nearer than thick[6] (10 mm).
    expect(nearestImageIndex(thin[12]!, thick)).toBe(5);
    // thin[0] at -30 mm lies outside the thick stack: its first image is the nearest.
    expect(nearestImageIndex(thin[0]!, thick)).toBe(0);
    // And back: thick[6] at 10 mm -> thin[13] at 9 mm.
    expect(nearestImageIndex(thick[6]!, thin)).toBe(13);
  });

  it('compares positions along the target normal only (an in-plane shift does not matter)', () => {
    const shifted = sagittal(9, 5, -20).map((h) => ({
      ...h,
      imagePositionPatient: [h.imagePositionPatient![0], 40, -60] as [number, number, number],
    }));
    expect(nearestImageIndex(sagittal(21, 3, -30)[12]!, shifted)).toBe(5);
  });

  it('does not link series in different frames of reference, or without positions', () => {
    expect(nearestImageIndex(sagittal(3, 3, 0, 'a')[1]!, sagittal(3, 3, 0, 'b'))).toBeUndefined();
    expect(nearestImageIndex({ imageOrientationPatient: undefined, imagePositionPatient: undefined }, sagittal(3, 3, 0))).toBeUndefined();
  });
});

describe('shortcut table', () => {
  it('has one binding per key and scope, and the viewport keys the brief asks for', async () => {
    const { SHORTCUTS, shortcutFor } = await import('../../src/ui/shortcuts');
    for (const scope of ['lesson', 'viewport'] as const) {
      const keys = SHORTCUTS.filter((s) => s.scope === scope).flatMap((s) => s.keys.map((k) => `${s.modifier ?? ''}+${k}`));
      expect(new Set(keys).size, `duplicate keys in ${scope}`).toBe(keys.length);
    }
    expect(shortcutFor('ArrowDown', 'viewport')?.action).toBe('next-image');
    expect(shortcutFor('R', 'viewport')?.action).toBe('reset');
    expect(shortcutFor('2', 'viewport')).toMatchObject({ action: 'preset', preset: { ct: 'ct-bone' } });
    expect(shortcutFor('2', 'lesson')?.action).toBe('go-to-step');
    expect(shortcutFor('K', 'lesson')?.action).toBe('toggle-play');
    expect(shortcutFor('?', 'lesson')?.action).toBe('show-shortcuts');
  });

  it('gives Shift+arrows to the window, Ctrl+arrows to panning and +/- to zoom, leaving the plain arrows as they were', async () => {
    const { shortcutFor } = await import('../../src/ui/shortcuts');
    expect(shortcutFor('ArrowRight', 'viewport', { shiftKey: true })?.action).toBe('window-width');
    expect(shortcutFor('ArrowUp', 'viewport', { shiftKey: true })?.action).toBe('window-level');
    expect(shortcutFor('ArrowLeft', 'viewport', { ctrlKey: true })?.action).toBe('pan');
    expect(shortcutFor('+', 'viewport', { shiftKey: true })?.action).toBe('zoom');
    expect(shortcutFor('-', 'viewport')?.action).toBe('zoom');
    expect(shortcutFor('ArrowDown', 'viewport')?.action).toBe('next-image');
    expect(shortcutFor('ArrowRight', 'viewport')).toBeUndefined();
    expect(shortcutFor('ArrowRight', 'lesson')?.action).toBe('next-step');
    // Shift+→ in a viewport windows; it is not "next step" anywhere.
    expect(shortcutFor('ArrowRight', 'lesson', { shiftKey: true })).toBeUndefined();
  });
});
