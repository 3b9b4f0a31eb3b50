/** Time to first image and scroll throughput, on the app and on the bare Cornerstone page, one cold run each. */
import type { Browser } from 'playwright-core';
import { allViewportsReady, openRun, wheelToEnd } from './run';

/** What the bare page is asked to show: the series (by manifest), the image and window of the app's cue. */
export interface BareTarget {
  manifest: string;
  imageIndex: number;
  imageCount: number;
  window?: { center: number; width: number };
}

export interface Size {
  width: number;
  height: number;
}

const APP_ELEMENT = '[role="img"][data-viewport] > .viewport-element';
const BARE_ELEMENT = '#viewport';

export function bareUrl(base: string, t: BareTarget, size: Size, cpu = false): string {
  const q = new URLSearchParams({ manifest: `/${t.manifest}`, index: String(t.imageIndex), w: String(size.width), h: String(size.height) });
  if (t.window) {
    q.set('center', String(t.window.center));
    q.set('width', String(t.window.width));
  }
  if (cpu) q.set('cpu', '1');
  return `${base}bare/?${q}`;
}

/** Navigation start to the first viewport of the case's first cue ready; also the size of that viewport. */
export async function appFirstImage(browser: Browser, base: string, caseId: string): Promise<{ ms: number; size: Size }> {
  const run = await openRun(browser);
  try {
    await run.page.goto(`${base}#/case/${caseId}/step/1`);
    await run.page.waitForFunction('window.__bench.firstReady !== null', null, { timeout: 60_000, polling: 10 });
    const ms = await run.page.evaluate<number>('window.__bench.firstReady');
    const size = await run.page.evaluate<Size>(`(() => { const r = document.querySelector('${APP_ELEMENT}').getBoundingClientRect();
      return { width: Math.round(r.width), height: Math.round(r.height) }; })()`);
    return { ms, size };
  } finally {
    await run.close();
  }
}

export async function bareFirstImage(browser: Browser, base: string, target: BareTarget, size: Size): Promise<number> {
  const run = await openRun(browser);
  try {
    await run.page.goto(bareUrl(base, target, size));
    await run.page.waitForFunction('window.__bare && (window.__bare.firstImage !== undefined || window.__bare.error)', null, { timeout: 60_000, polling: 10 });
    const error = await run.page.evaluate<string | undefined>('window.__bare.error');
    if (error) throw new Error(`the bare page failed: ${error}`);
    return await run.page.evaluate<number>('window.__bare.firstImage');
  } finally {
    await run.close();
  }
}

/**
 * Images per second while wheeling down through a whole cached series. "Cached" the same way on both pages: the
 * series is first wheeled through end to end (every image decoded into Cornerstone's cache), then timed.
 */
export async function scrollRate(browser: Browser, base: string, page: 'app' | 'bare', caseId: string, target: BareTarget, size: Size): Promise<number> {
  const run = await openRun(browser);
  try {
    if (page === 'app') {
      await run.page.goto(`${base}#/case/${caseId}/step/1`);
      await allViewportsReady(run.page);
    } else {
      await run.page.goto(bareUrl(base, target, size));
      await run.page.waitForFunction('window.__bare && window.__bare.firstImage !== undefined', null, { timeout: 60_000 });
    }
    // The app downloads the rest of the series after the first image: let it finish, as a learner's pause would.
    await run.networkIdle(500, 60_000);
    const selector = page === 'app' ? APP_ELEMENT : BARE_ELEMENT;
    // To one end and back to the other: every image decoded once. Then the timed pass, end to end.
    await wheelToEnd(run.page, selector, 100);
    await wheelToEnd(run.page, selector, -100);
    const timed = await wheelToEnd(run.page, selector, 100);
    if (timed.images < target.imageCount - 1) throw new Error(`the ${page} page scrolled ${timed.images} of ${target.imageCount} images`);
    return (timed.images / timed.ms) * 1000;
  } finally {
    await run.close();
  }
}
