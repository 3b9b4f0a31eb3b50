/**
 * prefers-reduced-motion: a cue that sweeps through the images while its segment plays holds still on its own
 * image instead; without the setting the same cue sweeps. The case is the seed case with a sweep added, opened
 * as a package (the same player as the library's cases).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { packCase } from '../../src/dicom/package/pack';
import { seedFiles, withCase } from '../fixtures/case-package';
import { useBrowser } from './browser';

const browserOf = useBrowser();
let dir: string;
let zip: string;
let viewportName = '';
const SWEEP = { from: 2, to: 12 };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'reduced-motion-'));
  zip = join(dir, 'sweep.zip');
  const files = withCase(await seedFiles(), (c) => {
    c.id = 'sweep-case';
    const cue = c.cues[0]!;
    viewportName = Object.keys(cue.viewports)[0]!;
    cue.viewports[viewportName]!.sweep = SWEEP;
    // The sweep is on the step's opening cue: the step lands there, not on its arrow.
    c.steps[0]!.landing = 'first';
  });
  writeFileSync(zip, packCase(files));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function indicesWhilePlaying(reducedMotion: 'reduce' | 'no-preference'): Promise<Set<number>> {
  const context = await browserOf().newContext({ viewport: { width: 1400, height: 860 }, reducedMotion, serviceWorkers: 'block' });
  const page = await context.newPage();
  // The lesson clock at 4x: the first segment's sweep plays in about a second.
  await page.goto(`${inject('baseUrl')}?clock=4`);
  await page.locator('.local-files input[type="file"][accept*=".zip"]').setInputFiles(zip);
  const frame = page.locator(`[role="img"][data-viewport="${viewportName}"]`);
  await frame.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
  const seen = new Set<number>();
  await page.getByRole('button', { name: 'Play' }).click();
  for (let i = 0; i < 12; i++) {
    seen.add(Number(await frame.getAttribute('data-image-index')));
    await page.waitForTimeout(100);
  }
  await context.close();
  return seen;
}

it('sweeps without the setting, and holds still with prefers-reduced-motion', async () => {
  const moving = await indicesWhilePlaying('no-preference');
  expect(moving.size).toBeGreaterThan(2);
  const still = await indicesWhilePlaying('reduce');
  expect(still.size).toBe(1);
});
