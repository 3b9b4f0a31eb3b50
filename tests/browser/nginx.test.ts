/**
 * Deploy anywhere: the production build served by a real nginx from a sub-path, with the headers of
 * deploy/nginx-site.conf. The library lists the cases, a case opens through its link and plays, WebAssembly
 * arrives with its MIME type, caching follows the rules in docs/DEPLOY.md, and the CSP reports no violation.
 */
import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { bundledCase, CASE_ID, waitForStep } from './lesson';
import { NGINX, startNginx, type NginxSite } from './nginx-server';

const { timeline } = bundledCase();
const browserOf = useBrowser();
const SUB_PATH = '/teaching/viewer/';
let site: NginxSite | undefined;

beforeAll(async () => {
  if (existsSync(NGINX)) site = await startNginx(SUB_PATH);
  else console.warn(`nginx not found at ${NGINX}: the deployment test is skipped (scripts/ensure-nginx.sh installs it)`);
});
afterAll(async () => site?.stop());

it.skipIf(!existsSync(NGINX))('runs from a sub-path of nginx with its headers, and plays a case', async () => {
  const base = site!.url;
  const index = await fetch(base);
  expect(index.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(index.headers.get('cache-control')).toBe('no-cache');
  // The codecs: streamed WebAssembly compilation needs the right MIME type; hashed names may be cached for good.
  const codecs = readdirSync('dist/assets').filter((f) => f.endsWith('.wasm'));
  expect(codecs.length).toBeGreaterThan(0);
  for (const name of codecs) {
    const r = await fetch(`${base}assets/${name}`);
    expect(r.headers.get('content-type')).toBe('application/wasm');
    expect(r.headers.get('cache-control')).toContain('immutable');
  }
  const caseJson = await fetch(`${base}cases/${CASE_ID}/case.json`);
  expect(caseJson.status).toBe(200);
  expect(caseJson.headers.get('cache-control')).toBe('no-cache');

  const context = await browserOf().newContext({ viewport: { width: 1400, height: 860 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const violations: string[] = [];
  await page.addInitScript(
    "document.addEventListener('securitypolicyviolation', (e) => { (window.__csp ??= []).push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber); });",
  );
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });

  await page.goto(base);
  const card = page.locator(`a[href*="#/case/${CASE_ID}"]`);
  await card.click();
  await waitForStep(page, timeline, 0, 60_000);
  expect(page.url()).toContain(`${SUB_PATH}#/case/${CASE_ID}`);
  await page.getByRole('button', { name: 'Next step' }).click();
  await waitForStep(page, timeline, 1);
  violations.push(...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])));
  expect(violations).toEqual([]);
  await context.close();
});
