/**
 * The case made by `npm run case:import` from real scanner output (SAG-anon) plays end to end: every step shows
 * its image with real contrast and exactly its arrows, and the data credit is on screen as the licence asks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { parseCase } from '../../src/case/parse';
import { buildTimeline, cueForStep } from '../../src/case/timeline';
import { arrowTipsOnScreen } from './arrows';
import { openPage, useBrowser } from './browser';
import { decodePng, patchStats, screenshotWithCss, waitForStep } from './lesson';

const ID = 'peds-brain-t1';
const parsed = parseCase(JSON.parse(readFileSync(join(import.meta.dirname, '../../cases', ID, 'case.json'), 'utf8')));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const lesson = parsed.value;
const timeline = buildTimeline(lesson);
const browserOf = useBrowser();

it('plays every step of the imported real case with its arrows, and credits the data', async () => {
  const { page, errors } = await openPage(browserOf());
  await page.goto(inject('baseUrl'));
  const credits = page.getByRole('region', { name: 'Data credits' });
  expect(await credits.textContent()).toContain('Rudolph Pienaar');
  await page.goto(`${inject('baseUrl')}#/case/${ID}/step/1`);
  for (let step = 0; step < timeline.steps.length; step++) {
    if (step > 0) await page.getByRole('button', { name: 'Next step' }).click();
    await waitForStep(page, timeline, step, 60_000);
    for (const [name, vp] of Object.entries(cueForStep(timeline, step).viewports)) {
      const frame = page.locator(`[role="img"][data-viewport="${name}"]`);
      const shot = decodePng(await screenshotWithCss(frame, '.viewport svg, .viewport-overlay { visibility: hidden !important; }'));
      expect(patchStats(shot, 0, 0, shot.width, shot.height).sd, `step ${step + 1} looks blank`).toBeGreaterThan(15);
      const arrowsHere = vp.arrows.filter((a) => (a.imageIndex ?? vp.imageIndex) === vp.imageIndex);
      expect((await arrowTipsOnScreen(page, name)).length, `arrows at step ${step + 1}`).toBe(arrowsHere.length);
    }
  }
  expect(await page.locator('.image-credit').textContent()).toContain(lesson.imageCredit ?? '(no credit in the case)');
  expect(errors).toEqual([]);
  await page.close();
});
