/**
 * Case packages, pure: the seed case packs and unpacks to the same files; hostile or broken packages are
 * refused with a message naming the entry or the case.json field, before anything would be written.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { strToU8, type Zippable } from 'fflate';
import { packCase } from '../../src/dicom/package/pack';
import { unpackCase, type UnpackResult } from '../../src/dicom/package/unpack';
import { describePackageProblem, PackageError } from '../../src/dicom/package/package-files';
import type { ZipLimits } from '../../src/dicom/package/safe-unzip';
import { modified } from './import-fixtures';
import { toWebVtt } from '../../src/case/webvtt';
import { buildTimeline } from '../../src/case/timeline';
import { parseHash } from '../../src/ui/route';
import { caseJsonOf, lieAboutSize, rawZip, seedFiles, withCase } from '../fixtures/case-package';

const MB = 1024 * 1024;
const LIMITS: ZipLimits = { maxEntries: 1000, maxEntryBytes: 16 * MB, maxTotalBytes: 64 * MB };
let seed: Map<string, Uint8Array>;
let seedZip: Uint8Array;

beforeAll(async () => {
  seed = await seedFiles();
  seedZip = packCase(seed);
});

async function refused(zip: Uint8Array, limits = LIMITS): Promise<string> {
  const r = await unpackCase(zip, limits);
  if (r.ok) throw new Error('the package was accepted');
  return r.problems.map(describePackageProblem).join('\n');
}

/** Vitest's deep equality walks typed arrays element by element: far too slow for megabytes of DICOM. */
function expectSameFiles(actual: ReadonlyMap<string, Uint8Array>, expected: ReadonlyMap<string, Uint8Array>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [path, bytes] of expected) expect(Buffer.from(actual.get(path)!).equals(bytes), path).toBe(true);
}

function accepted(r: UnpackResult): Extract<UnpackResult, { ok: true }> {
  if (!r.ok) throw new Error(r.problems.map(describePackageProblem).join('\n'));
  return r;
}

describe('packing and unpacking', () => {
  it('round-trips the seed case: the same files, byte for byte, plus a README with title, credit and file list', async () => {
    expect([...seed.keys()].filter((p) => p.endsWith('.dcm'))).toHaveLength(60);
    const r = accepted(await unpackCase(seedZip, LIMITS));
    const readme = new TextDecoder().decode(r.files.get('README.md'));
    const withoutReadme = new Map([...r.files].filter(([p]) => p !== 'README.md'));
    expectSameFiles(withoutReadme, seed);
    const c = caseJsonOf(seed);
    expect(readme).toContain(`# ${c.title}`);
    expect(readme).toContain(`Images: ${c.imageCredit}`);
    for (const path of seed.keys()) expect(readme).toContain(`- \`${path}\``);
    expect(r.lesson.id).toBe('epidural-aml');
    expect(r.caseJson).toEqual(c);
    expect(r.notDeidentified).toEqual([]);
    expect(r.notes).toEqual([]);
  });

  it('writes the same bytes for the same files, case.json first', () => {
    const again = packCase(new Map([...seed].reverse()));
    expect(Buffer.from(again).equals(seedZip)).toBe(true);
    expect(new TextDecoder().decode(seedZip.subarray(30, 30 + 'case.json'.length))).toBe('case.json');
  });

  it('reads a package zipped as its folder, and leaves out what a package does not hold, saying so', async () => {
    const inFolder = rawZip([
      ...[...seed].map(([p, b]): [string, Uint8Array] => [`epidural-aml/${p}`, b]),
      ['epidural-aml/notes.txt', strToU8('hello')],
      ['epidural-aml/series/t1-pre/extra.dcm', seed.get('series/t1-pre/0001.dcm')!],
      ['__MACOSX/epidural-aml/._case.json', strToU8('resource fork')],
    ]);
    const r = accepted(await unpackCase(inFolder, LIMITS));
    expectSameFiles(r.files, seed);
    expect(r.notes).toContain('the files are inside the folder "epidural-aml/": read from there');
    expect(r.notes.some((n) => n.startsWith('notes.txt: left out, not a file a case package holds'))).toBe(true);
    expect(r.notes.some((n) => n.startsWith('__MACOSX/epidural-aml/._case.json: left out'))).toBe(true);
    expect(r.notes).toContain('series/t1-pre/extra.dcm: left out, case.json does not use it');
  });

  it('keeps narration and WebVTT the case names, and the licence', async () => {
    const audio = new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0]); // an "ID3" mp3 start: kept by name, not played here
    const lesson = accepted(await unpackCase(seedZip, LIMITS)).lesson;
    const vtt = toWebVtt({ steps: lesson.steps, segments: lesson.transcript }, buildTimeline(lesson).segments.map((x) => x.end));
    const files = withCase(seed, (c) => {
      c.narration = { src: 'media/narration.mp3', kind: 'audio' };
      c.transcript = { webvtt: 'media/captions.vtt' } as unknown as typeof c.transcript;
      delete (c as { steps?: unknown }).steps;
    });
    files.set('media/narration.mp3', audio);
    files.set('media/captions.vtt', strToU8(vtt));
    files.set('LICENSE-data.md', strToU8('# Data licence\n'));
    const r = accepted(await unpackCase(packCase(files), LIMITS));
    expect(r.files.get('media/narration.mp3')).toEqual(audio);
    // The captions give every segment its end time; the rest of each segment is the case's own.
    expect(r.lesson.transcript.map(({ end: _end, ...rest }) => rest)).toEqual(lesson.transcript.map(({ end: _end, ...rest }) => rest));
    expect(r.lesson.steps).toEqual(lesson.steps);
    // Without the captions file, the case cannot be read: the field and the file are named.
    const noVtt = new Map(files);
    noVtt.delete('media/captions.vtt');
    expect(await refused(packCase(noVtt))).toMatch(/^case\.json: transcript\.webvtt: cannot read "media\/captions\.vtt": not in the package/);
    expect(r.files.has('LICENSE-data.md')).toBe(true);
    expect(new TextDecoder().decode(r.files.get('README.md'))).toContain('Licence of the images: `LICENSE-data.md`');
  });

  it('lists the DICOM files that do not say PatientIdentityRemoved YES', async () => {
    const files = new Map(seed);
    const name = 'series/t1-post/0003.dcm';
    files.set(name, modified(seed.get(name)!, (f) => void delete f.dict['00120062']));
    const r = accepted(await unpackCase(packCase(files), LIMITS));
    expect(r.notDeidentified).toEqual([name]);
  });

  it('will not pack a file a package does not hold, or an unsafe path', () => {
    const files = new Map([...seed, ['notes.txt', strToU8('x')], ['../up.dcm', seed.get('series/t1-pre/0001.dcm')!]]);
    expect(() => packCase(files)).toThrow(PackageError);
    expect(() => packCase(files)).toThrow(/notes\.txt: cannot go into a package: not DICOM[\s\S]*\.\.\/up\.dcm: cannot go into a package: the path climbs out/);
  });
});

describe('refusing hostile packages', () => {
  const dcm = (): Uint8Array => seed.get('series/t1-pre/0001.dcm')!;

  it('refuses traversal, absolute paths, drives and backslash tricks by the entry name', async () => {
    expect(await refused(rawZip([...seed, ['../evil.dcm', dcm()]]))).toMatch(/^\(package\): refused: entry "\.\.\/evil\.dcm" climbs out/);
    expect(await refused(rawZip([...seed, ['series/../../evil.dcm', dcm()]]))).toMatch(/climbs out/);
    expect(await refused(rawZip([...seed, ['series\\..\\..\\evil.dcm', dcm()]]))).toMatch(/climbs out/);
    expect(await refused(rawZip([...seed, ['/etc/cron.d/evil', dcm()]]))).toMatch(/entry "\/etc\/cron\.d\/evil" is an absolute path/);
    expect(await refused(rawZip([...seed, ['\\evil.dcm', dcm()]]))).toMatch(/is an absolute path/);
    expect(await refused(rawZip([...seed, ['C:\\evil.dcm', dcm()]]))).toMatch(/names a drive/);
    expect(await refused(rawZip([...seed, ['series/./t1-pre/0001.dcm', dcm()]]))).toMatch(/is not a plain relative path/);
    expect(await refused(rawZip([...seed, ['series/t1-pre/\u001b[2Kx.dcm', dcm()]]))).toMatch(/contains a control character/);
  });

  it('refuses a symbolic link entry', async () => {
    const link: Zippable = { 'series/t1-pre/0016.dcm': [strToU8('/etc/passwd'), { os: 3, attrs: 0o120777 * 0x10000 }] };
    expect(await refused(rawZip(seed, link))).toMatch(/entry "series\/t1-pre\/0016\.dcm" is a symbolic link/);
  });

  it('refuses names that would overwrite each other on disk', async () => {
    expect(await refused(rawZip([...seed, ['SERIES/t1-pre/0001.dcm', dcm()]]))).toMatch(/entries "series\/t1-pre\/0001\.dcm" and "SERIES\/t1-pre\/0001\.dcm" differ only in case/);
    expect(await refused(rawZip([...seed, ['series/t1-pre', dcm()]]))).toMatch(/entry "series\/t1-pre" is both a file and a folder/);
  });

  it('refuses a zip bomb over the size limits, counted on the inflated bytes', async () => {
    const bomb = rawZip([], { 'series/t1-pre/bomb.dcm': [new Uint8Array(32 * MB), { level: 9 }] });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(await refused(bomb)).toMatch(/entry "series\/t1-pre\/bomb\.dcm" declares 32\.0 MB, over the 16\.0 MB limit per entry/);
    // One that lies about its size is stopped by counting what it really inflates to.
    expect(await refused(lieAboutSize(bomb, 1000))).toMatch(/entry "series\/t1-pre\/bomb\.dcm" inflates to more than 16\.0 MB \(the limit per entry\)/);
    expect(await refused(seedZip, { ...LIMITS, maxTotalBytes: 4 * MB })).toMatch(/entries inflate to more than 4\.0 MB in total/);
  });

  it('refuses too many files', async () => {
    expect(await refused(seedZip, { ...LIMITS, maxEntries: 20 })).toMatch(/too many entries: 67, the limit is 20/);
  });

  it('refuses a case.json that fails validation, naming the field', async () => {
    const bad = withCase(seed, (c) => void (c.cues[0]!.viewports[Object.keys(c.cues[0]!.viewports)[0]!]!.imageIndex = 99));
    expect(await refused(packCase(bad))).toMatch(/^case\.json: cues\[0\]\.viewports\.\w+\.imageIndex: 99 is past the last image/m);
    const notJson = new Map([...seed, ['case.json', strToU8('{ "formatVersion": 1,')]]);
    expect(await refused(rawZip(notJson))).toMatch(/^case\.json: not valid JSON/);
    const schema = withCase(seed, (c) => void ((c as { title: unknown }).title = 7));
    expect(await refused(packCase(schema))).toMatch(/^case\.json: title: /);
  });

  it('refuses a package missing a file the case uses, or with a broken DICOM file, naming it', async () => {
    const missing = new Map(seed);
    missing.delete('series/ct-thoracic/0007.dcm');
    expect(await refused(packCase(missing))).toMatch(/^case\.json: series\[2\]\.manifest: series\/ct-thoracic\/0007\.dcm: not in the package/m);
    const broken = new Map([...seed, ['series/ct-thoracic/0007.dcm', strToU8('not dicom')]]);
    expect(await refused(rawZip(broken))).toMatch(/series\/ct-thoracic\/0007\.dcm: left out of the package: not a file a case package holds/);
    const narration = withCase(seed, (c) => void (c.narration = { src: 'narration.mp3', kind: 'audio' }));
    expect(await refused(packCase(narration))).toMatch(/^narration\.mp3: named by case\.json but not in the package/);
  });

  it('refuses what a package cannot hold: no case.json, images on a DICOMweb server, narration on another host', async () => {
    expect(await refused(rawZip([['a.dcm', dcm()]]))).toMatch(/^case\.json: missing: a case package has case\.json at its top/);
    const remote = withCase(seed, (c) => void (c.narration = { src: 'https://example.org/n.mp3', kind: 'audio' }));
    expect(await refused(packCase(remote))).toMatch(/^case\.json: narration\.src: should be a path inside the case folder, not a URL/);
    const dicomweb = withCase(seed, (c) => {
      c.series[2] = { ...c.series[2]!, source: { dicomweb: { server: 'local', studyInstanceUID: '1.2.3', seriesInstanceUID: '1.2.3.4' } } } as (typeof c.series)[2];
      delete (c.series[2] as { manifest?: string }).manifest;
    });
    expect(await refused(packCase(dicomweb))).toMatch(/^case\.json: series\[2\]\.source: series "ct-thoracic" is on DICOMweb server "local": a package holds its images/);
  });
});

describe('the package route', () => {
  it('reads #/package (being read) and #/package/<id> (open), nothing else', () => {
    expect(parseHash('#/package')).toEqual({ page: 'package', caseId: null });
    expect(parseHash('#/package/epidural-aml')).toEqual({ page: 'package', caseId: 'epidural-aml' });
    expect(parseHash('#/package/../x').page).toBe('not-found');
  });
});
