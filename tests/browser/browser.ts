/** Launches Debian's Chromium through playwright-core, with the flags this closed network needs. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The learner's "don't ask again" before a step that reveals answers, as a learner who chose it has it: every
 * context of a launched browser starts with it, so a test of another feature walks through the reveal without the
 * question. `openPage(..., { askBeforeReveal: true })` opens a fresh browser's page that asks
 * (tests/browser/reveal-ask.test.ts).
 */
async function chooseNotToBeAsked(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    try {
      if (localStorage.getItem('ctv.ask-before-reveal') === null) localStorage.setItem('ctv.ask-before-reveal', 'never');
    } catch {
      // an opaque origin (about:blank) has no storage
    }
  });
}

/** Each launched browser's own newContext, without the choice above. */
const askingContext = new WeakMap<Browser, Browser['newContext']>();

/** `extraArgs`: a test's own flags (a fake microphone, say). */
export async function launch(extraArgs: readonly string[] = []): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...extraArgs,
    ],
  });
  const newContext = browser.newContext.bind(browser);
  askingContext.set(browser, newContext);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await chooseNotToBeAsked(context);
    return context;
  };
  return browser;
}

/**
 * A page that records console errors and uncaught exceptions, so a test can assert there were none. With
 * `askBeforeReveal` it is a fresh browser's, which asks before a step that reveals answers (see `launch`).
 */
export async function openPage(
  browser: Browser,
  width = 1400,
  height = 860,
  { askBeforeReveal = false }: { askBeforeReveal?: boolean } = {},
): Promise<{ page: Page; errors: string[] }> {
  // An explicit context (closed with its page): axe-core's analysis opens pages of its own in the same context.
  // Service workers off: each test's fresh context would otherwise install the offline app shell (several MB).
  // tests/browser/offline.test.ts turns them on.
  const newContext = askBeforeReveal ? (askingContext.get(browser) ?? browser.newContext.bind(browser)) : browser.newContext.bind(browser);
  const context = await newContext({ viewport: { width, height }, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => undefined)); // the browser may be closing already
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return { page, errors };
}

/** One Chromium for a test file: launched before its tests, closed after. Returns a getter for it. */
export function useBrowser(extraArgs: readonly string[] = []): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch(extraArgs);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not launched yet');
    return browser;
  };
}
