/**
 * What the Firefox and WebKit tests need from a browser, whatever drives it (puppeteer over WebDriver BiDi for
 * Firefox, classic W3C WebDriver for WebKit): a person's actions and a look at the page. Chromium keeps
 * playwright-core (browser.ts); these engines cannot be driven by it here.
 */
export interface EnginePage {
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page: it must not use anything from the test's scope; argument and result travel as JSON. */
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
  /** Waits until `fn` returns true in the page. */
  waitUntil<A>(fn: (arg: A) => boolean, arg: A, timeoutMs: number): Promise<void>;
  /** Clicks, as a mouse does, the button with this accessible name. */
  clickButton(name: string): Promise<void>;
  /** Clicks, as a mouse does, the first element matching a CSS selector. */
  click(selector: string): Promise<void>;
  /** Gives files to an `<input type="file">`, as the file chooser does. */
  chooseFiles(selector: string, paths: readonly string[]): Promise<void>;
  /** The visible part of the page, as a PNG, in CSS pixels (the pixel ratio is 1 in these tests). */
  screenshot(): Promise<Buffer>;
  /** Uncaught exceptions and console errors seen since the page opened (WebKit: since the last `goto`). */
  errors(): Promise<string[]>;
  close(): Promise<void>;
}

/** Polls `check` until it is true or the time is up (for drivers without a wait of their own). */
export async function pollUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
