/**
 * The command line: `case:pack` refuses a failing case and packs a good one; `case:import` of a package writes
 * exactly the case folder, refuses a hostile or broken package with nothing written inside or outside the
 * temp folder, and refuses or (with --deidentify) de-identifies DICOM that does not say it was de-identified.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import dicomParser from 'dicom-parser';
import { strToU8 } from 'fflate';
import { runPack } from '../../scripts/package/run-pack';
import { runImport } from '../../scripts/import/run-import';
import { packCase } from '../../src/dicom/package/pack';
import { checkCase } from '../../src/dicom/check-case';
import { folderReader } from '../../scripts/fs-case-reader';
import { modified } from './import-fixtures';
import { rawZip, SEED_DIR, seedFiles, withCase } from '../fixtures/case-package';
import type { Draft } from '../../src/case/authoring';
import { parseCase } from '../../src/case/parse';
import { narrationPath } from '../../src/ui/author/draft-recording';
import { withRecording } from '../../src/ui/author/narration-export';

let dir: string;
let seed: Map<string, Uint8Array>;

beforeAll(async () => {
  seed = await seedFiles();
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'case-package-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every file and folder under the temp dir, relative to it. */
function tree(root = dir): string[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((e) => {
    const path = join(root, e.name);
    return [relative(dir, path), ...(e.isDirectory() ? tree(path) : [])];
  });
}

type Run = { code: number; out: string[]; err: string[] };

async function run(command: typeof runPack, args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command(args, { log: (l) => out.push(l), error: (l) => err.push(l) });
  return { code, out, err };
}

async function importZip(zip: Uint8Array, ...extra: string[]): Promise<Run> {
  writeFileSync(join(dir, 'in.zip'), zip);
  return run(runImport, [join(dir, 'in.zip'), '--out', join(dir, 'cases', 'epidural-aml'), ...extra]);
}

async function expectRefused(zip: Uint8Array, message: RegExp): Promise<void> {
  const { code, err } = await importZip(zip);
  expect(code).toBe(1);
  expect(err.join('\n')).toMatch(message);
  expect(err.join('\n')).toMatch(/refused\. Nothing was imported\./);
  expect(tree()).toEqual(['in.zip']);
}

const patientIdentityRemoved = (bytes: Uint8Array): string | undefined => dicomParser.parseDicom(bytes).string('x00120062');

describe('case:pack', () => {
  it('packs a case folder into a package that case:import turns back into the same folder', async () => {
    const zip = join(dir, 'seed.zip');
    const packed = await run(runPack, [SEED_DIR, '--out', zip]);
    expect(packed.code).toBe(0);
    expect(packed.out).toContain('note: phantom-truth.json: not packed, case.json does not use it');
    expect(packed.out.at(-1)).toMatch(/^case:pack: wrote .*seed\.zip: 67 files \(12\.\d MB, \d\.\d MB zipped\) of case "epidural-aml"$/);

    const imported = await run(runImport, [zip, '--out', join(dir, 'cases', 'epidural-aml')]);
    expect(imported.err).toEqual([]);
    expect(imported.code).toBe(0);
    const folder = join(dir, 'cases', 'epidural-aml');
    for (const [path, bytes] of seed) expect(Buffer.from(readFileSync(join(folder, path))).equals(bytes), path).toBe(true);
    expect(readFileSync(join(folder, 'README.md'), 'utf8')).toMatch(/^# Multilevel epidural/);
    expect(tree().filter((p) => p.startsWith('cases/') && !p.endsWith('.dcm')).sort()).toEqual([
      'cases/epidural-aml',
      'cases/epidural-aml/README.md',
      'cases/epidural-aml/case.json',
      'cases/epidural-aml/series',
      'cases/epidural-aml/series/ct-thoracic',
      'cases/epidural-aml/series/ct-thoracic/manifest.json',
      'cases/epidural-aml/series/t1-ax-l2',
      'cases/epidural-aml/series/t1-ax-l2/manifest.json',
      'cases/epidural-aml/series/t1-ax-l5s1',
      'cases/epidural-aml/series/t1-ax-l5s1/manifest.json',
      'cases/epidural-aml/series/t1-post',
      'cases/epidural-aml/series/t1-post/manifest.json',
      'cases/epidural-aml/series/t1-pre',
      'cases/epidural-aml/series/t1-pre/manifest.json',
    ]);
    expect((await checkCase(JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8')), folderReader(folder))).problems).toEqual([]);
  });

  it('refuses a case that fails the checks, with the reasons, and writes nothing', async () => {
    const folder = join(dir, 'broken');
    cpSync(SEED_DIR, folder, { recursive: true });
    const c = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8'));
    c.cues[0].at = 'no-such-segment';
    writeFileSync(join(folder, 'case.json'), JSON.stringify(c));
    const { code, err } = await run(runPack, [folder, '--out', join(dir, 'broken.zip')]);
    expect(code).toBe(1);
    expect(err[0]).toMatch(/broken\/case\.json: cues\[0\]\.at: .*no-such-segment/);
    expect(err.at(-1)).toMatch(/was not packed: fix the problems above/);
    expect(existsSync(join(dir, 'broken.zip'))).toBe(false);
  });
});

describe('case:import of a package', () => {
  it('refuses entries that climb out, absolute names and links, writing nothing anywhere', async () => {
    const dcm = seed.get('series/t1-pre/0001.dcm')!;
    await expectRefused(rawZip([...seed, ['../../evil.dcm', dcm]]), /entry "\.\.\/\.\.\/evil\.dcm" climbs out/);
    expect(existsSync(join(dir, '..', 'evil.dcm'))).toBe(false);
    const outside = join(dir, 'outside', 'evil.dcm');
    await expectRefused(rawZip([...seed, [outside, dcm]]), /is an absolute path/);
    expect(existsSync(outside)).toBe(false);
    await expectRefused(rawZip(seed, { 'series/t1-pre/0001.dcm': [strToU8('/etc/passwd'), { os: 3, attrs: 0o120777 * 0x10000 }] }), /is a symbolic link/);
  });

  it('refuses a zip bomb and a package with too many files by the limits given', async () => {
    const bomb = rawZip([['case.json', seed.get('case.json')!]], { 'series/t1-pre/0001.dcm': [new Uint8Array(8 * 1024 * 1024), { level: 9 }] });
    writeFileSync(join(dir, 'in.zip'), bomb);
    const r = await run(runImport, [join(dir, 'in.zip'), '--max-entry-mb', '1']);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/declares 8\.0 MB, over the 1\.0 MB limit per entry/);
    const many = await run(runImport, [join(dir, 'in.zip'), '--max-entries', '1']);
    expect(many.err.join('\n')).toMatch(/too many entries: 2, the limit is 1/);
    expect(tree()).toEqual(['in.zip']);
  });

  it('refuses a case.json that fails validation, naming the field', async () => {
    await expectRefused(packCase(withCase(seed, (c) => void (c.steps[0]!.title = ''))), /case\.json: steps\[0\]\.title: /);
  });

  it('refuses DICOM that does not say it was de-identified, and de-identifies the whole package with --deidentify', async () => {
    const files = new Map(seed);
    const name = 'series/t1-post/0004.dcm';
    files.set(name, modified(seed.get(name)!, (f) => {
      delete f.dict['00120062'];
      f.dict['00100010'] = { vr: 'PN', Value: [{ Alphabetic: 'Doe^Jane' }] };
    }));
    const zip = packCase(files);
    await expectRefused(zip, /1 DICOM files do not say PatientIdentityRemoved YES \(series\/t1-post\/0004\.dcm\): they may identify a patient/);

    const r = await importZip(zip, '--deidentify', '--salt', 'test');
    expect(r.code).toBe(0);
    const folder = join(dir, 'cases', 'epidural-aml');
    const written = readFileSync(join(folder, name));
    expect(patientIdentityRemoved(written)).toBe('YES');
    expect(dicomParser.parseDicom(written).string('x00100010')).toBe('epidural-aml');
    // Every file got new UIDs from one map: the case still fits its images and links.
    const before = dicomParser.parseDicom(seed.get('series/t1-pre/0001.dcm')!).string('x0020000e');
    expect(dicomParser.parseDicom(readFileSync(join(folder, 'series/t1-pre/0001.dcm'))).string('x0020000e')).not.toBe(before);
    expect((await checkCase(JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8')), folderReader(folder))).problems).toEqual([]);
    expect(existsSync(join(folder, 'deid-report.json'))).toBe(true);
  });

  it('writes to cases/<id> named after the case, and never into a folder that holds something', async () => {
    writeFileSync(join(dir, 'in.zip'), packCase(seed));
    const wrongName = await run(runImport, [join(dir, 'in.zip'), '--out', join(dir, 'cases', 'other')]);
    expect(wrongName.code).toBe(2);
    expect(wrongName.err.join('\n')).toMatch(/must be named after the case id "epidural-aml"/);
    mkdirSync(join(dir, 'cases', 'epidural-aml'), { recursive: true });
    writeFileSync(join(dir, 'cases', 'epidural-aml', 'keep.txt'), 'mine');
    const busy = await importZip(packCase(seed));
    expect(busy.code).toBe(1);
    expect(busy.err.join('\n')).toMatch(/already exists and is not empty/);
    expect(tree().sort()).toEqual(['cases', 'cases/epidural-aml', 'cases/epidural-aml/keep.txt', 'in.zip']);
  });
});

describe('a lesson recorded in the browser', () => {
  it('packs with its nameless WebM recording under a path with an extension and its duration, and imports back the same', async () => {
    const folder = join(dir, 'recorded');
    cpSync(SEED_DIR, folder, { recursive: true });
    const parsed = parseCase(JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8')));
    if (!parsed.ok) throw new Error('the seed case does not parse');
    const { duration: _own, ...c } = parsed.value; // a take's draft has no end of its own
    // What author mode holds after a take: the recording as the draft's narration, named by the browser's nothing.
    const recording = { name: '', type: 'audio/webm;codecs=opus' };
    const drafted: Draft = { ...c, narration: { src: narrationPath(recording.name), kind: 'audio' } };
    const lastStart = drafted.transcript.at(-1)!.start;
    const exported = withRecording(drafted, recording, lastStart + 4.321);
    const bytes = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, ...new Array(64).fill(7)]); // an EBML (WebM) header
    mkdirSync(join(folder, 'narration'), { recursive: true });
    writeFileSync(join(folder, exported.narration!.src), bytes);
    writeFileSync(join(folder, 'case.json'), JSON.stringify(exported, null, 2));

    const zip = join(dir, 'recorded.zip');
    const packed = await run(runPack, [folder, '--out', zip]);
    expect(packed.err).toEqual([]);
    expect(packed.code).toBe(0);
    const imported = await run(runImport, [zip, '--out', join(dir, 'cases', 'epidural-aml')]);
    expect(imported.err).toEqual([]);
    const back = JSON.parse(readFileSync(join(dir, 'cases', 'epidural-aml', 'case.json'), 'utf8')) as Draft;
    expect(back.narration).toEqual({ src: 'narration/narration.webm', kind: 'audio' });
    expect(back.duration).toBeCloseTo(lastStart + 4.33, 5);
    expect(Buffer.from(readFileSync(join(dir, 'cases', 'epidural-aml', 'narration/narration.webm'))).equals(bytes)).toBe(true);
  });
});
