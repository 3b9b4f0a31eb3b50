/**
 * DICOM from the user's own disk: picked in the library, grouped into series, sorted, viewed with the real
 * viewer; files that are not DICOM are listed with the reason; nothing is uploaded.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import dicomParser from 'dicom-parser';
import { afterAll, expect, inject, it } from 'vitest';
import { scanLocalFiles } from '../../src/dicom/local-series';
import { openPage, useBrowser } from './browser';
import { patchStats, pixelsOnly, viewport } from './lesson';

const DICOM = join(import.meta.dirname, '../../../shared/dicom');
const CT_DIR = join(DICOM, 'dcm_qa_ct/In/GE');
const ctFiles = readdirSync(CT_DIR).filter((f) => f.endsWith('.dcm')).map((f) => join(CT_DIR, f));
const MR_SMALL = join(DICOM, 'pydicom/src/pydicom/data/test_files/MR_small.dcm');
const NOT_DICOM = join(DICOM, 'README.md');
const browserOf = useBrowser();

it('opens picked files as an ad-hoc case: one step per series, sorted, every tool, skipped files named', async () => {
  const { page, errors } = await openPage(browserOf());
  const uploads: string[] = [];
  page.on('request', (r) => {
    if (r.method() !== 'GET') uploads.push(`${r.method()} ${r.url()}`);
  });
  await page.goto(inject('baseUrl'));
  const picker = page.getByRole('region', { name: 'Open DICOM files from this computer' });
  // Given in reverse order: the steps and images come out in the scanner's order all the same.
  const shuffled = [...ctFiles].reverse();
  await picker.locator('input[type="file"][multiple]').setInputFiles([NOT_DICOM, MR_SMALL, ...shuffled]);
  await page.waitForURL(/#\/local$/);

  const frame = page.locator('[role="img"][data-viewport="main"]');
  await frame.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
  expect(await page.locator('.step-position').textContent()).toMatch(/^Step 1 of 2/);
  const skipped = page.getByRole('list', { name: 'Skipped files' });
  expect(await skipped.textContent()).toContain('README.md: not a DICOM file');

  // Each step shows one series at its middle image; together they are the CT folder and the single MR.
  const shown: string[] = [];
  for (let step = 0; step < 2; step++) {
    if (step > 0) await page.getByRole('button', { name: 'Next step' }).click();
    await page.waitForFunction((s) => document.querySelector('.step-position')?.textContent?.startsWith(`Step ${s}`), step + 1);
    await frame.and(page.locator('[data-state="ready"]')).waitFor();
    const label = (await frame.getAttribute('aria-label')) ?? '';
    shown.push(label);
    const count = Number(/ of (\d+)$/.exec(label)?.[1]);
    expect(Number(await frame.getAttribute('data-image-index'))).toBe(Math.floor(count / 2));
    const png = await pixelsOnly(viewport(page, 'main'));
    expect(patchStats(png, 0, 0, png.width, png.height).sd).toBeGreaterThan(5);
  }
  expect(shown.map((l) => Number(/ of (\d+)$/.exec(l)?.[1])).sort((a, b) => a - b)).toEqual([1, ctFiles.length]);

  // The viewer's tools work on them: the wheel scrolls the CT.
  const ctStep = shown.findIndex((l) => l.endsWith(`of ${ctFiles.length}`));
  if (ctStep === 0) await page.getByRole('button', { name: 'Previous step' }).click();
  await page.waitForFunction((n) => document.querySelector('[data-viewport="main"]')?.getAttribute('aria-label')?.endsWith(`of ${n}`), ctFiles.length);
  await frame.and(page.locator('[data-state="ready"]')).waitFor();
  const before = Number(await frame.getAttribute('data-image-index'));
  const box = (await frame.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 120);
  await expect.poll(async () => Number(await frame.getAttribute('data-image-index'))).not.toBe(before);

  expect(uploads).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

it('says so when none of the files is a DICOM image', async () => {
  const { page, errors } = await openPage(browserOf());
  await page.goto(inject('baseUrl'));
  await page.locator('.local-files input[type="file"][multiple]').setInputFiles([NOT_DICOM]);
  await page.getByRole('heading', { name: 'No DICOM images among these files' }).waitFor();
  expect(await page.getByRole('list', { name: 'Skipped files' }).textContent()).toContain('README.md: not a DICOM file');
  expect(errors).toEqual([]);
  await page.close();
});

it('the wheel scrolls past a broken image even with the pointer on its error message', async () => {
  // Five CT slices; the one the step opens on (the middle one, in the scanner's order) loses its pixel data.
  const picked = ctFiles.slice(0, 5);
  const scan = await scanLocalFiles(
    picked.map((path) => ({ name: basename(path), size: statSync(path).size, read: async () => new Uint8Array(readFileSync(path)), handle: path })),
  );
  const middle = scan.series[0]!.files[Math.floor(picked.length / 2)]!.handle;
  const dir = mkdtempSync(join(tmpdir(), 'broken-middle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const paths = picked.map((path) => {
    const bytes = readFileSync(path);
    const out = join(dir, basename(path));
    // Cut just before the Pixel Data element: the header still reads, the image cannot be decoded.
    const pixelData = dicomParser.parseDicom(new Uint8Array(bytes)).elements['x7fe00010']!;
    writeFileSync(out, path === middle ? bytes.subarray(0, pixelData.dataOffset - 12) : bytes);
    return out;
  });

  const { page, errors } = await openPage(browserOf());
  await page.goto(inject('baseUrl'));
  await page.locator('.local-files input[type="file"][multiple]').setInputFiles(paths);
  const frame = page.locator('[role="img"][data-viewport="main"]');
  await frame.and(page.locator('[data-state="error"]')).waitFor({ timeout: 60_000 });
  const message = frame.locator('.viewport-message');
  expect(await message.textContent()).toContain(basename(middle));
  const broken = Number(await frame.getAttribute('data-image-index'));
  // The learner's pointer rests on the message: the wheel must still reach the viewer.
  const box = (await message.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 120);
  await frame.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 15_000 });
  expect(Number(await frame.getAttribute('data-image-index'))).not.toBe(broken);
  expect(errors.filter((e) => e.startsWith('pageerror:'))).toEqual([]);
  await page.close();
});

it('a JPEG 2000 file the decoder fails on is refused, not shown with the image decoded before it', async () => {
  // Two files of one series (same UIDs) and one size; the decoder fails on the second without an error.
  const dir = join(DICOM, 'pydicom/src/pydicom/data/test_files');
  const sound = 'JPEG2000.dcm';
  const failing = 'JPEG2000-embedded-sequence-delimiter.dcm';
  const { page, errors } = await openPage(browserOf());
  await page.goto(inject('baseUrl'));
  await page.locator('.local-files input[type="file"][multiple]').setInputFiles([join(dir, sound), join(dir, failing)]);
  const frame = page.locator('[role="img"][data-viewport="main"]');
  const settled = async (index: number): Promise<string> => {
    await page.waitForFunction(
      (i) => {
        const el = document.querySelector<HTMLElement>('[role="img"][data-viewport="main"]');
        return el?.dataset.imageIndex === String(i) && (el.dataset.state === 'ready' || el.dataset.state === 'error');
      },
      index,
      { timeout: 60_000 },
    );
    return (await frame.getAttribute('data-state')) === 'ready' ? 'shown' : ((await frame.locator('.viewport-message').textContent()) ?? '');
  };
  const failingMessage = new RegExp(`^${failing.replace(/\./g, '\\.')}: transfer syntax 1\\.2\\.840\\.10008\\.1\\.2\\.4\\.91 \\(JPEG 2000\\) could not be decoded: the decoder `);
  await frame.and(page.locator('[data-state="ready"], [data-state="error"]')).waitFor({ timeout: 60_000 });
  const start = Number(await frame.getAttribute('data-image-index'));
  const other = 1 - start;
  const box = (await frame.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);

  // Back and forth: from the second visit on, the worker has decoded the sound image just before the failing one.
  const outcomes: Record<number, string[]> = { [start]: [await settled(start)], [other]: [] };
  let at = start;
  for (const index of [other, start, other]) {
    await page.mouse.wheel(0, index > at ? 120 : -120);
    outcomes[index]!.push(await settled(index));
    at = index;
  }
  const [shownAt, refusedAt] = outcomes[start]!.includes('shown') ? [start, other] : [other, start];
  expect(outcomes[shownAt], 'the sound file shows every time').toEqual(['shown', 'shown']);
  for (const o of outcomes[refusedAt]!) expect(o, 'the failing file is refused every time').toMatch(failingMessage);
  expect(errors.filter((e) => e.startsWith('pageerror:'))).toEqual([]);
  await page.close();
});
