/**
 * Debian's WebKitGTK (Safari's engine) driven over classic W3C WebDriver: `WebKitWebDriver` runs under
 * `xvfb-run` (MiniBrowser cannot run headless in this build) on a free port, and a few `fetch` calls speak the
 * protocol. One driver and one browser session per test file; every process they start goes when the file ends,
 * or when the test process ends in any other way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { pollUntil, type EnginePage } from './engine-page';
import { freePort } from '../../scripts/free-port';

export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
/** The key under which W3C WebDriver hands over an element reference. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type ElementRef = { [ELEMENT]: string };

class WebDriverError extends Error {
  constructor(
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Runs in a shell that leads a process group of its own: the driver under xvfb-run, then, when its standard input
 * closes (the test process stopped it, or ended in any way, even killed), ends the whole group: Xvfb, the driver,
 * MiniBrowser and its web and network processes, after removing our folder, where xvfb-run keeps its Xauthority.
 */
const WATCHDOG = `xvfb-run -a -f "$1/Xauthority" -s "-screen 0 1600x1000x24" "$2" --port="$3" &
read -r _ || :
rm -rf "$1"
kill -TERM -$$`;

/** WebKitWebDriver under Xvfb, watched so that nothing it starts can outlive the test process. */
class Driver {
  private exited = false;
  private stderr = '';
  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly url: string,
  ) {
    child.stderr?.on('data', (d: Buffer) => void (this.stderr += d.toString()));
    child.once('exit', () => void (this.exited = true));
    process.once('exit', this.killNow);
  }

  static async start(): Promise<Driver> {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'webkit-driver-'));
    const child = spawn('sh', ['-c', WATCHDOG, 'webkit-watchdog', dir, WEBKIT_DRIVER, String(port)], {
      detached: true,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    const driver = new Driver(child, dir, `http://127.0.0.1:${port}`);
    try {
      await pollUntil(
        async () => {
          if (driver.exited) throw new Error(`WebKitWebDriver stopped: ${driver.stderr}`);
          const status = await fetch(`${driver.url}/status`).catch(() => undefined);
          return status?.ok === true;
        },
        20_000,
        'WebKitWebDriver to answer',
      );
    } catch (e) {
      await driver.stop();
      throw e;
    }
    return driver;
  }

  async command(method: 'GET' | 'POST' | 'DELETE', path: string, body?: Json): Promise<Json> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? (method === 'POST' ? '{}' : undefined) : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const { value } = (await response.json()) as { value: Json };
    if (!response.ok) {
      const v = value as { error?: string; message?: string } | null;
      throw new WebDriverError(v?.error ?? String(response.status), `${method} ${path}: ${v?.error} ${v?.message ?? ''}`);
    }
    return value;
  }

  /** Lets the watchdog end the group, waits for every process of it to be gone, and kills what is left after 5 s. */
  async stop(): Promise<void> {
    process.off('exit', this.killNow);
    this.child.stdin?.end();
    const pid = this.child.pid;
    if (pid !== undefined) {
      await pollUntil(() => Promise.resolve(!groupAlive(pid)), 5000, 'the WebKit processes to end').catch(() => undefined);
    }
    this.killNow();
  }

  private readonly killNow = (): void => {
    if (this.child.pid !== undefined && groupAlive(this.child.pid)) {
      try {
        process.kill(-this.child.pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  };
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** One WebKit for a test file: started before its tests, stopped after. Returns a page opener. */
export function useWebKit(): (width?: number, height?: number) => Promise<EnginePage> {
  let driver: Driver | undefined;
  let session: string | undefined;
  beforeAll(async () => {
    driver = await Driver.start();
    const created = (await driver.command('POST', '/session', {
      capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } },
    })) as { sessionId: string };
    session = created.sessionId;
  });
  afterAll(async () => {
    if (session) await driver?.command('DELETE', `/session/${session}`).catch(() => undefined);
    await driver?.stop();
  });
  return async (width = 1400, height = 860) => {
    if (!driver || !session) throw new Error('WebKit is not started yet');
    const page = webkitPage(driver, `/session/${session}`);
    // One browser for the file: each page starts from a clean slate, without the progress or reveal a previous
    // test left (even one that failed half-way), at the size asked for.
    await page.evaluate(() => {
      try {
        localStorage.clear();
        sessionStorage.clear();
      } catch {
        // about:blank has no storage
      }
    }, null);
    await driver.command('POST', `/session/${session}/url`, { url: 'about:blank' });
    await driver.command('POST', `/session/${session}/window/rect`, { width, height });
    return page;
  };
}

function webkitPage(driver: Driver, base: string): EnginePage {
  const evaluate = async <A, R>(fn: (arg: A) => R, arg: A): Promise<R> =>
    (await driver.command('POST', `${base}/execute/sync`, {
      script: `return (${fn.toString()})(arguments[0]);`,
      args: [arg as Json],
    })) as R;

  /** Finds an element by CSS or XPath, waiting for it to appear as a person would. */
  const find = async (using: 'css selector' | 'xpath', value: string): Promise<string> => {
    let found: string | undefined;
    await pollUntil(
      async () => {
        try {
          found = ((await driver.command('POST', `${base}/element`, { using, value })) as ElementRef)[ELEMENT];
          return true;
        } catch (e) {
          if (e instanceof WebDriverError && e.error === 'no such element') return false;
          throw e;
        }
      },
      30_000,
      value,
    );
    return found!;
  };

  /** Clicks an element, waiting while it is covered or not yet interactable (still loading, say). */
  const clickFound = async (using: 'css selector' | 'xpath', value: string): Promise<void> => {
    await pollUntil(
      async () => {
        const id = await find(using, value);
        try {
          await driver.command('POST', `${base}/element/${id}/click`);
          return true;
        } catch (e) {
          const retry = ['element click intercepted', 'element not interactable', 'stale element reference'];
          if (e instanceof WebDriverError && retry.includes(e.error)) return false;
          throw e;
        }
      },
      30_000,
      `a clickable ${value}`,
    );
  };

  return {
    goto: async (url) => {
      await driver.command('POST', `${base}/url`, { url });
      // Classic WebDriver has no console events: the page keeps what it reports from here on.
      await evaluate(collectErrors, null);
    },
    evaluate,
    waitUntil: (fn, arg, timeout) => pollUntil(() => evaluate(fn, arg), timeout, `${fn.toString().slice(0, 200)}`),
    clickButton: (name) => clickFound('xpath', `//button[normalize-space(.)="${name}" or @aria-label="${name}"]`),
    click: (selector) => clickFound('css selector', selector),
    chooseFiles: async (selector, paths) => {
      const id = await find('css selector', selector);
      await driver.command('POST', `${base}/element/${id}/value`, { text: paths.join('\n') });
    },
    screenshot: async () => Buffer.from((await driver.command('GET', `${base}/screenshot`)) as string, 'base64'),
    errors: () => evaluate(() => (window as unknown as { engineErrors?: string[] }).engineErrors ?? [], null),
    // The session stays for the next page, which clears what this one stored.
    close: async () => {
      await driver.command('POST', `${base}/url`, { url: 'about:blank' });
    },
  };
}

/** Runs in the page: keeps uncaught errors and console errors where `errors()` reads them. */
function collectErrors(): void {
  const w = window as unknown as { engineErrors?: string[] };
  if (w.engineErrors) return;
  const errors: string[] = [];
  w.engineErrors = errors;
  addEventListener('error', (e) => errors.push(`pageerror: ${e.message}`));
  addEventListener('unhandledrejection', (e) => errors.push(`unhandled rejection: ${String((e.reason as Error | undefined)?.message ?? e.reason)}`));
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    errors.push(`console: ${args.map(String).join(' ')}`);
    original(...args);
  };
}
