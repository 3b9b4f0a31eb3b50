/** Modality-appropriate presets (src/case/presets.ts) and the windows read from an MR image (src/viewer/image-window.ts). */
import { describe, expect, it } from 'vitest';
import { presetForKey, presetsForModality } from '../../src/case/presets';
import { samplePixels } from '../../src/viewer/window-level';
import { imagePresetWindow, otsuThreshold, tissueOf } from '../../src/viewer/image-window';

/** An MR-like image: air (noise 0-20) around tissue (300-700, mostly 400-600) with a little bright fat (900-1000). */
function mrLike(): Float64Array {
  const values: number[] = [];
  let seed = 7;
  const random = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (let i = 0; i < 40000; i++) values.push(random() * 20);
  for (let i = 0; i < 50000; i++) values.push(400 + random() * 200 + (i % 10 === 0 ? -100 : i % 10 === 1 ? 100 : 0));
  for (let i = 0; i < 2000; i++) values.push(900 + random() * 100);
  return Float64Array.from(values);
}

describe('presets by modality', () => {
  it('offers CT presets on CT only, and windows read from the image elsewhere', () => {
    expect(presetsForModality('CT')).toContain('ct-bone');
    expect(presetsForModality('CT').every((n) => n.startsWith('ct-'))).toBe(true);
    for (const modality of ['MR', 'CR', '']) {
      expect(presetsForModality(modality)).toEqual(['image-auto', 'image-tissue', 'image-bright', 'image-dark']);
    }
  });

  it('preset keys: CT presets on CT; on MR 1 is the default window and 2-5 the image windows', () => {
    expect([1, 2, 3, 4, 5].map((k) => presetForKey(k, 'CT'))).toEqual(['ct-soft-tissue', 'ct-bone', 'ct-lung', 'ct-mediastinum', 'ct-brain']);
    expect([1, 2, 3, 4, 5].map((k) => presetForKey(k, 'MR'))).toEqual(['default', 'image-auto', 'image-tissue', 'image-bright', 'image-dark']);
  });
});

describe('windows read from an MR image', () => {
  const sample = samplePixels(mrLike());

  it("Otsu's threshold falls between the air and the tissue", () => {
    const t = otsuThreshold(sample);
    expect(t).toBeGreaterThan(20);
    expect(t).toBeLessThan(300);
    expect(tissueOf(sample).sorted.length).toBe(52000);
  });

  it('tissue contrast spans the tissue without air or fat; bright and dark each take its upper or lower part', () => {
    const tissue = imagePresetWindow(sample, 'image-tissue');
    expect(tissue.center - tissue.width / 2).toBeGreaterThan(300);
    expect(tissue.center + tissue.width / 2).toBeLessThan(900);
    const bright = imagePresetWindow(sample, 'image-bright');
    const dark = imagePresetWindow(sample, 'image-dark');
    expect(bright.center).toBeGreaterThan(tissue.center);
    expect(dark.center).toBeLessThan(tissue.center);
    expect(bright.center + bright.width / 2).toBeGreaterThan(950);
    expect(dark.center - dark.width / 2).toBeGreaterThanOrEqual(300);
    expect(dark.center + dark.width / 2).toBeLessThan(700);
    const auto = imagePresetWindow(sample, 'image-auto');
    expect(auto.center - auto.width / 2).toBeLessThan(5);
  });

  it('a field of view without air: tissue is the image, not just its fat', () => {
    const noAir = samplePixels(mrLike().filter((v) => v > 100));
    const tissue = imagePresetWindow(noAir, 'image-tissue');
    expect(tissue.center).toBeGreaterThan(400);
    expect(tissue.center).toBeLessThan(700);
  });

  it('a flat image falls back to its own range', () => {
    const flat = imagePresetWindow(samplePixels(new Float64Array(1000).fill(50)), 'image-tissue');
    expect(flat.width).toBeGreaterThanOrEqual(1);
  });
});
