/**
 * P14's segment editor with a spoken narration (espeak-ng, three sentences with silences between): an author on
 * dropped files loads it as the draft's recording, sees its waveform, drags one boundary to where a sentence
 * starts and moves another with the keys, plays one segment alone, writes what was said, and exports the
 * package; opened again, the package plays those segments at those times from the same recording.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { strFromU8, unzipSync } from 'fflate';
import { expect, inject, it } from 'vitest';
import type { ParsedCase } from '../../src/case/schema';
import { openPage, useBrowser } from './browser';
import { longerOgg, speechWav } from './speech';
import { unpackCase } from '../../src/dicom/package/unpack';
import { BROWSER_PACKAGE_LIMITS } from '../../src/dicom/package/package-format';

const DICOM = join(import.meta.dirname, '../../../shared/dicom');
const CT_DIR = join(DICOM, 'dcm_qa_ct/In/GE');
const ctFiles = readdirSync(CT_DIR).filter((f) => f.endsWith('.dcm')).map((f) => join(CT_DIR, f));
const MR_SMALL = join(DICOM, 'pydicom/src/pydicom/data/test_files/MR_small.dcm');
const SAID = ['The sagittal images come first.', 'Here the window is narrowed for bone.', 'And this is the mass in the epidural space.'];
const browserOf = useBrowser();

const main = (page: Page): Locator => page.locator('[role="img"][data-viewport]').first();
const ready = (page: Page): Promise<void> => main(page).and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
const valueOf = async (slider: Locator): Promise<number> => Number(await slider.getAttribute('aria-valuenow'));
const audioState = (page: Page): Promise<{ t: number; paused: boolean }> =>
  page.evaluate(() => {
    const a = document.querySelector<HTMLAudioElement>('.recorded-segments audio, audio')!;
    return { t: a.currentTime, paused: a.paused };
  });

/** The tallest the drawn waveform stands (in device pixels) over the canvas columns between two times. */
async function waveHeight(page: Page, from: number, to: number, duration: number): Promise<number> {
  return page.evaluate(
    ([a, z, d]) => {
      const c = document.querySelector<HTMLCanvasElement>('.waveform canvas')!;
      const g = c.getContext('2d')!;
      let tallest = 0;
      for (let x = Math.round((a / d) * c.width); x < Math.round((z / d) * c.width); x++) {
        const column = g.getImageData(x, 0, 1, c.height).data;
        let n = 0;
        // The wave's colour (#8fb3d9), against the segments' dark shading.
        for (let y = 0; y < c.height; y++) if (column[y * 4 + 2]! > 180 && column[y * 4]! > 120) n++;
        tallest = Math.max(tallest, n);
      }
      return tallest;
    },
    [from, to, duration] as const,
  );
}

it('edits recorded segments on the waveform, plays one alone, and exports a package that plays them the same', async () => {
  const speech = speechWav(SAID);
  const [s1, s2, s3] = speech.sentences;
  const { page, errors } = await openPage(browserOf());
  await page.goto(inject('baseUrl'));
  await page.locator('.local-files input[type="file"][multiple]').setInputFiles([MR_SMALL, ...ctFiles]);
  await ready(page);
  await page.getByRole('button', { name: 'Author a case from these files' }).click();
  await ready(page);
  await page.getByLabel('Title', { exact: true }).fill('A recorded lesson');
  await page.getByLabel(/^Title in unknown mode/).fill('A CT and an MR');
  await page.getByLabel(/^Case id/).fill('recorded-demo');
  // Three sentences, three segments: the files gave two (at 0 and 10 s), the first step gets one more (at 5 s).
  await page.getByRole('button', { name: 'Add segment after' }).click();
  await page.getByLabel('Narration recording (audio or video)').setInputFiles(speech.path);

  const list = page.getByRole('list', { name: 'Recorded segments' });
  await expect.poll(() => list.getByRole('listitem').count()).toBe(3);
  expect(await list.getByText('to write', { exact: true }).count()).toBe(3);
  // The waveform shows the speech: tall in a sentence, flat in the silence after it.
  await page.locator('.waveform canvas').waitFor();
  const canvasHeight = await page.locator('.waveform canvas').evaluate((c: HTMLCanvasElement) => c.height);
  await expect.poll(() => waveHeight(page, s1!.start, s1!.end, speech.duration)).toBeGreaterThan(canvasHeight * 0.4);
  expect(await waveHeight(page, s1!.end + 0.2, s2!.start - 0.2, speech.duration)).toBeLessThan(4);

  // Drag segment 2's start (5 s) to where the second sentence starts, with the mouse.
  const canvas = (await page.locator('.waveform').boundingBox())!;
  const xOf = (t: number): number => canvas.x + (t / speech.duration) * canvas.width;
  const start2 = page.getByRole('slider', { name: 'Start of recorded segment 2' });
  const grip = (await start2.boundingBox())!;
  await page.mouse.move(grip.x + grip.width / 2, canvas.y + canvas.height / 2);
  await page.mouse.down();
  await page.mouse.move(xOf(s2!.start), canvas.y + canvas.height / 2, { steps: 8 });
  await page.mouse.up();
  expect(Math.abs((await valueOf(start2)) - s2!.start)).toBeLessThan(0.05);
  // Segment 3's start (10 s, past the recording's end) comes back with the keys: Shift+← by seconds, ← by tenths.
  const pastEnd = list.getByRole('listitem').filter({ hasText: 'starts after the recording ends' });
  expect(await pastEnd.count()).toBe(1);
  const start3 = page.getByRole('slider', { name: 'Start of recorded segment 3' });
  await start3.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowLeft');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  expect(await valueOf(start3)).toBe(6.5);
  expect(Math.abs(6.5 - s3!.start)).toBeLessThan(0.1);
  expect(await pastEnd.count()).toBe(0);
  // One undo step per gesture: Ctrl+Z takes back the key presses together, Ctrl+Shift+Z brings them again.
  await page.keyboard.press('Control+z');
  expect(await valueOf(start3)).toBe(10);
  await page.keyboard.press('Control+Shift+z');
  expect(await valueOf(start3)).toBe(6.5);

  // Segment 2 alone: it plays from its start and stops at segment 3's.
  const seg2Start = await valueOf(start2);
  await list.getByRole('button', { name: 'Play segment 2' }).click();
  await expect.poll(async () => (await audioState(page)).paused).toBe(false);
  const during = await audioState(page);
  expect(during.t).toBeGreaterThanOrEqual(seg2Start - 0.01);
  expect(during.t).toBeLessThan(6.5);
  await expect.poll(async () => (await audioState(page)).paused, { timeout: 10_000 }).toBe(true);
  const after = await audioState(page);
  expect(after.t).toBeGreaterThanOrEqual(6.5);
  expect(after.t).toBeLessThan(6.5 + 0.2);

  for (let n = 1; n <= 3; n++) await page.getByLabel(`What is said in segment ${n}`).fill(SAID[n - 1]!);
  expect(await list.getByText('to write', { exact: true }).count()).toBe(0);
  await expect.poll(() => page.getByRole('status').filter({ hasText: /checks out|to fix/ }).textContent()).toContain('The case checks out.');

  await page.getByRole('button', { name: 'Export package' }).click();
  const review = page.getByRole('dialog', { name: 'Identifying information in these files' });
  await review.waitFor({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), review.getByRole('button', { name: 'Export de-identified package' }).click()]);
  const zipPath = join(mkdtempSync(join(tmpdir(), 'recorded-')), download.suggestedFilename());
  await download.saveAs(zipPath);
  const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
  const exported = JSON.parse(strFromU8(files['case.json']!)) as ParsedCase;
  expect(exported.transcript.map((s) => [s.start, s.text])).toEqual([
    [0, SAID[0]],
    [seg2Start, SAID[1]],
    [6.5, SAID[2]],
  ]);
  // The recording goes in as it was, and its measured length is the lesson's.
  expect(Buffer.from(files[exported.narration!.src]!).equals(readFileSync(speech.path))).toBe(true);
  expect(Math.abs(Number(exported.duration) - speech.duration)).toBeLessThan(0.02);

  // Opened again from the package: playing reaches segment 2 at its time in the recording; step 2 seeks to 6.5 s.
  await page.goto(inject('baseUrl'));
  await page.reload();
  await page.locator('.local-files input[type="file"][accept*="zip"]').setInputFiles(zipPath);
  await page.waitForFunction(() => window.location.hash.startsWith('#/package/recorded-demo'));
  await ready(page);
  const current = page.getByRole('region', { name: 'Transcript' }).locator('[aria-current="true"]');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => current.textContent(), { timeout: 15_000 }).toContain(SAID[1]);
  const reached = await audioState(page);
  expect(reached.t).toBeGreaterThanOrEqual(seg2Start - 0.05);
  expect(reached.t).toBeLessThan(seg2Start + 0.5);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect.poll(() => current.textContent()).toContain(SAID[2]);
  expect((await audioState(page)).t).toBeCloseTo(6.5, 1);
  expect(errors).toEqual([]);
  await page.close();
});

it('keeps a long Ogg recording with its draft over a reload, and says so when the browser refuses to store it', async () => {
  const speech = speechWav(SAID);
  const ogg = longerOgg(speech, 60);
  const { page, errors } = await openPage(browserOf());
  // A full disk, on demand: IndexedDB refuses the recording while the session flag says so.
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'recordings' && sessionStorage.getItem('test-quota') === 'full') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await page.goto(`${inject('baseUrl')}#/author/epidural-aml`);
  await ready(page);
  await page.evaluate(() => sessionStorage.setItem('test-quota', 'full'));
  const picker = page.getByLabel('Narration recording (audio or video)');
  await picker.setInputFiles(ogg);
  await page.getByRole('alert').filter({ hasText: 'could not keep the recording (The quota has been exceeded.)' }).waitFor();
  // It still serves this page: the segments stand on its waveform.
  const list = page.getByRole('list', { name: 'Recorded segments' });
  await list.waitFor();
  await page.locator('.waveform canvas').waitFor();

  // What fit (the draft, naming its narration) comes back after a reload, and the page says the audio did not.
  await page.waitForFunction(() => localStorage.getItem('ctv.author.epidural-aml')?.includes('narration/speech-60s.ogg'));
  await page.reload();
  await ready(page);
  await page.getByText('The narration (narration/speech-60s.ogg) is not kept in this browser').waitFor();
  expect(await list.count()).toBe(0);

  // With room again, the same file is kept, and a reload brings it back with its waveform (peaks from the worker).
  await page.evaluate(() => sessionStorage.removeItem('test-quota'));
  await picker.setInputFiles(ogg);
  await list.waitFor();
  // Kept once IndexedDB holds it under the draft's key (written after the pick, not before).
  const kept = (): Promise<boolean> =>
    page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('ctv-author-recordings');
          open.onsuccess = () => {
            const get = open.result.transaction('recordings').objectStore('recordings').get('epidural-aml');
            get.onsuccess = () => resolve(get.result !== undefined);
            get.onerror = () => resolve(false);
          };
          open.onerror = () => resolve(false);
        }),
    );
  await expect.poll(kept).toBe(true);
  await page.reload();
  await ready(page);
  await list.waitFor();
  await page.locator('.waveform canvas').waitFor();
  const duration = Number(await page.locator('.waveform [role="slider"]').last().getAttribute('aria-valuemax'));
  expect(duration).toBeGreaterThan(59);
  await expect.poll(() => waveHeight(page, speech.sentences[0]!.start, speech.sentences[0]!.end, duration)).toBeGreaterThan(20);
  // A minute is scaled up to set boundaries a second apart: the waveform grows four times wider, and scrolls.
  const view = (await page.locator('.waveform-scroll').boundingBox())!;
  await page.getByRole('slider', { name: 'Waveform scale' }).fill('4');
  await expect.poll(async () => (await page.locator('.waveform').boundingBox())!.width / view.width).toBeGreaterThan(3.9);
  await expect.poll(() => page.locator('.waveform canvas').evaluate((c: HTMLCanvasElement) => c.width - Math.round(c.clientWidth * devicePixelRatio))).toBe(0);
  expect(await page.getByRole('alert').count()).toBe(0);
  // A library case exports as a package too: its own files as they are (de-identified when imported), the draft,
  // and the recording at the path the draft names.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export package' }).click()]);
  const zip = new Uint8Array(readFileSync((await download.path())!));
  const files = unzipSync(zip);
  const exported = JSON.parse(strFromU8(files['case.json']!)) as ParsedCase;
  expect(exported.narration).toEqual({ src: 'narration/speech-60s.ogg', kind: 'audio' });
  // Every check a package opened in the browser or by case:import gets, passed.
  const unpacked = await unpackCase(zip, BROWSER_PACKAGE_LIMITS);
  expect(unpacked.ok ? [] : unpacked.problems).toEqual([]);
  expect(Buffer.from(files['narration/speech-60s.ogg']!).equals(readFileSync(ogg))).toBe(true);
  const seedDicom = readdirSync(join(import.meta.dirname, '../../cases/epidural-aml/series'), { recursive: true }).filter((f) => String(f).endsWith('.dcm'));
  expect(Object.keys(files).filter((f) => f.endsWith('.dcm'))).toHaveLength(seedDicom.length);
  // The editor holds no serious accessibility fault (sliders named and valued, buttons and fields named).
  const axe = await new AxeBuilder({ page }).include('.recorded-segments').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});
