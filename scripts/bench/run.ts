/**
 * One measured page: a fresh browser context (cold HTTP cache, no service state), the recorder below installed
 * before any page script, and a count of requests in flight to wait for a quiet network.
 * Page-side code is passed as strings: tsx would wrap named inner functions of a passed function in helpers
 * that the page does not have.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * Records, on the page's own clock (performance.now, from navigation start):
 *  - firstReady: when a viewport of the app first said data-state="ready" (its image and arrows on screen);
 *  - keys: the timeStamp of every keydown, taken before the app sees it;
 *  - renders: when each viewport drew an image (Cornerstone's IMAGE_RENDERED, which bubbles from its element);
 * and turns on the app's render counter (window.__renderCounts, see src/ui/render-count.ts).
 */
const RECORDER = `
  window.__bench = { firstReady: null, keys: [], renders: [] };
  document.addEventListener('CORNERSTONE_IMAGE_RENDERED', () => window.__bench.renders.push(performance.now()), true);
  window.__renderCounts = {};
  new MutationObserver(() => {
    if (window.__bench.firstReady === null && document.querySelector('[role="img"][data-viewport][data-state="ready"]')) {
      window.__bench.firstReady = performance.now();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  window.addEventListener('keydown', (e) => window.__bench.keys.push(e.timeStamp), true);
`;

export interface Run {
  context: BrowserContext;
  page: Page;
  /** Resolves once no request has been in flight for `quietMs` (or after `timeoutMs`, whatever is pending). */
  networkIdle(quietMs?: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export const VIEWPORT_SIZE = { width: 1400, height: 860 };

/**
 * `serviceWorkers: 'block'` measures what a page itself loads; by default the app's offline worker may install,
 * as on a learner's first visit (it waits for the page to settle: src/ui/offline/register-worker.ts).
 */
export async function openRun(browser: Browser, serviceWorkers: 'allow' | 'block' = 'allow'): Promise<Run> {
  const context = await browser.newContext({ viewport: VIEWPORT_SIZE, serviceWorkers });
  await context.addInitScript(RECORDER);
  const page = await context.newPage();
  let inflight = 0;
  let lastChange = Date.now();
  const change = (d: number): void => {
    inflight += d;
    lastChange = Date.now();
  };
  context.on('request', () => change(1));
  context.on('requestfinished', () => change(-1));
  context.on('requestfailed', () => change(-1));
  page.on('pageerror', (e) => console.warn(`bench: page error: ${e.message}`));
  return {
    context,
    page,
    async networkIdle(quietMs = 500, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        if (inflight <= 0 && Date.now() - lastChange >= quietMs) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => context.close(),
  };
}

/** Waits for every viewport of the app to be ready (at least one shown). */
export async function allViewportsReady(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    `(() => { const v = [...document.querySelectorAll('[role="img"][data-viewport]')];
       return v.length > 0 && v.every((e) => e.dataset.state === 'ready'); })()`,
    null,
    { timeout, polling: 20 },
  );
}

/**
 * Wheels a viewport to one end of its stack, closed loop: the next wheel is sent as soon as the image the previous
 * one brought up has been rendered (a new stack image, then its render; renders without a new image, e.g. after a
 * layout change, are not counted). The end is reached when a wheel brings up nothing within a second. Resolves
 * with the images shown and the milliseconds from the first wheel to the last image's render. Works on the app
 * and on the bare page alike (both listen on the element Cornerstone was given).
 */
export async function wheelToEnd(page: Page, selector: string, deltaY: number): Promise<{ images: number; ms: number }> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const el = document.querySelector(${JSON.stringify(selector)});
    if (!el) return reject(new Error('no element ${selector}'));
    const r = el.getBoundingClientRect();
    const at = { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
    let images = 0;
    let pending = false;
    let last = 0;
    let watchdog = 0;
    const t0 = performance.now();
    const done = () => {
      el.removeEventListener('CORNERSTONE_IMAGE_RENDERED', onRender);
      el.removeEventListener('CORNERSTONE_STACK_NEW_IMAGE', onNewImage);
      resolve({ images, ms: last - t0 });
    };
    const wheel = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(done, 1000);
      el.dispatchEvent(new WheelEvent('wheel', { ...at, deltaY: ${deltaY}, deltaMode: 0, bubbles: true, cancelable: true }));
    };
    const onNewImage = () => { pending = true; };
    const onRender = () => {
      if (!pending) return;
      pending = false;
      images++;
      last = performance.now();
      wheel();
    };
    el.addEventListener('CORNERSTONE_STACK_NEW_IMAGE', onNewImage);
    el.addEventListener('CORNERSTONE_IMAGE_RENDERED', onRender);
    wheel();
  })`);
}
