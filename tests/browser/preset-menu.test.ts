/** The window preset menu applies a preset to the focused viewport, and that is taking over. */
import { expect, inject, it } from 'vitest';
import { openPage, useBrowser } from './browser';
import { bundledCase, CASE_ID, waitForStep } from './lesson';
import { cueForStep } from '../../src/case/timeline';
import { WINDOW_PRESETS } from '../../src/case/presets';

const { timeline } = bundledCase();
const browserOf = useBrowser();

it('the "Window preset" menu sets the CT bone window on the viewport, and "Return to lesson" undoes it', async () => {
  const { page, errors } = await openPage(browserOf());
  const step = timeline.steps.findIndex((s) => {
    const vps = Object.values(cueForStep(timeline, s.index).viewports);
    return vps.length === 1 && vps[0]?.series === 'ct-thoracic';
  });
  await page.goto(`${inject('baseUrl')}#/case/${CASE_ID}/step/${step + 1}`);
  await waitForStep(page, timeline, step, 60_000);
  const corner = page.locator('[role="img"][data-viewport="left"] .bottom-right');
  const before = await corner.textContent();
  await page.getByRole('combobox', { name: 'Window preset' }).selectOption('ct-bone');
  const bone = WINDOW_PRESETS['ct-bone'];
  await page.waitForFunction(
    (want) => document.querySelector('[data-viewport="left"] .bottom-right')?.textContent === want,
    `W ${bone.width} L ${bone.center}`,
  );
  await page.getByRole('button', { name: 'Return to lesson' }).click();
  await page.waitForFunction((want) => document.querySelector('[data-viewport="left"] .bottom-right')?.textContent === want, before);
  expect(errors).toEqual([]);
  await page.close();
});

it('the menu offers the focused viewport\'s presets: CT\'s in HU on CT, windows read from the image on MR', async () => {
  const { page, errors } = await openPage(browserOf());
  const step = timeline.steps.findIndex((s) => Object.keys(cueForStep(timeline, s.index).viewports).length === 3);
  const cue = cueForStep(timeline, step);
  expect([cue.viewports.left?.series, cue.viewports.right?.series]).toEqual(['t1-pre', 'ct-thoracic']);
  await page.goto(`${inject('baseUrl')}#/case/${CASE_ID}/step/${step + 1}`);
  await waitForStep(page, timeline, step, 60_000);
  const menu = page.getByRole('combobox', { name: 'Window preset' });
  const offered = async (): Promise<string[]> => menu.locator('option').allTextContents();

  await page.locator('[role="img"][data-viewport="right"]').click();
  await expect.poll(offered).toContain('CT bone (1800/400)');
  expect((await offered()).join('|')).not.toMatch(/Tissue contrast|Auto \(this image\)/);

  const left = page.locator('[role="img"][data-viewport="left"]');
  await left.click();
  await expect.poll(offered).toEqual(['W/L preset…', 'Default (series)', 'Auto (this image)', 'Tissue contrast', 'Bright detail', 'Dark detail']);
  // Tissue contrast: a narrower window than the series default, within the image's values.
  const before = (await left.locator('.bottom-right').textContent())!;
  await menu.selectOption('image-tissue');
  await expect.poll(() => left.locator('.bottom-right').textContent()).not.toBe(before);
  const width = (text: string): number => Number(/W (\d+)/.exec(text)?.[1]);
  expect(width((await left.locator('.bottom-right').textContent())!)).toBeLessThan(width(before));
  // The CT viewport kept its window.
  expect(await page.locator('[role="img"][data-viewport="right"] .bottom-right').textContent()).toBe('W 400 L 40');
  expect(errors).toEqual([]);
  await page.close();
});
