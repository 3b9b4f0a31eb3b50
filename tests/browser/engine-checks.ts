/**
 * What must hold in every engine (firefox.test.ts, webkit.test.ts), driven as a learner would: the seed case
 * plays every step with its arrows on the anatomy, the answers stay out of the DOM until their step or "Reveal
 * now", a DICOM file from the user's disk renders, and a phone-size window fits.
 */
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { cueForStep } from '../../src/case/timeline';
import type { Arrow, ViewportCue } from '../../src/case/schema';
import { meanAround, seriesImages, type CaseImage } from '../fixtures/case-pixels';
import type { EnginePage } from './engine-page';
import { bundledCase, CASE_ID, decodePng, patchStats } from './lesson';

const { lesson, timeline } = bundledCase();
const found = lesson.reveal.find((r) => r.kind === 'differential');
if (found?.kind !== 'differential') throw new Error('the bundled case has no differential');
const differential = found;
const differentialStep = lesson.steps.findIndex((s) => s.id === differential.revealAt);
const firstReveal = Math.min(...lesson.reveal.map((r) => lesson.steps.findIndex((s) => s.id === r.revealAt)));
const DIFFERENTIAL = 'section[aria-label="Differential diagnosis"]';
const CASE_DIR = join(import.meta.dirname, '../../cases', CASE_ID);
const imageCache = new Map<string, CaseImage[]>();
const images = (series: string): CaseImage[] => {
  if (!imageCache.has(series)) imageCache.set(series, seriesImages(CASE_DIR, lesson, series));
  return imageCache.get(series)!;
};
export const LOCAL_DICOM = join(import.meta.dirname, '../../../shared/dicom/pydicom/src/pydicom/data/test_files/MR_small.dcm');

interface Frame {
  series: string;
  index: string;
  state: string;
  box: { x: number; y: number; width: number; height: number };
  /** Arrow tips drawn (SVG lines ending in a marker), on the page. */
  tips: [number, number][];
  wl: string;
}

/** Runs in the page: every viewport frame, with what it shows and where its arrows point. */
function framesInPage(): Record<string, Frame> {
  const out: Record<string, Frame> = {};
  for (const el of document.querySelectorAll<HTMLElement>('[role="img"][data-viewport]')) {
    const r = el.getBoundingClientRect();
    const tips = [...el.querySelectorAll('svg line')]
      .filter((line) => /url\(/.test(line.getAttribute('marker-end') ?? ''))
      .map((line) => {
        const svg = (line as SVGLineElement).ownerSVGElement?.getBoundingClientRect() ?? { left: 0, top: 0 };
        return [Number(line.getAttribute('x2')) + svg.left, Number(line.getAttribute('y2')) + svg.top] as [number, number];
      });
    out[el.dataset.viewport ?? ''] = {
      series: el.dataset.series ?? '',
      index: el.dataset.imageIndex ?? '',
      state: el.dataset.state ?? '',
      box: { x: r.left, y: r.top, width: r.width, height: r.height },
      tips,
      wl: el.querySelector('.bottom-right')?.textContent ?? '',
    };
  }
  return out;
}

async function waitForStep(page: EnginePage, step: number): Promise<void> {
  const want = Object.entries(cueForStep(timeline, step).viewports).map(([name, vp]) => [name, vp.series, String(vp.imageIndex)]);
  try {
    await page.waitUntil(
      (w) => {
        const els = [...document.querySelectorAll<HTMLElement>('[role="img"][data-viewport]')];
        return (
          els.length === w.length &&
          w.every(([name, series, index], i) => {
            const d = els[i]?.dataset;
            return d !== undefined && d.viewport === name && d.series === series && d.imageIndex === index && d.state === 'ready';
          })
        );
      },
      want,
      30_000,
    );
  } catch (e) {
    throw new Error(`step ${step + 1}: wanted ${JSON.stringify(want)}, shown ${JSON.stringify(await page.evaluate(framesInPage, null))}: ${(e as Error).message}`);
  }
}

/** Whether the differential is in the DOM at all, and any of its diagnoses anywhere in the page's markup. */
const answersInDom = (page: EnginePage): Promise<{ region: boolean; leaked: string[] }> =>
  page.evaluate(
    ({ selector, diagnoses }) => {
      const html = document.documentElement.outerHTML.toLowerCase();
      return { region: document.querySelector(selector) !== null, leaked: diagnoses.filter((d) => html.includes(d.toLowerCase())) };
    },
    { selector: DIFFERENTIAL, diagnoses: differential.entries.map((e) => e.diagnosis) },
  );

/** Hides the arrows for a screenshot (a constructed stylesheet: the app's CSP blocks injected <style>). */
const hideArrows = async (page: EnginePage, hide: boolean): Promise<void> => {
  await page.evaluate((on) => {
    const w = window as unknown as { arrowsHidden?: CSSStyleSheet };
    if (on) {
      w.arrowsHidden = new CSSStyleSheet();
      w.arrowsHidden.replaceSync('.viewport svg { visibility: hidden !important; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, w.arrowsHidden];
    } else {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== w.arrowsHidden);
    }
    // Two frames: the change is painted before the screenshot (WebKit's WebDriver would take the old frame).
    return new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  }, hide);
};

/** The drawn tip of one of the cue's arrows: no flip or rotation here, so both sort alike by row then column. */
function tipOf(vp: ViewportCue, arrow: Arrow, tips: [number, number][]): [number, number] {
  const byRow = (p: readonly [number, number]): number => p[1] * 1e5 + p[0];
  const rank = [...vp.arrows].sort((a, b) => byRow(a.tip) - byRow(b.tip)).indexOf(arrow);
  const tip = [...tips].sort((a, b) => byRow(a) - byRow(b))[rank];
  if (!tip) throw new Error(`no drawn tip for arrow "${arrow.label}"`);
  return tip;
}

const shownArrows = (vp: ViewportCue): Arrow[] => vp.arrows.filter((a) => (a.imageIndex ?? vp.imageIndex) === vp.imageIndex);

/**
 * What is wrong with a step's picture: a viewport blank, arrows missing, or the screen's gray under an arrow head
 * unlike the file's pixels at the arrow's tip at the shown window (the arrow is off the anatomy).
 */
async function stepPicture(page: EnginePage, step: number): Promise<{ problems: string[]; arrowsChecked: number }> {
  const cue = cueForStep(timeline, step);
  // The arrows are drawn with the frame after the image (WebKit shows the gap): wait for them as a person would.
  const want = Object.entries(cue.viewports).map(([name, vp]) => [name, shownArrows(vp).length] as const);
  await page
    .waitUntil(
      (w) =>
        w.every(
          ([name, n]) =>
            [...document.querySelectorAll(`[data-viewport="${name}"] svg line`)].filter((l) => /url\(/.test(l.getAttribute('marker-end') ?? '')).length === n,
        ),
      want,
      10_000,
    )
    .catch(() => undefined); // the count is reported below, with the viewport named
  const frames = await page.evaluate(framesInPage, null);
  await hideArrows(page, true);
  const shot = decodePng(await page.screenshot());
  await hideArrows(page, false);
  const problems: string[] = [];
  let arrowsChecked = 0;
  for (const [name, vp] of Object.entries(cue.viewports)) {
    const frame = frames[name];
    const where = `${name} at step ${step + 1}`;
    if (!frame) {
      problems.push(`${where} is missing`);
      continue;
    }
    const sd = patchStats(shot, frame.box.x, frame.box.y, frame.box.width, frame.box.height).sd;
    if (sd <= 15) problems.push(`${where} looks blank (sd ${sd.toFixed(1)})`);
    const arrows = shownArrows(vp);
    if (frame.tips.length !== arrows.length) problems.push(`${where}: ${frame.tips.length} arrows drawn, ${arrows.length} in the cue`);
    if (arrows.length === 0 || frame.tips.length !== arrows.length) continue;
    const wl = /W (-?\d+) L (-?\d+)/.exec(frame.wl);
    if (!wl) {
      problems.push(`${where}: no W/L shown`);
      continue;
    }
    const [width, level] = [Number(wl[1]), Number(wl[2])];
    const image = images(vp.series)[vp.imageIndex]!;
    for (const arrow of arrows) {
      const [x, y] = tipOf(vp, arrow, frame.tips);
      const onScreen = patchStats(shot, x - 2, y - 2, 5, 5).mean;
      const expected = Math.min(255, Math.max(0, ((meanAround(image, arrow.tip[0], arrow.tip[1], 1) - (level - width / 2)) / width) * 255));
      if (Math.abs(onScreen - expected) >= 25) problems.push(`${where}: gray ${onScreen.toFixed(0)} under the arrow "${arrow.label}", the file says ${expected.toFixed(0)}`);
      arrowsChecked++;
    }
  }
  return { problems, arrowsChecked };
}

/**
 * From the library, opens the seed case and goes through every step with "Next step": each shows its cue, ready
 * and not blank, with its arrows drawn where the file's pixels have the gray the screen shows under the arrow
 * head; the differential is absent from the DOM until its step.
 */
export async function playSeedCase(page: EnginePage, baseUrl: string): Promise<void> {
  await page.goto(baseUrl);
  await page.click(`a[href*="#/case/${CASE_ID}"]`);
  let arrowsChecked = 0;
  for (let step = 0; step < timeline.steps.length; step++) {
    if (step > 0) await page.clickButton('Next step');
    // The first step that reveals asks first (a fresh browser, no answer committed): go on as a learner may.
    if (step === firstReveal) await page.clickButton('Reveal anyway');
    await waitForStep(page, step);
    const answers = await answersInDom(page);
    expect(answers.region, `differential shown at step ${step + 1}`).toBe(step >= differentialStep);
    if (step < differentialStep) expect(answers.leaked, `answers in the DOM at step ${step + 1}`).toEqual([]);

    // A screen still settling (the arrows hidden a frame late, a re-layout) is looked at again, as a person would.
    let problems: string[] = [];
    for (let look = 0; look < 3; look++) {
      if (look > 0) await new Promise((r) => setTimeout(r, 300));
      const seen = await stepPicture(page, step);
      problems = seen.problems;
      if (problems.length === 0) {
        arrowsChecked += seen.arrowsChecked;
        break;
      }
    }
    expect(problems, `the picture at step ${step + 1}`).toEqual([]);
  }
  expect(arrowsChecked).toBeGreaterThanOrEqual(4);
  expect(await page.errors()).toEqual([]);
}

/** At step 1, "Reveal now" asks first; only "Show answers" puts the differential into the DOM. */
export async function revealNowShowsAnswers(page: EnginePage, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}#/case/${CASE_ID}/step/1`);
  await waitForStep(page, 0);
  expect((await answersInDom(page)).region).toBe(false);
  await page.clickButton('Reveal now');
  await page.waitUntil(() => document.querySelector('[role="alertdialog"]') !== null, null, 10_000);
  expect(await answersInDom(page)).toEqual({ region: false, leaked: [] });
  await page.clickButton('Show answers');
  await page.waitUntil((s) => document.querySelector(s) !== null, DIFFERENTIAL, 10_000);
  const text = await page.evaluate((s) => document.querySelector(s)?.textContent ?? '', DIFFERENTIAL);
  for (const e of differential.entries) expect(text).toContain(e.diagnosis);
  expect(await page.errors()).toEqual([]);
}

/** A DICOM file chosen with the library's "choose files" input opens as a local case and is drawn. */
export async function opensLocalFile(page: EnginePage, baseUrl: string): Promise<void> {
  await page.goto(baseUrl);
  await page.chooseFiles('.local-files input[type="file"][multiple]', [LOCAL_DICOM]);
  await page.waitUntil(() => document.querySelector('[role="img"][data-viewport="main"][data-state="ready"]') !== null, null, 30_000);
  const frame = (await page.evaluate(framesInPage, null)).main!;
  const shot = decodePng(await page.screenshot());
  // MR_small is a 64x64 head slice: real contrast in the viewport, not an empty or error frame.
  expect(patchStats(shot, frame.box.x, frame.box.y, frame.box.width, frame.box.height).sd).toBeGreaterThan(5);
  expect(await page.errors()).toEqual([]);
}

/** At phone size the case page fits the width (no horizontal scroll) and "Next step" is on screen. */
export async function phoneFits(page: EnginePage, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}#/case/${CASE_ID}/step/1`);
  await waitForStep(page, 0);
  const fit = await page.evaluate(() => {
    const next = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Next step');
    const r = next?.getBoundingClientRect();
    return {
      scrollWidth: document.documentElement.scrollWidth,
      width: innerWidth,
      height: innerHeight,
      next: r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null,
    };
  }, null);
  expect(fit.scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(fit.width);
  expect(fit.next, '"Next step" is missing').not.toBeNull();
  const { left, top, right, bottom } = fit.next!;
  expect(left >= 0 && top >= 0 && right <= fit.width && bottom <= fit.height, `"Next step" off screen: ${JSON.stringify(fit)}`).toBe(true);
  expect(await page.errors()).toEqual([]);
}

/**
 * The walks every engine runs, as tests of the calling file: the seed case step by step, "Reveal now", a local file,
 * and with `phone` a phone-size window.
 */
export function engineWalks(openPage: (width?: number, height?: number) => Promise<EnginePage>, { phone }: { phone: boolean }): void {
  const walk = (name: string, run: (page: EnginePage, baseUrl: string) => Promise<void>, size?: [number, number]): void => {
    it(name, async () => {
      const page = await openPage(...(size ?? []));
      await run(page, inject('baseUrl'));
      await page.close();
    });
  };
  walk('plays every step of the seed case, arrows on the anatomy, answers absent until their step', playSeedCase);
  walk('"Reveal now" asks, then shows the differential', revealNowShowsAnswers);
  walk('renders a DICOM file chosen with the library file input', opensLocalFile);
  if (phone) walk('fits a phone (390x844): no sideways scroll, "Next step" on screen', phoneFits, [390, 844]);
}
