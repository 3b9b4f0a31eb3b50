/**
 * Fifty classic script injections in every text a case file or a DICOM header brings (title, steps, transcript,
 * series labels, arrow labels, reveal, vocabulary; file names, series and patient text of local files) are shown
 * as text: no payload runs and no element is injected. The page is loaded with the CSP bypassed, so this checks
 * the escaping itself (the policy is a second wall: csp.test.ts).
 */
import { join } from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { useBrowser } from './browser';
import { hostileDicom } from '../fixtures/hostile-dicom';
import { xssPayload, XSS_PAYLOADS } from '../fixtures/xss-payloads';

const cases = inject('testCases');
const browserOf = useBrowser();
const temp = mkdtempSync(join(tmpdir(), 'xss-local-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

declare global {
  interface Window {
    __xssHit?: (n: number) => void;
    __xssHits?: number[];
  }
}

/** A page where any payload that runs leaves its number behind. */
async function trapPage(browser: Browser): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    window.__xssHits = [];
    window.__xssHit = (n: number) => window.__xssHits!.push(n);
  });
  return { page, errors, close: () => context.close() };
}

/** What a successful injection would leave: calls, event-handler attributes, scripts or frames we did not ship. */
async function traces(page: Page): Promise<{ hits: number[]; injected: string[] }> {
  return page.evaluate(() => {
    const injected: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        if (/^on/i.test(attr)) injected.push(`${el.tagName} ${attr}`);
        if (/^(href|src|action|data|formaction)$/i.test(attr) && /^\s*javascript:/i.test(el.getAttribute(attr) ?? '')) injected.push(`${el.tagName} ${attr}=javascript:`);
      }
      if (['IFRAME', 'OBJECT', 'EMBED', 'BASE', 'META', 'LINK', 'FORM', 'MARQUEE', 'DETAILS'].includes(el.tagName) && el.closest('body')) {
        if (!(el.tagName === 'DETAILS' && el.classList.contains('skipped-files'))) injected.push(el.tagName);
      }
      if (el.tagName === 'SCRIPT' && !(el as HTMLScriptElement).src) injected.push('inline SCRIPT');
    }
    return { hits: window.__xssHits ?? [], injected };
  });
}

it('a case whose every text is a payload shows them all as text, and none runs', async () => {
  const { page, errors, close } = await trapPage(browserOf());
  await page.goto(`${inject('baseUrl')}#/case/${cases.xssId}/step/1`);
  const frame = page.locator('[role="img"][data-viewport="main"]');
  await frame.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
  // The quiz's field suggests from the shared vocabulary only (never the case's payloads) and says what a line is
  // recognised as; the case's names appear only in the comparison after the reveal.
  const combo = page.locator('input[role="combobox"]').first();
  if ((await combo.count()) > 0) {
    await combo.fill('xss');
    await page.locator('.quiz-recognised').first().waitFor();
  }
  for (let step = 1; step < 5; step++) {
    await page.getByRole('button', { name: 'Next step' }).click();
    await page.waitForFunction((s) => document.querySelector('.step-position')?.textContent?.startsWith(`Step ${s} of`), step + 1);
  }
  const reveal = page.getByRole('button', { name: 'Reveal now' });
  while ((await reveal.count()) > 0 && (await reveal.first().isEnabled())) await reveal.first().click();

  const text = (await page.evaluate(() => document.body.textContent)) ?? '';
  const shownAsText = XSS_PAYLOADS.filter((p) => text.includes(p));
  expect(shownAsText.length, 'the transcript alone carries all fifty').toBe(XSS_PAYLOADS.length);
  expect(await page.title()).toContain('xss-');
  expect(await traces(page)).toEqual({ hits: [], injected: [] });
  expect(errors).toEqual([]);
  await close();
});

it('local files whose names and DICOM text are payloads show them as text, and none runs', async () => {
  // File names cannot hold "/", so only the payloads without one go into names; every payload goes into headers.
  const named = XSS_PAYLOADS.map((_, n) => n).filter((n) => !xssPayload(n).includes('/')).slice(0, 12);
  const files = named.map((n, i) => {
    const path = join(temp, `${xssPayload(n)}.dcm`);
    writeFileSync(path, hostileDicom(xssPayload, (i * 5) % XSS_PAYLOADS.length, `1.2.826.0.1.3680043.9.7433.${i + 1}`));
    return path;
  });
  const notDicom = join(temp, `${xssPayload(named[0]!)}.txt`);
  writeFileSync(notDicom, 'just text');
  const { page, errors, close } = await trapPage(browserOf());
  await page.goto(inject('baseUrl'));
  await page.locator('.local-files input[type="file"][multiple]').setInputFiles([...files, notDicom]);
  await page.waitForURL(/#\/local$/);
  await page.locator('[role="img"][data-viewport="main"][data-state="ready"]').waitFor({ timeout: 60_000 });
  for (let step = 1; step < files.length; step++) {
    await page.getByRole('button', { name: 'Next step' }).click();
    await page.waitForFunction((s) => document.querySelector('.step-position')?.textContent?.startsWith(`Step ${s} of`), step + 1);
  }
  await page.locator('[role="img"][data-viewport="main"][data-state="ready"]').waitFor();
  const text = (await page.evaluate(() => document.body.textContent)) ?? '';
  // Series descriptions are the series labels; the text file is listed by its name.
  const labels = files.map((_, i) => xssPayload(((i * 5) % XSS_PAYLOADS.length) + 3));
  expect(labels.filter((l) => !text.includes(l))).toEqual([]);
  expect(text).toContain(`${xssPayload(named[0]!)}.txt: not a DICOM file`);
  expect(await traces(page)).toEqual({ hits: [], injected: [] });
  expect(errors).toEqual([]);
  await close();
});
