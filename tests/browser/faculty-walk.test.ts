/**
 * The faculty walk of P11, as a new user makes it: a 3-step case from 40 files of a real sagittal T1 (SAG-anon),
 * with an arrow, a captured view and the final diagnosis; exported as a package after the identifier review;
 * opened again from the library after a reload; presented from the console, which the audience window follows to
 * the reveal. It prints its time and the number of user actions (clicks, fields filled, keys, a scroll), the
 * figures the issue asked to compare (3.8 min and about 57 actions before).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import dicomParser from 'dicom-parser';
import { strFromU8, unzipSync } from 'fflate';
import { expect, inject, it } from 'vitest';
import type { ParsedCase } from '../../src/case/schema';
import { arrowTipsOnScreen } from './arrows';
import { useBrowser } from './browser';

const SAG_DIR = join(import.meta.dirname, '../../../shared/dicom/SAG-anon');
const sagFiles = readdirSync(SAG_DIR).filter((f) => f.endsWith('.dcm')).sort().slice(76, 116).map((f) => join(SAG_DIR, f));
const browserOf = useBrowser();

const main = (page: Page): Locator => page.locator('[role="img"][data-viewport]').first();
const ready = (page: Page): Promise<void> => main(page).and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });

it('makes a 3-step case from SAG-anon files, exports it, opens it again and presents it from the console', async () => {
  const context = await browserOf().newContext({ viewport: { width: 1400, height: 860 }, serviceWorkers: 'block' });
  const errors: string[] = [];
  context.on('weberror', (e) => errors.push(e.error().message));
  const page = await context.newPage();
  let actions = 0;
  /** One thing the user does. */
  const act = async <T,>(step: Promise<T>): Promise<T> => {
    actions++;
    return step;
  };
  const started = Date.now();

  // Make.
  await page.goto(inject('baseUrl'));
  await act(page.locator('.local-files input[type="file"][multiple]').setInputFiles(sagFiles));
  await ready(page);
  await act(page.getByRole('button', { name: 'Author a case from these files' }).click());
  const details = page.getByRole('region', { name: 'Case details' });
  await act(details.getByLabel('Title', { exact: true }).fill('Normal midline anatomy at three years'));
  await act(details.getByLabel(/^Title in unknown mode/).fill('Sagittal T1 of a child'));
  await act(details.getByLabel(/^Case id/).fill('midline-walk'));
  const steps = page.getByRole('region', { name: 'Steps editor' });
  await act(steps.getByLabel('Title of step 1').fill('The corpus callosum'));
  await act(steps.getByRole('button', { name: 'Add step' }).click());
  await act(steps.getByLabel('Title of step 2').fill('The posterior fossa'));
  await act(steps.getByRole('button', { name: 'Add step' }).click());
  await act(steps.getByLabel('Title of step 3').fill('The answer'));

  // Step 1: the midline image the files open on, an arrow on the corpus callosum.
  await act(page.locator('.segment-pick').first().click());
  await act(page.getByLabel('Text of segment 1').fill('Start with the corpus callosum: genu, body and splenium, all there.'));
  await ready(page);
  const frame = main(page);
  const box = (await frame.boundingBox())!;
  await act(page.getByLabel('Arrow label').fill('Corpus callosum'));
  await act(page.getByRole('button', { name: 'Place arrow' }).click());
  const tip: [number, number] = [box.x + box.width * 0.5, box.y + box.height * 0.42];
  await act(page.mouse.click(...tip));
  await act(page.keyboard.press('Escape'));
  await expect.poll(async () => (await arrowTipsOnScreen(page, 'main')).length).toBe(1);

  // Step 2: two images on, captured.
  await act(page.getByRole('button', { name: 'Add segment after' }).click());
  await act(page.getByLabel('Step of segment 2').selectOption({ index: 1 }));
  await act(page.getByLabel('Text of segment 2').fill('Then the fourth ventricle and the vermis below it.'));
  await act(page.getByLabel('Start of segment 2 (s)').fill('20'));
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const before = Number(await frame.getAttribute('data-image-index'));
  await act(page.mouse.wheel(0, 240));
  await expect.poll(async () => Number(await frame.getAttribute('data-image-index'))).not.toBe(before);
  const captured = Number(await frame.getAttribute('data-image-index'));
  await act(page.getByRole('button', { name: 'Capture view' }).click());

  // Step 3 and the answer.
  await act(page.getByRole('button', { name: 'Add segment after' }).click());
  await act(page.getByLabel('Step of segment 3').selectOption({ index: 2 }));
  await act(page.getByLabel('Text of segment 3').fill('Nothing here is abnormal: this is the midline of a healthy three-year-old.'));
  await act(page.getByLabel('Start of segment 3 (s)').fill('40'));
  await act(page.getByRole('button', { name: 'Add final diagnosis' }).click());
  const answer = page.getByRole('group', { name: 'Final diagnosis' });
  await act(answer.getByLabel('Title', { exact: true }).fill('Final diagnosis'));
  await act(answer.getByLabel('Diagnosis', { exact: true }).fill('Normal midline anatomy for age'));
  await act(answer.getByLabel('Proof', { exact: true }).fill('Clinical follow-up'));
  await expect.poll(() => page.getByRole('status').filter({ hasText: /checks out|to fix/ }).textContent()).toContain('The case checks out.');

  // Export: the identifier review, then the package.
  await act(page.getByRole('button', { name: 'Export package' }).click());
  const review = page.getByRole('dialog', { name: 'Identifying information in these files' });
  await review.waitFor({ timeout: 60_000 });
  expect(await review.innerText()).toMatch(/Patient name: replaced/);
  const [download] = await Promise.all([page.waitForEvent('download'), act(review.getByRole('button', { name: 'Export de-identified package' }).click())]);
  const zipPath = join(mkdtempSync(join(tmpdir(), 'walk-')), download.suggestedFilename());
  await download.saveAs(zipPath);
  const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
  const exported = JSON.parse(strFromU8(files['case.json']!)) as ParsedCase;
  expect(exported.steps.map((s) => s.title)).toEqual(['The corpus callosum', 'The posterior fossa', 'The answer']);
  const source = dicomParser.parseDicom(new Uint8Array(readFileSync(sagFiles[0]!)), { untilTag: 'x7fe00010' });
  const dcm = Object.entries(files).filter(([p]) => p.endsWith('.dcm'));
  expect(dcm).toHaveLength(40);
  for (const [path, bytes] of dcm) {
    const ds = dicomParser.parseDicom(bytes, { untilTag: 'x7fe00010' });
    expect(ds.string('x00120062'), path).toBe('YES');
    expect(ds.string('x00100020') ?? '', path).not.toBe(source.string('x00100020'));
  }

  // Reopen: a reload, then the package from the library.
  await act(page.goto(inject('baseUrl')));
  await page.reload();
  await act(page.locator('.local-files input[type="file"][accept*="zip"]').setInputFiles(zipPath));
  await page.waitForFunction(() => window.location.hash.startsWith('#/package/midline-walk'));
  await ready(page);
  expect((await arrowTipsOnScreen(page, 'main')).length).toBe(1);

  // Present, from the console: the audience follows to step 2's captured image and step 3's answer.
  await act(page.getByRole('button', { name: 'Open presenter console' }).click());
  const [consolePage] = await Promise.all([
    context.waitForEvent('page'),
    act(page.getByRole('group', { name: 'Start presenting' }).getByRole('button', { name: 'From the start, answers hidden' }).click()),
  ]);
  await consolePage.getByRole('status').filter({ hasText: 'Audience window: connected' }).waitFor({ timeout: 60_000 });
  await page.locator('.lesson.presenting').waitFor();
  expect(await page.locator('h1').textContent()).toBe('Sagittal T1 of a child');
  await act(consolePage.getByRole('button', { name: 'Next step' }).click());
  await expect.poll(async () => Number(await main(page).getAttribute('data-image-index')), { timeout: 20_000 }).toBe(captured);
  expect(await page.getByRole('region', { name: 'Final diagnosis' }).count()).toBe(0);
  await act(consolePage.getByRole('button', { name: 'Next step' }).click());
  await page.getByRole('region', { name: 'Final diagnosis' }).waitFor({ timeout: 20_000 });

  const seconds = (Date.now() - started) / 1000;
  console.log(`faculty walk: ${actions} actions, ${seconds.toFixed(1)} s (make, export, reopen, present)`);
  expect(errors).toEqual([]);
  await context.close();
});
