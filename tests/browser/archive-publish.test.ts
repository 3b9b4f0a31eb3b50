/**
 * Issue 22, items 2 and 3 in the browser: author mode on the seed case exports its cues as presentation states
 * (a zip of GSPS files), then "Send to archive" stores its series and states in the test's Orthanc by STOW-RS
 * (through the app's own "local" server) and hands back a case.json whose series come from there; that case,
 * served as a site would serve it, opens with its images from the archive.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import dicomParser from 'dicom-parser';
import { describe, expect, inject, it } from 'vitest';
import type { CaseFile } from '../../src/case/schema';
import { openPage, useBrowser } from './browser';

const fixture = inject('dicomweb');
const base = inject('baseUrl');
const browserOf = useBrowser();
const PUBLISHED_ID = 'epidural-aml-published';
const GSPS = '1.2.840.10008.5.1.4.1.1.11.1';

describe.skipIf(!fixture)('publishing to the archive', () => {
  it('exports presentation states, sends the case to the archive, and the published case plays from it', async () => {
    const { page, errors } = await openPage(browserOf());
    await page.goto(`${base}#/author/epidural-aml`);
    const archive = page.getByRole('region', { name: 'Archive' });
    const viewer = page.locator('[role="img"][data-viewport]').first();
    await viewer.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });

    const [zipDownload] = await Promise.all([page.waitForEvent('download'), archive.getByRole('button', { name: 'Export presentation states' }).click()]);
    expect(zipDownload.suggestedFilename()).toBe('epidural-aml-presentation-states.zip');
    const entries = unzipSync(new Uint8Array(readFileSync((await zipDownload.path())!)));
    const names = Object.keys(entries);
    expect(names.length).toBe(17);
    for (const name of names) expect(dicomParser.parseDicom(entries[name]!).string('x00080016'), name).toBe(GSPS);
    await expect.poll(() => archive.getByRole('status').textContent()).toBe('Saved 17 presentation states as a zip.');

    await expect.poll(() => archive.getByLabel('Archive').inputValue()).toBe('local');
    const [caseDownload] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      archive.getByRole('button', { name: 'Send to archive' }).click(),
    ]);
    const published = JSON.parse(strFromU8(readFileSync((await caseDownload.path())!))) as CaseFile;
    await expect(archive.getByRole('status').textContent()).resolves.toMatch(/^Stored 60 images and 17 presentation states in “local”/);
    const sources = published.series.map((s) => ('source' in s ? s.source.dicomweb : null));
    expect(sources.every((s) => s?.server === 'local')).toBe(true);

    // The archive now holds the states beside the images, in the images' study.
    const study = sources[0]!.studyInstanceUID;
    const series = (await (await fetch(`${fixture!.orthancUrl}/dicom-web/studies/${study}/series?Modality=PR`)).json()) as Record<string, { Value?: string[] }>[];
    const prSeries = series.map((s) => s['0020000E']?.Value?.[0]);
    const counts = await Promise.all(
      prSeries.map(async (uid) => ((await (await fetch(`${fixture!.orthancUrl}/dicom-web/studies/${study}/series/${uid}/instances`)).json()) as unknown[]).length),
    );
    expect(counts).toContain(17);

    // Served as a static site would serve the lesson alone: the images come from the archive.
    mkdirSync(join(fixture!.casesDir, PUBLISHED_ID));
    writeFileSync(join(fixture!.casesDir, PUBLISHED_ID, 'case.json'), JSON.stringify({ ...published, id: PUBLISHED_ID }));
    const fromSite: string[] = [];
    page.on('request', (r) => {
      if (/\/cases\/[^/]+\/series\//.test(r.url())) fromSite.push(r.url());
    });
    const frames = page.waitForRequest((r) => r.url().includes('/dicom-web/') && r.url().includes('/frames/'));
    await page.goto(`${base}#/case/${PUBLISHED_ID}/step/1`);
    await frames;
    const shown = page.locator('[role="img"][data-viewport]').first();
    await shown.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
    expect(await shown.getAttribute('aria-label')).toMatch(/^MR sagittal T1 pre-contrast, image 8 of 15/);
    expect(fromSite).toEqual([]);
    expect(errors).toEqual([]);
  });
});
