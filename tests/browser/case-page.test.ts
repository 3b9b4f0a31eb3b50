/**
 * The case page in Chromium with the real Cornerstone renderer: every step shows its cue, arrows point at image
 * content, answers stay out of the DOM until their step, deep links and history work, and a broken file fails
 * one viewport only.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage } from './browser';
import { bundledCase, CASE_ID, decodePng, patchStats, shownViewports, waitForStep } from './lesson';
import { arrowTipsOnScreen } from './arrows';
import { cueForStep } from '../../src/case/timeline';

const SHOTS = join(import.meta.dirname, '../../docs/screenshots');
const { lesson, timeline } = bundledCase();
const differential = lesson.reveal.find((r) => r.kind === 'differential');
if (!differential || differential.kind !== 'differential') throw new Error('the bundled case has no differential');
const differentialStep = lesson.steps.findIndex((s) => s.id === differential.revealAt);
const caseUrl = (step?: number) => `${inject('baseUrl')}#/case/${CASE_ID}${step ? `/step/${step}` : ''}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function differentialShown(page: Page): Promise<boolean> {
  return (await page.getByRole('region', { name: 'Differential diagnosis' }).count()) > 0;
}

/** No diagnosis of the differential appears anywhere in the DOM (a screen reader or inspector would find it). */
async function answersAbsentFromDom(page: Page): Promise<void> {
  const html = (await page.content()).toLowerCase();
  for (const e of differential!.kind === 'differential' ? differential!.entries : []) {
    expect(html, `"${e.diagnosis}" leaked before its step`).not.toContain(e.diagnosis.toLowerCase());
  }
}

describe('case page', () => {
  it('opens from the library, shows each step as its cue says, with arrows on image content', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(inject('baseUrl'));
    await page.locator(`a[href*="#/case/${CASE_ID}"]`).click();
    await waitForStep(page, timeline, 0, 60_000);
    expect(page.url()).toContain(`#/case/${CASE_ID}/step/1`);
    await page.getByText(/synthetic phantom/i).first().waitFor();

    let arrowsChecked = 0;
    for (let step = 0; step < timeline.steps.length; step++) {
      if (step > 0) await page.getByRole('button', { name: 'Next step' }).click();
      await waitForStep(page, timeline, step);
      const current = page.locator('.transcript [aria-current="true"]');
      expect(await current.count()).toBe(1);

      if (step < differentialStep) {
        expect(await differentialShown(page)).toBe(false);
        await answersAbsentFromDom(page);
      } else {
        expect(await differentialShown(page)).toBe(true);
      }

      const cue = cueForStep(timeline, step);
      for (const [name, vp] of Object.entries(cue.viewports)) {
        const frame = page.locator(`[role="img"][data-viewport="${name}"]`);
        const box = await frame.boundingBox();
        if (!box) throw new Error(`viewport ${name} has no box`);
        // Not blank: the rendered image has real contrast.
        const shot = decodePng(await frame.screenshot());
        expect(patchStats(shot, 0, 0, shot.width, shot.height).sd, `viewport ${name} at step ${step + 1} looks blank`).toBeGreaterThan(15);

        const arrowsHere = vp.arrows.filter((a) => (a.imageIndex ?? vp.imageIndex) === vp.imageIndex);
        const tips = await arrowTipsOnScreen(page, name);
        expect(tips.length, `arrows drawn in ${name} at step ${step + 1}`).toBe(arrowsHere.length);
        if (tips.length === 0) continue;
        // Look under the arrows: hide the annotation layer, then compare each tip with the image's background.
        const clean = decodePng(await frame.screenshot({ style: '.viewport svg { visibility: hidden !important; }' }));
        const background = patchStats(clean, 4, shot.height - 40, 24, 24).mean; // a dark corner: air
        for (const [x, y] of tips) {
          const under = patchStats(clean, x - box.x - 2, y - box.y - 2, 5, 5).mean;
          expect(Math.abs(under - background), `arrow tip at step ${step + 1} points at background`).toBeGreaterThan(25);
          arrowsChecked++;
        }
      }
      if (step === 1) await page.screenshot({ path: join(SHOTS, 'step-pre-contrast-arrow.png') });
      if (Object.keys(cue.viewports).length === 2 && cue.links.length > 0) {
        await page.screenshot({ path: join(SHOTS, 'step-pre-post-side-by-side.png') });
      }
    }
    expect(arrowsChecked).toBeGreaterThanOrEqual(4);
    expect(await differentialShown(page)).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'step-reveal.png') });

    // Going back keeps the answers; "Hide answers" removes them from the DOM.
    await page.getByRole('button', { name: 'Previous step' }).click();
    await waitForStep(page, timeline, timeline.steps.length - 2);
    expect(await differentialShown(page)).toBe(true);
    await page.getByRole('button', { name: 'Hide answers' }).click();
    expect(await differentialShown(page)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a deep link to a late step directly, and back/forward move between visited steps', async () => {
    const { page, errors } = await openPage(browser);
    const late = timeline.steps.length; // 1-based, the last step
    await page.goto(caseUrl(late));
    await waitForStep(page, timeline, late - 1, 60_000);
    expect(await differentialShown(page)).toBe(true);

    await page.goto(caseUrl(2));
    await waitForStep(page, timeline, 1);
    await page.keyboard.press('ArrowRight');
    await waitForStep(page, timeline, 2);
    await page.keyboard.press('PageDown');
    await waitForStep(page, timeline, 3);
    expect(page.url()).toContain('/step/4');
    await page.goBack();
    await waitForStep(page, timeline, 2);
    await page.goBack();
    await waitForStep(page, timeline, 1);
    await page.goForward();
    await waitForStep(page, timeline, 2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('"Reveal now" asks first, then shows the differential early', async () => {
    const { page } = await openPage(browser);
    await page.goto(caseUrl(1));
    await waitForStep(page, timeline, 0, 60_000);
    expect(await differentialShown(page)).toBe(false);
    await page.getByRole('button', { name: 'Reveal now' }).click();
    expect(await differentialShown(page)).toBe(false);
    await page.getByRole('button', { name: 'Show answers' }).click();
    await page.getByRole('region', { name: 'Differential diagnosis' }).waitFor();
    const text = await page.getByRole('region', { name: 'Differential diagnosis' }).textContent();
    for (const e of differential.entries) expect(text).toContain(e.diagnosis);
    await page.close();
  });

  it('a broken file fails its own viewport only, naming the file; the rest keeps working', async () => {
    const { page } = await openPage(browser);
    const linkedStep = timeline.steps.findIndex((s) => cueForStep(timeline, s.index).links.length > 0);
    const cue = cueForStep(timeline, linkedStep);
    const [goodName, badName] = Object.keys(cue.viewports) as [string, string];
    const badSeries = cue.viewports[badName]!.series;
    const broken = 'series/' + badSeries + '/0005.dcm';
    await page.route(`**/cases/${CASE_ID}/${broken}`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/dicom', body: 'this is not a DICOM file' }),
    );
    await page.goto(caseUrl(linkedStep + 1));
    const bad = page.locator(`[role="img"][data-viewport="${badName}"][data-state="error"]`);
    await bad.waitFor({ timeout: 60_000 });
    expect(await bad.textContent()).toContain('0005.dcm');
    expect(await bad.textContent()).toMatch(/not a DICOM file/i);
    await page.locator(`[role="img"][data-viewport="${goodName}"][data-state="ready"]`).waitFor();
    const states = (await shownViewports(page)).map((v) => v.state);
    expect(states.filter((s) => s === 'error')).toHaveLength(1);
    // The transcript and steps still work.
    await page.getByRole('button', { name: 'Previous step' }).click();
    await waitForStep(page, timeline, linkedStep - 1);
    await page.close();
  });
});
