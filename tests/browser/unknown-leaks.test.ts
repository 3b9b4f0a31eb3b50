/**
 * Unknown mode cannot be peeked (issue 19, Done-when): before the reveal no DOM text, attribute value, form value,
 * address or document title names the case (its id, its title) or any term of its answers (every name of its
 * differential and final diagnosis, synonyms included), at the library and at every step before the history.
 * And the diagnosis suggestions, for every two-letter prefix, do not depend on the case: the same lists as for
 * a decoy case with other answers (a shared vocabulary may list "Lymphoma", as long as every case gets it).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { quizKey } from '../../src/case/quiz';
import { packCase } from '../../src/dicom/package/pack';
import { seedFiles } from '../fixtures/case-package';
import { openPage, useBrowser } from './browser';
import { bundledCase, CASE_ID, waitForStep } from './lesson';

const { lesson, timeline } = bundledCase();
const historyStep = lesson.steps.findIndex((s) => s.id === lesson.reveal.find((r) => r.kind === 'history')?.revealAt);
const answerNames = [...new Set((quizKey(lesson)?.entries ?? []).flatMap((e) => e.names))];
const FORBIDDEN = [CASE_ID, lesson.title, ...answerNames];

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whole words only: "AML" is a leak, "html" is not; "NHL" is, "nhlbi" is not. */
const PATTERNS = FORBIDDEN.map((t) => ({ term: t, re: new RegExp(`(?<![a-z0-9])${escape(fold(t))}(?![a-z0-9])`) }));

/** Every string a peek could read: text (also across elements), attributes, form values, the address, the title. */
async function everything(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out = [location.href, decodeURIComponent(location.href), document.title, document.documentElement.textContent ?? ''];
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
      if (n instanceof Element) {
        for (const a of n.attributes) out.push(`${a.name}=${a.value}`);
        if (n instanceof HTMLInputElement || n instanceof HTMLTextAreaElement) out.push(n.value);
      } else out.push(n.textContent ?? '');
    }
    return out;
  });
}

async function leaks(page: Page, where: string): Promise<string[]> {
  const found = new Set<string>();
  for (const s of await everything(page)) {
    const text = fold(s);
    for (const p of PATTERNS) if (p.re.test(text)) found.add(`${where}: "${p.term}" in ${JSON.stringify(s.slice(0, 160))}`);
  }
  return [...found];
}

const PREFIXES = [...'abcdefghijklmnopqrstuvwxyz'].flatMap((a) => [...'abcdefghijklmnopqrstuvwxyz'].map((b) => a + b));

/**
 * What the answer form shows for each prefix typed into "Diagnosis 1": the listbox's and any status line's text and
 * attribute values. 676 prefixes per case: each is put into the focused field as typing does (the value, then an
 * input event, which React handles as the keyboard's), inside the page, so the walk takes a second, not a minute.
 */
async function suggestionsByPrefix(page: Page): Promise<Map<string, string>> {
  const field = page.getByRole('combobox', { name: 'Diagnosis 1' });
  await field.click();
  const shown = await field.evaluate(async (input: HTMLInputElement, prefixes: string[]) => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    const form = input.closest('section') ?? document.body;
    const out: Array<[string, string]> = [];
    for (const prefix of prefixes) {
      setValue?.call(input, prefix);
      input.dispatchEvent(new InputEvent('input', { bubbles: true, data: prefix, inputType: 'insertText' }));
      await Promise.resolve();
      const seen = [...form.querySelectorAll('[role="listbox"], [role="listbox"] *, [role="status"]')].map(
        (n) => `${n.textContent ?? ''}|${[...n.attributes].filter((a) => a.name !== 'id' && a.name !== 'aria-controls').map((a) => a.value).join(',')}`,
      );
      out.push([prefix, seen.join('\n')]);
    }
    return out;
  }, PREFIXES);
  await field.fill('');
  return new Map(shown);
}

const browserOf = useBrowser();

async function unknownLibrary(page: Page): Promise<void> {
  await page.goto(inject('baseUrl'));
  await page.getByRole('button', { name: 'Unknown mode' }).click();
  await page.getByRole('heading', { name: /^Unknown case \d+$/ }).first().waitFor();
}

describe('unknown mode leaks nothing before the reveal', () => {
  it('not in the library, the steps before the history, the address or the title; not after a reload of the address', async () => {
    const { page, errors } = await openPage(browserOf());
    await unknownLibrary(page);
    const found = await leaks(page, 'library');

    await page.getByRole('link', { name: new RegExp(lesson.unknownTitle) }).click();
    await waitForStep(page, timeline, 0, 60_000);
    for (let step = 0; step < historyStep; step++) {
      if (step > 0) {
        await page.getByRole('button', { name: 'Next step' }).click();
        await waitForStep(page, timeline, step);
      }
      found.push(...(await leaks(page, `step ${step + 1}`)));
    }
    // The address follows the step 100 ms later: wait for it, then reload the alias address in a fresh page.
    await page.waitForFunction((n) => location.hash.endsWith(`/step/${n}`), historyStep);
    await page.reload();
    await waitForStep(page, timeline, historyStep - 1, 60_000);
    found.push(...(await leaks(page, 'after a reload')));

    // Presenting from the alias address goes to the neutral address, and a reload of it presents again, there.
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await page.getByRole('group', { name: 'Start presenting' }).getByRole('button', { name: 'From this step, answers hidden' }).click();
    await page.waitForFunction(() => /^#\/present\/[a-z0-9]+$/.test(location.hash));
    await page.reload();
    await page.locator('.lesson.presenting').waitFor({ timeout: 60_000 });
    await waitForStep(page, timeline, historyStep - 1, 60_000);
    found.push(...(await leaks(page, 'presenting, after a reload')));
    await page.getByRole('button', { name: 'Stop presenting' }).click();
    await page.waitForFunction((n) => /^#\/unknown\/[0-9a-f]{12}\/step\/\d+$/.test(location.hash) && location.hash.endsWith(`/step/${n}`), historyStep);

    // An old id link opened in unknown mode works, and its address turns into the alias.
    await page.goto(`${inject('baseUrl')}#/case/${CASE_ID}/step/2`);
    await waitForStep(page, timeline, 1, 60_000);
    await page.waitForFunction(() => location.hash.startsWith('#/unknown/'));
    found.push(...(await leaks(page, 'opened by an id link')));

    expect(found).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('not by a case package: its card, its address (after a reload too, and from an id link) and its page', async () => {
    // The seed case as a package, under a file name that names it, as a teacher's file may.
    const dir = mkdtempSync(join(tmpdir(), 'unknown-package-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const zip = join(dir, `${CASE_ID}.zip`);
    writeFileSync(zip, packCase(await seedFiles()));
    const { page, errors } = await openPage(browserOf());
    await unknownLibrary(page);
    const picker = page.getByRole('region', { name: 'Open DICOM files from this computer' });
    await picker.locator('input[type="file"][accept*=".zip"]').setInputFiles(zip);
    await page.waitForURL(/#\/unknown\/package\/[0-9a-f]{12}$/, { timeout: 60_000 });
    const address = new URL(page.url()).hash;
    await waitForStep(page, timeline, 0, 60_000);
    const found = await leaks(page, 'package page');
    await page.getByRole('button', { name: 'Next step' }).click();
    await waitForStep(page, timeline, 1);
    found.push(...(await leaks(page, 'package page, step 2')));

    // Its card in the library links by the alias.
    await page.getByRole('link', { name: '← Library' }).click();
    const cards = page.getByRole('list', { name: 'Opened case packages' });
    await cards.getByRole('link').waitFor();
    expect(await cards.getByRole('link').getAttribute('href')).toBe(address);
    found.push(...(await leaks(page, 'library with the package')));

    // Kept in this browser: the alias address opens it again after a reload, and an id link turns into the alias.
    await page.goto(`${inject('baseUrl')}${address}`);
    await page.reload();
    await waitForStep(page, timeline, 0, 60_000);
    found.push(...(await leaks(page, 'package page after a reload')));
    await page.goto(`${inject('baseUrl')}#/package/${CASE_ID}`);
    await page.waitForFunction((a) => location.hash === a, address);
    await waitForStep(page, timeline, 0, 60_000);
    found.push(...(await leaks(page, 'package opened by an id link')));

    expect(found).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('the suggestions for every two-letter prefix are the same as for a case with other answers', async () => {
    const { page, errors } = await openPage(browserOf());
    // A decoy: the same images and steps, other answers. Its files are the seed case's.
    const decoy = 'decoy-unknown';
    const raw = JSON.parse(readFileSync(join(import.meta.dirname, `../../cases/${CASE_ID}/case.json`), 'utf8')) as Record<string, unknown>;
    const decoyCase = {
      ...raw,
      id: decoy,
      title: 'Decoy',
      vocabulary: [{ id: 'meningioma', name: 'Meningioma', synonyms: ['Dural meningioma'] }],
      findings: [],
      whyNot: [],
      reveal: (raw.reveal as Array<Record<string, unknown>>).map((r) =>
        r.kind === 'differential'
          ? { ...r, entries: [{ diagnosis: 'Meningioma', vocabularyId: 'meningioma' }, { diagnosis: 'Schwannoma' }] }
          : r.kind === 'diagnosis'
            ? { ...r, diagnosis: 'Meningioma', vocabularyId: 'meningioma' }
            : r,
      ),
    };
    await page.route(`**/cases/${decoy}/**`, async (route) => {
      const url = route.request().url();
      if (url.endsWith('/case.json')) return route.fulfill({ json: decoyCase });
      return route.fulfill({ response: await route.fetch({ url: url.replace(`/cases/${decoy}/`, `/cases/${CASE_ID}/`) }) });
    });
    await unknownLibrary(page);

    await page.goto(`${inject('baseUrl')}#/case/${CASE_ID}/step/1`);
    await waitForStep(page, timeline, 0, 60_000);
    const real = await suggestionsByPrefix(page);
    const realLeaks = await leaks(page, 'after typing');
    await page.goto(`${inject('baseUrl')}#/case/${decoy}/step/1`);
    await waitForStep(page, timeline, 0, 60_000);
    const other = await suggestionsByPrefix(page);

    const differ = PREFIXES.filter((p) => real.get(p) !== other.get(p)).map((p) => `${p}: ${JSON.stringify(real.get(p))} vs ${JSON.stringify(other.get(p))}`);
    const named = [...real.values()].filter((s) => fold(s).includes(fold(lesson.title)) || fold(s).includes(CASE_ID));
    expect({ differ: differ.slice(0, 10), count: differ.length }).toEqual({ differ: [], count: 0 });
    expect(named).toEqual([]);
    expect(realLeaks).toEqual([]);
    expect(errors).toEqual([]);
    // Image requests still in flight through the decoy's route must not outlive the page as unhandled errors.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.close();
  }, 180_000);
});
