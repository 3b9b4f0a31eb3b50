/**
 * Hostile archives: each is refused whole with a message naming the problem, and nothing is written, inside or
 * outside the output folder. The limits are passed lower than their defaults so the bombs stay small.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zipSync, type Zippable } from 'fflate';
import { runImport } from '../../scripts/import/run-import';
import { PYDICOM_DIR, source } from './import-fixtures';
import { lieAboutSize } from '../fixtures/case-package';

const mr = source(join(PYDICOM_DIR, 'MR_small.dcm')).bytes;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'import-zip-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every file and folder under the temp dir, relative to it. */
function tree(root = dir): string[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((e) => {
    const path = join(root, e.name);
    return [relative(dir, path), ...(e.isDirectory() ? tree(path) : [])];
  });
}

async function importZip(zip: Uint8Array, ...extra: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  writeFileSync(join(dir, 'in.zip'), zip);
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImport([join(dir, 'in.zip'), '--out', join(dir, 'cases', 'zip-case'), '--salt', 's', ...extra], {
    log: (l) => out.push(l),
    error: (l) => err.push(l),
  });
  return { code, out, err };
}

async function expectRefused(zip: Uint8Array, message: RegExp, ...extra: string[]): Promise<void> {
  const { code, err } = await importZip(zip, ...extra);
  expect(code).toBe(1);
  expect(err.join('\n')).toMatch(message);
  expect(err.join('\n')).toMatch(/refused: .*Nothing was imported\./);
  expect(tree()).toEqual(['in.zip']);
}

describe('importing from a zip', () => {
  it('imports the DICOM entries of a well-formed archive and notes the others', async () => {
    const { code, err } = await importZip(zipSync({ study: { 'mr.dcm': mr, 'notes.txt': new TextEncoder().encode('hello') } }));
    expect(code).toBe(0);
    expect(err).toContainEqual('skipped: study/notes.txt: not a DICOM file (no "DICM" marker at byte 128)');
    expect(existsSync(join(dir, 'cases', 'zip-case', 'series', 'mr-series-1', '0001.dcm'))).toBe(true);
  });

  it('refuses an entry that climbs out with ".."', async () => {
    await expectRefused(zipSync({ 'good.dcm': mr, '../evil.dcm': mr }), /entry "\.\.\/evil\.dcm" climbs out of the archive folder/);
    expect(existsSync(join(dir, '..', 'evil.dcm'))).toBe(false);
  });

  it('refuses an absolute entry name', async () => {
    const outside = join(dir, 'outside', 'evil.dcm');
    await expectRefused(zipSync({ 'good.dcm': mr, [outside]: mr }), /is an absolute path/);
    await expectRefused(zipSync({ '/etc/x': mr }), /entry "\/etc\/x" is an absolute path/);
    expect(existsSync(outside)).toBe(false);
  });

  it('refuses a drive-letter entry name', async () => {
    await expectRefused(zipSync({ 'C:\\evil.dcm': mr }), /names a drive/);
  });

  it('refuses a symbolic link entry', async () => {
    const link: Zippable = { 'link.dcm': [new TextEncoder().encode('/etc/passwd'), { os: 3, attrs: 0o120777 * 0x10000 }] };
    await expectRefused(zipSync({ 'good.dcm': mr, ...link }), /entry "link\.dcm" is a symbolic link/);
  });

  it('refuses a zip bomb by its declared size', async () => {
    const bomb = zipSync({ 'bomb.dcm': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    await expectRefused(bomb, /entry "bomb\.dcm" declares 8\.0 MB, over the 1\.0 MB limit per entry/, '--max-entry-mb', '1');
  });

  it('refuses a zip bomb that lies about its size, by counting the bytes it really inflates to', async () => {
    const liar = lieAboutSize(zipSync({ 'bomb.dcm': new Uint8Array(8 * 1024 * 1024) }, { level: 9 }), 1000);
    await expectRefused(liar, /entry "bomb\.dcm" inflates to more than 1\.0 MB \(the limit per entry\)/, '--max-entry-mb', '1');
    // Under the limit, the lie is still caught: the real size must match the declared one.
    await expectRefused(liar, /inflates to 8388608 bytes but declares 1000/, '--max-entry-mb', '16');
  });

  it('refuses archives whose entries together pass the total limit', async () => {
    const files: Zippable = {};
    for (let i = 0; i < 4; i++) files[`part${i}.dcm`] = new Uint8Array(400 * 1024);
    await expectRefused(zipSync(files), /inflate to more than 1\.0 MB in total/, '--max-total-mb', '1');
  });

  it('refuses an archive with too many entries', async () => {
    const files: Zippable = {};
    for (let i = 0; i < 30; i++) files[`f${i}.txt`] = new Uint8Array([i]);
    await expectRefused(zipSync(files), /too many entries: 30, the limit is 10/, '--max-entries', '10');
  });

  it('refuses a file that only claims to be a zip', async () => {
    await expectRefused(new TextEncoder().encode('not a zip at all'), /not a zip archive/);
  });

  it('will not write into a folder that already holds something', async () => {
    mkdirSync(join(dir, 'cases', 'zip-case'), { recursive: true });
    writeFileSync(join(dir, 'cases', 'zip-case', 'case.json'), '{}');
    const { code, err } = await importZip(zipSync({ 'mr.dcm': mr }));
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/already exists and is not empty/);
    expect(tree().sort()).toEqual(['cases', 'cases/zip-case', 'cases/zip-case/case.json', 'in.zip']);
  });
});
