/**
 * Screenshots of a case page at phone and tablet sizes in Chromium's mobile emulation, for the README and for
 * looking at a layout by eye. Serve a build first (`npm run build && npx vite preview`), then:
 *   npx tsx scripts/device-screenshots.ts [baseUrl] [outDir] [caseId/step ...]
 * Defaults: http://127.0.0.1:4173/, docs/screenshots, epidural-aml/5.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const DEVICES = [
  { name: 'phone', width: 390, height: 844, scale: 2 },
  { name: 'tablet', width: 820, height: 1180, scale: 1 },
] as const;

const [base = 'http://127.0.0.1:4173/', out = 'docs/screenshots', ...pages] = process.argv.slice(2);
const targets = pages.length ? pages : ['epidural-aml/5'];
const sizes = process.env.SIZES
  ? process.env.SIZES.split(',').map((s) => {
      const [w, h] = s.split('x').map(Number);
      return { name: s, width: w ?? 390, height: h ?? 844, scale: 2 };
    })
  : DEVICES;

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const d of sizes) {
    const context = await browser.newContext({
      viewport: { width: d.width, height: d.height },
      deviceScaleFactor: d.scale,
      isMobile: true,
      hasTouch: true,
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    for (const target of targets) {
      // "caseId/step", or any address after the # ("#/author/epidural-aml"), shown once its page settles.
      const [caseId, step] = target.startsWith('#') ? [target.replace(/[#/]+/g, '-').replace(/^-/, ''), ''] : target.split('/');
      await page.goto(target.startsWith('#') ? `${base}${target}` : `${base}#/case/${caseId}/step/${step || 1}`);
      await page.waitForLoadState('networkidle');
      // A page that is still loading says so in a status line; wait for it to go (author mode reads every image first).
      await page.waitForFunction(() => !document.body.textContent?.includes('Loading'), undefined, { timeout: 60_000 });
      // Every viewport shown has its image, or failed visibly: nothing half-loaded in a screenshot.
      await page.waitForFunction(
        () => {
          const shown = [...document.querySelectorAll<HTMLElement>('[role="img"][data-viewport]')].filter((e) => e.offsetWidth > 0);
          return shown.every((e) => e.dataset.state !== 'loading');
        },
        undefined,
        { timeout: 60_000 },
      );
      await page.waitForTimeout(500); // the arrows draw on the frame after the image
      const file = join(out, pages.length ? `${d.name}-${caseId}-${step}.png` : `device-${d.name}.png`);
      await page.screenshot({ path: file });
      console.log(file);
    }
    await context.close();
  }
} finally {
  await browser.close();
}
