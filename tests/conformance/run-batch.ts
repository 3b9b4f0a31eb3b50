/**
 * One batch of the conformance suite: a folder of real files picked with the library's folder picker (the app's
 * own path for arbitrary files), and every file's outcome read back from the page: skipped with a reason, or each
 * of its images rendered (non-blank pixels) or failed with the viewport's message. The expected grouping and order
 * come from the app's own scanner run here in Node over the same files in the same order.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { scanLocalFiles, type LocalFile } from '../../src/dicom/local-series';
import { walkViewport, type ImageSeen } from '../browser/conformance-walk';

export type Outcome =
  | { kind: 'rendered'; images: number }
  | { kind: 'message'; message: string }
  | { kind: 'blank'; detail: string }
  | { kind: 'not reached'; detail: string };

export interface FileResult {
  name: string;
  outcome: Outcome;
  /** Per image (frame) of the file, when it was shown. */
  images?: ImageSeen[];
}

/** Canvas statistics below these are a blank viewport (black, or one flat grey). */
const MIN_SD = 1;
const MIN_LEVELS = 3;

function localFile(root: string, name: string): LocalFile<string> {
  const path = join(root, name);
  return {
    name,
    size: statSync(path).size,
    read: async (limit) => {
      const bytes = new Uint8Array(readFileSync(path));
      return limit === undefined ? bytes : bytes.slice(0, limit);
    },
    handle: path,
  };
}

/** Strips "name: " from a viewport message that names this file. */
function reasonFor(name: string, message: string): string {
  return message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message;
}

export async function runBatch(page: Page, root: string, folder: string): Promise<FileResult[]> {
  // The order the app receives the files in decides ties in grouping and sorting: note it as the picker hands it over.
  await page.evaluate(() => {
    document.addEventListener(
      'change',
      (e) => {
        const files = (e.target as HTMLInputElement).files;
        (window as unknown as { pickedNames: string[] }).pickedNames = [...(files ?? [])].map((f) => f.webkitRelativePath || f.name);
      },
      { capture: true, once: true },
    );
  });
  await page.locator('.local-files input[type="file"][webkitdirectory]').setInputFiles(join(root, folder));
  const names = await page.evaluate(() => (window as unknown as { pickedNames: string[] }).pickedNames);
  await page.waitForURL(/#\/local$/);
  const scan = await scanLocalFiles(names.map((n) => localFile(root, n)));
  const results: FileResult[] = [];

  if (scan.skipped.length > 0) {
    // The list sits in a <details> that is closed when long: look it up in the DOM, not by role.
    const list = page.locator('ul[aria-label="Skipped files"]');
    await list.waitFor({ state: 'attached', timeout: 60_000 });
    const shown = await list.locator('li').allTextContents();
    for (const s of scan.skipped) {
      const line = shown.find((l) => l.startsWith(`${s.name}: `));
      results.push({
        name: s.name,
        outcome: line ? { kind: 'message', message: line.slice(s.name.length + 2) } : { kind: 'not reached', detail: 'not in the page\'s list of skipped files' },
      });
    }
  }
  if (scan.series.length === 0) return results;

  for (const [k, series] of scan.series.entries()) {
    if (k > 0) await page.getByRole('button', { name: 'Next step' }).click();
    await page.waitForFunction(
      (key) => {
        const el = document.querySelector<HTMLElement>('[role="img"][data-viewport="main"]');
        return el?.dataset.series === key && (el.dataset.state === 'ready' || el.dataset.state === 'error');
      },
      `s${k + 1}`,
      { timeout: 120_000 },
    );
    // The series strip draws every series' middle image once the first step is up: let it finish first, so
    // the walk measures the viewport alone.
    if (k === 0) {
      await page.waitForFunction(() => document.querySelectorAll('[data-thumbnail="loading"]').length === 0, undefined, { timeout: 120_000 });
    }
    const frames = series.files.flatMap((f) => Array.from({ length: Math.max(1, f.header.numberOfFrames) }, () => f.name));
    const seen = await walkViewport(page, frames.length);
    const byIndex = new Map(seen.map((s) => [s.index, s]));
    const firstError = seen.find((s) => s.state === 'error')?.error;
    for (const file of series.files) {
      const indices = frames.flatMap((n, i) => (n === file.name ? [i] : []));
      const images = indices.map((i) => byIndex.get(i));
      const own = images.find((im) => im?.state === 'error' && im.error?.startsWith(`${file.name}: `));
      let outcome: Outcome;
      if (own?.error) outcome = { kind: 'message', message: reasonFor(file.name, own.error) };
      else if (images.some((im) => !im || im.state !== 'ready')) {
        const other = images.find((im) => im?.state === 'error')?.error ?? firstError;
        outcome = { kind: 'not reached', detail: other ? `its series shows: ${other}` : 'its images were not shown' };
      } else if (images.some((im) => im!.sd < MIN_SD || im!.levels < MIN_LEVELS)) {
        const bad = images.find((im) => im!.sd < MIN_SD || im!.levels < MIN_LEVELS)!;
        outcome = { kind: 'blank', detail: `image ${bad.index + 1}: sd ${bad.sd.toFixed(2)}, ${bad.levels} levels` };
      } else outcome = { kind: 'rendered', images: images.length };
      results.push({ name: file.name, outcome, images: images.filter((im): im is ImageSeen => im !== undefined) });
    }
  }
  return results;
}
