/**
 * The pure parts of loading: the order files come in after the cue's image, how much of the machine the viewer
 * takes, linking while a series is still arriving, and the manifest's "sorted" promise (read, and checked by
 * cases:check on copies of the bundled case).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outwardOrder } from '../../src/viewer/load-order';
import { decodeWorkerCount, imageCacheBytes } from '../../src/viewer/machine-limits';
import { nearestImageIndex } from '../../src/viewer/slice-position';
import { listSeriesFiles } from '../../src/dicom/case-files';
import { checkCase } from '../../src/dicom/check-case';
import { describeProblem } from '../../src/case/errors';
import { folderReader } from '../../scripts/fs-case-reader';
import { parseCase } from '../../src/case/parse';
import { buildTimeline, comingCues, cueForSegment, cueForStep } from '../../src/case/timeline';

const CASE_DIR = join(import.meta.dirname, '../../cases/epidural-aml');
const MB = 1024 * 1024;

describe('loading order and machine limits', () => {
  it('fetches outward from the cue image, every index once', () => {
    expect(outwardOrder(2, 5)).toEqual([2, 3, 1, 4, 0]);
    expect(outwardOrder(0, 3)).toEqual([0, 1, 2]);
    expect(outwardOrder(9, 3)).toEqual([2, 1, 0]);
    expect(outwardOrder(0, 0)).toEqual([]);
    expect(new Set(outwardOrder(96, 192)).size).toBe(192);
  });

  it('leaves a core to the page and sizes the image cache by device memory', () => {
    expect(decodeWorkerCount(2)).toBe(1);
    expect(decodeWorkerCount(4)).toBe(3);
    expect(decodeWorkerCount(32)).toBe(4);
    expect(decodeWorkerCount(undefined)).toBe(1);
    expect(imageCacheBytes(8, null)).toBe(512 * MB);
    expect(imageCacheBytes(4, null)).toBe(256 * MB);
    expect(imageCacheBytes(0.5, null)).toBe(128 * MB);
    expect(imageCacheBytes(undefined, null)).toBe(256 * MB);
    expect(imageCacheBytes(8, '64')).toBe(64 * MB);
    expect(imageCacheBytes(8, 'lots')).toBe(512 * MB);
  });

  it('links to the nearest image among those whose files have arrived', () => {
    const iop: [number, number, number, number, number, number] = [0, 1, 0, 0, 0, -1];
    const at = (x: number) => ({ imageOrientationPatient: iop, imagePositionPatient: [x, 0, 0] as [number, number, number] });
    expect(nearestImageIndex(at(2.1), [at(0), undefined, at(2), at(3)])).toBe(2);
    expect(nearestImageIndex(at(1), [at(0), undefined, undefined])).toBe(0);
    expect(nearestImageIndex(at(1), [undefined])).toBeUndefined();
  });
});

describe('cues to get ready ahead', () => {
  const parsed = parseCase(JSON.parse(readFileSync(join(CASE_DIR, 'case.json'), 'utf8')));
  if (!parsed.ok) throw new Error('the bundled case is invalid');
  const tl = buildTimeline(parsed.value);

  it("are the next segment's and the next step's, never the current one, none past the end", () => {
    const coming = comingCues(tl, 0, 0);
    expect(coming).toContain(cueForSegment(tl, 1));
    expect(coming).toContain(cueForStep(tl, 1));
    expect(coming).not.toContain(cueForSegment(tl, 0));
    const last = tl.segments.length - 1;
    expect(comingCues(tl, last, tl.steps.length - 1)).toEqual([]);
  });
});

describe('the manifest\'s "sorted" promise', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  /** A copy of the bundled case whose t1-pre manifest is rewritten by `edit`. */
  function caseWith(edit: (manifest: { sorted?: unknown; files: string[] }) => void): string {
    const dir = mkdtempSync(join(tmpdir(), 'sorted-'));
    dirs.push(dir);
    cpSync(CASE_DIR, dir, { recursive: true });
    const file = join(dir, 'series', 't1-pre', 'manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { sorted?: unknown; files: string[] };
    edit(manifest);
    writeFileSync(file, JSON.stringify(manifest));
    return dir;
  }

  async function problemsOf(dir: string): Promise<string[]> {
    const json: unknown = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8'));
    return (await checkCase(json, folderReader(dir))).problems.map(describeProblem);
  }

  it('is read from the bundled manifests, which keep it', async () => {
    const listing = await listSeriesFiles({ key: 't1-pre', label: 'x', modality: 'MR', manifest: 'series/t1-pre/manifest.json' }, 0, folderReader(CASE_DIR));
    expect(listing.sorted).toBe(true);
    expect(await problemsOf(CASE_DIR)).toEqual([]);
  });

  it('fails cases:check when the files are not in position order, naming the first misplaced one', async () => {
    const dir = caseWith((m) => {
      [m.files[3], m.files[4]] = [m.files[4] as string, m.files[3] as string];
    });
    expect(await problemsOf(dir)).toContainEqual(
      'series[0].manifest: the manifest says "sorted", but its files are not in position order: series/t1-pre/0004.dcm belongs at position 4, where series/t1-pre/0005.dcm is listed',
    );
  });

  it('is only checked when promised, and must be true or false', async () => {
    expect(await problemsOf(caseWith((m) => {
      delete m.sorted;
      m.files.reverse();
    }))).toEqual([]);
    expect((await problemsOf(caseWith((m) => void (m.sorted = 'yes')))).join('\n')).toMatch(/"sorted": "yes", but it can only be true or false/);
  });
});
