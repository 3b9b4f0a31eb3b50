/**
 * The case page in Chromium with the real Cornerstone renderer: every step shows its cue, arrows point at image
 * content, answers stay out of the DOM until their step, deep links and history work, and a broken file fails
 * one viewport only.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser } from './browser';
import { bundledCase, CASE_ID, decodePng, patchStats, screenshotWithCss, shownViewports, waitForStep } from './lesson';
import { arrowLabelsOnScreen, arrowTipsOnScreen } from './arrows';
import { cueForStep } from '../../src/case/timeline';
import type { Arrow, ViewportCue } from '../../src/case/schema';
import { meanAround, seriesImages, type CaseImage } from '../fixtures/case-pixels';

const SHOTS = join(import.meta.dirname, '../../docs/screenshots');
const { lesson, timeline } = bundledCase();
const differential = lesson.reveal.find((r) => r.kind === 'differential');
if (!differential || differential.kind !== 'differential') throw new Error('the bundled case has no differential');
const differentialStep = lesson.steps.findIndex((s) => s.id === differential.revealAt);
const caseUrl = (step?: number) => `${inject('baseUrl')}#/case/${CASE_ID}${step ? `/step/${step}` : ''}`;

const CASE_DIR = join(import.meta.dirname, '../../cases', CASE_ID);
const imageCache = new Map<string, CaseImage[]>();
const images = (key: string): CaseImage[] => {
  if (!imageCache.has(key)) imageCache.set(key, seriesImages(CASE_DIR, lesson, key));
  return imageCache.get(key)!;
};

/**
 * The drawn tip of one of the cue's arrows. The screen keeps the image's orientation here (no flip or rotation),
 * so arrows ordered by row then column match the drawn tips ordered by y then x.
 */
function tipOf(vp: ViewportCue, arrow: Arrow, tips: [number, number][]): [number, number] {
  const byRow = (p: readonly [number, number]) => p[1] * 1e5 + p[0];
  const rank = [...vp.arrows].sort((a, b) => byRow(a.tip) - byRow(b.tip)).indexOf(arrow);
  const tip = [...tips].sort((a, b) => byRow(a) - byRow(b))[rank];
  if (!tip) throw new Error(`no drawn tip for arrow "${arrow.label}"`);
  return tip;
}

/**
 * Each arrow's label is drawn, whole inside its viewport, beside an arrow (within `near` pixels of a tip or tail),
 * and no two labels cover each other.
 */
async function labelsReadable(page: Page, viewport: string, frame: { x: number; y: number; width: number; height: number }, arrows: Arrow[], tips: [number, number][], where: string): Promise<void> {
  const labels = await arrowLabelsOnScreen(page, viewport);
  expect(labels.map((l) => l.text).sort(), `arrow labels in ${where}`).toEqual(arrows.map((a) => a.label).sort());
  const near = 80;
  const tails = await page.$$eval(`[role="img"][data-viewport="${viewport}"] svg line[marker-end]`, (lines) =>
    lines.map((l) => {
      const r = (l as SVGLineElement).ownerSVGElement?.getBoundingClientRect() ?? { left: 0, top: 0 };
      return [Number(l.getAttribute('x1')) + r.left, Number(l.getAttribute('y1')) + r.top] as [number, number];
    }),
  );
  for (const { text, box, ink } of labels) {
    // The text fits its dark backing (it is measured before it is drawn), so it reads over bright bone too.
    expect(ink.x >= box.x - 1 && ink.x + ink.width <= box.x + box.width + 1, `"${text}" fits its backing in ${where}`).toBe(true);
    expect(box.x >= frame.x - 1 && box.y >= frame.y - 1, `"${text}" starts inside ${where}`).toBe(true);
    expect(box.x + box.width <= frame.x + frame.width + 1 && box.y + box.height <= frame.y + frame.height + 1, `"${text}" ends inside ${where}`).toBe(true);
    const gap = (p: [number, number]): number => Math.hypot(Math.max(box.x - p[0], 0, p[0] - box.x - box.width), Math.max(box.y - p[1], 0, p[1] - box.y - box.height));
    expect(Math.min(...[...tips, ...tails].map(gap)), `"${text}" beside its arrow in ${where}`).toBeLessThan(near);
  }
  labels.forEach(({ text, box: a }, i) => {
    for (const { text: otherText, box: b } of labels.slice(i + 1)) {
      const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      expect(apart, `"${text}" and "${otherText}" overlap in ${where}`).toBe(true);
    }
  });
}

const browserOf = useBrowser();
beforeAll(() => void mkdirSync(SHOTS, { recursive: true }));

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
    const { page, errors } = await openPage(browserOf());
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
        await labelsReadable(page, name, box, arrowsHere, tips, `${name} at step ${step + 1}`);
        // Under each arrow head, the screen shows the gray that the file's pixel at the arrow's tip has at the
        // displayed window: the arrow and the image agree on where the lesion is.
        const wl = /W (-?\d+) L (-?\d+)/.exec((await frame.locator('.bottom-right').textContent()) ?? '');
        expect(wl, 'W/L shown in the corner').not.toBeNull();
        const [width, level] = [Number(wl![1]), Number(wl![2])];
        const clean = decodePng(await screenshotWithCss(frame, '.viewport svg { visibility: hidden !important; }'));
        const image = images(vp.series)[vp.imageIndex]!;
        for (const arrow of arrowsHere) {
          const [x, y] = tipOf(vp, arrow, tips);
          const onScreen = patchStats(clean, x - box.x - 2, y - box.y - 2, 5, 5).mean;
          const value = meanAround(image, arrow.tip[0], arrow.tip[1], 1);
          const expected = Math.min(255, Math.max(0, ((value - (level - width / 2)) / width) * 255));
          expect(Math.abs(onScreen - expected), `gray under the arrow "${arrow.label}" at step ${step + 1}`).toBeLessThan(25);
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
    const { page, errors } = await openPage(browserOf());
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
    // The address follows a moment after the step is on screen (use-step-in-url.ts).
    await expect.poll(() => page.url()).toContain('/step/4');
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
    const { page } = await openPage(browserOf());
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
    const { page } = await openPage(browserOf());
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
