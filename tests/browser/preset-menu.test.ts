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
