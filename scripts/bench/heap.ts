/**
 * Peak memory of the page's main thread while it works, sampled every 100 ms through the DevTools protocol:
 * the JS heap in use, and that plus ArrayBuffer backing stores (decoded pixels and file bytes live there, outside
 * the JS heap proper). Decode workers have heaps of their own and are not counted.
 */
import type { Browser, Page } from 'playwright-core';
import { allViewportsReady, openRun, wheelToEnd } from './run';

export interface HeapPeak {
  /** Peak JS heap in use, bytes. */
  jsHeap: number;
  /** Peak JS heap plus ArrayBuffer backing stores, bytes (absent when the browser does not report them). */
  withBuffers?: number;
}

interface HeapUsage {
  usedSize: number;
  totalSize: number;
  backingStorageSize?: number;
}

async function sampling(page: Page, work: () => Promise<void>): Promise<HeapPeak> {
  const cdp = await page.context().newCDPSession(page);
  const peak: HeapPeak = { jsHeap: 0 };
  const sample = async (): Promise<void> => {
    const u = (await cdp.send('Runtime.getHeapUsage')) as HeapUsage;
    peak.jsHeap = Math.max(peak.jsHeap, u.usedSize);
    if (u.backingStorageSize !== undefined) peak.withBuffers = Math.max(peak.withBuffers ?? 0, u.usedSize + u.backingStorageSize);
  };
  let running = true;
  const loop = (async () => {
    while (running) {
      await sample().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    await work();
    await sample();
  } finally {
    running = false;
    await loop;
    await cdp.detach().catch(() => undefined);
  }
  return peak;
}

/** The seed case opened and stepped through to the end, so every series it has was shown. */
export async function heapAfterCase(browser: Browser, base: string, caseId: string, stepCount: number): Promise<HeapPeak> {
  const run = await openRun(browser);
  try {
    await run.page.goto(`${base}#/case/${caseId}/step/1`);
    return await sampling(run.page, async () => {
      await allViewportsReady(run.page);
      for (let step = 1; step < stepCount; step++) {
        await run.page.keyboard.press('ArrowRight');
        await run.page.waitForTimeout(200);
        await allViewportsReady(run.page);
      }
      await run.networkIdle(1000, 60_000);
    });
  } finally {
    await run.close();
  }
}

/**
 * A long series opened, then wheeled through end to end (every image decoded once; the cache cap applies).
 * `imageCacheMB` sets a smaller cap than the app's own (the page's `?imageCacheMB=` hook), to see it hold.
 */
export async function heapAfterScroll(browser: Browser, base: string, caseId: string, imageCount: number, imageCacheMB?: number): Promise<HeapPeak> {
  const run = await openRun(browser);
  try {
    await run.page.goto(`${base}${imageCacheMB ? `?imageCacheMB=${imageCacheMB}` : ''}#/case/${caseId}/step/1`);
    return await sampling(run.page, async () => {
      await allViewportsReady(run.page);
      await run.networkIdle(1000, 120_000);
      const element = '[role="img"][data-viewport] > .viewport-element';
      await wheelToEnd(run.page, element, 100);
      const back = await wheelToEnd(run.page, element, -100);
      if (back.images < imageCount - 1) throw new Error(`scrolled ${back.images} of ${imageCount} images`);
    });
  } finally {
    await run.close();
  }
}
