/**
 * Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi (playwright-core drives only its own patched
 * Firefox, which cannot be downloaded here). One Firefox per test file; each page gets a fresh browser context,
 * so no progress or reveal state carries over from another test.
 */
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import type { EnginePage } from './engine-page';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** One Firefox for a test file: launched before its tests, closed after. Returns a page opener. */
export function useFirefox(): (width?: number, height?: number) => Promise<EnginePage> {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // As in the Chromium tests: no offline shell installed behind each test's back.
      extraPrefsFirefox: { 'dom.serviceWorkers.enabled': false },
    });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async (width = 1400, height = 860) => {
    if (!browser) throw new Error('Firefox is not launched yet');
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width, height });
    return firefoxPage(page, () => context.close());
  };
}

function firefoxPage(page: Page, closeContext: () => Promise<void>): EnginePage {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return {
    goto: async (url) => {
      await page.goto(url);
    },
    // The cast drops puppeteer's handle types: these functions take and give plain JSON.
    evaluate: <A, R>(fn: (arg: A) => R, arg: A) => page.evaluate(fn as (arg: unknown) => R, arg) as Promise<R>,
    waitUntil: async (fn, arg, timeout) => {
      await page.waitForFunction(fn as (arg: unknown) => boolean, { timeout, polling: 100 }, arg);
    },
    // The ARIA selector asks Firefox's accessibility tree, as a screen reader would.
    clickButton: (name) => page.locator(`::-p-aria([name="${name}"][role="button"])`).click(),
    click: (selector) => page.locator(selector).click(),
    chooseFiles: async (selector, paths) => {
      const input = await page.waitForSelector(selector);
      if (!input) throw new Error(`no ${selector}`);
      await (input as ElementHandle<HTMLInputElement>).uploadFile(...paths);
    },
    screenshot: async () => Buffer.from(await page.screenshot()),
    errors: () => Promise.resolve([...errors]),
    close: closeContext,
  };
}
