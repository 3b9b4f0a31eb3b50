/** Images whose pixels may show a name are quarantined unless --force: burned-in annotation, secondary and screen captures. */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importCase, type SourceFile } from '../../src/dicom/import/import-case';
import { setValues, type DicomFile } from '../../src/dicom/deid/dataset';
import { runImport } from '../../scripts/import/run-import';
import { modified, PYDICOM_DIR, source } from './import-fixtures';

const mr = source(join(PYDICOM_DIR, 'MR_small.dcm'));

/** MR_small as a new instance of its own series, changed by `change`. */
function variant(name: string, n: number, change: (f: DicomFile) => void): SourceFile {
  return {
    name,
    bytes: modified(mr.bytes, (f) => {
      setValues(f.meta, '00020003', 'UI', [`1.2.826.0.1.3680043.98.${n}`]);
      setValues(f.dict, '00080018', 'UI', [`1.2.826.0.1.3680043.98.${n}`]);
      change(f);
    }),
  };
}

const SC = '1.2.840.10008.5.1.4.1.1.7';
const cases: [string, SourceFile, RegExp][] = [
  ['burned-in annotation', variant('burned.dcm', 1, (f) => setValues(f.dict, '00280301', 'CS', ['YES'])), /BurnedInAnnotation \(0028,0301\) is YES/],
  ['a secondary capture', variant('sc.dcm', 2, (f) => {
    setValues(f.meta, '00020002', 'UI', [SC]);
    setValues(f.dict, '00080016', 'UI', [SC]);
  }), /Secondary Capture image/],
  ['a screenshot ImageType', variant('screen.dcm', 3, (f) => setValues(f.dict, '00080008', 'CS', ['DERIVED', 'SECONDARY', 'SCREEN SHOT'])), /ImageType \(0008,0008\) contains SCREEN SHOT/],
];

describe('refusing images that may show a name in their pixels', () => {
  for (const [what, file, reason] of cases) {
    it(`quarantines ${what}, and imports it with force`, () => {
      const refused = importCase([mr, file], { caseId: 'refusal', salt: 's' });
      expect(refused.quarantined).toEqual([{ file: file.name, reason: expect.stringMatching(reason) }]);
      expect(refused.series.flatMap((s) => s.files)).toHaveLength(1);
      expect(refused.report.quarantineReasons).toEqual({ [refused.quarantined[0]!.reason]: 1 });

      const forced = importCase([mr, file], { caseId: 'refusal', salt: 's', force: true });
      expect(forced.quarantined).toEqual([]);
      expect(forced.forced).toEqual([{ file: file.name, reason: expect.stringMatching(reason) }]);
      expect(forced.series.flatMap((s) => s.files)).toHaveLength(2);
    });
  }
  it('accepts a burned-in annotation of NO', () => {
    const no = variant('no.dcm', 4, (f) => setValues(f.dict, '00280301', 'CS', ['NO']));
    expect(importCase([no], { caseId: 'refusal', salt: 's' }).quarantined).toEqual([]);
  });
});

describe('the command line on a folder with a burned-in image', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runImport(args, { log: (l) => out.push(l), error: (l) => err.push(l) });
    return { code, out, err };
  }

  it('names the quarantined file and its reason, imports the rest, and takes it with --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-refusal-'));
    dirs.push(dir);
    const input = join(dir, 'in');
    mkdirSync(input);
    for (const s of [mr, cases[0]![1]]) writeFileSync(join(input, s.name), s.bytes);
    const plain = await run([input, '--out', join(dir, 'out', 'plain-case'), '--salt', 's']);
    expect(plain.code).toBe(0);
    expect(plain.err).toContainEqual(expect.stringMatching(/^quarantined: burned\.dcm: BurnedInAnnotation \(0028,0301\) is YES.*--force/));
    expect(readdirSync(join(dir, 'out', 'plain-case', 'series'))).toEqual(['mr-series-1']);
    expect(readdirSync(join(dir, 'out', 'plain-case', 'series', 'mr-series-1'))).toEqual(['0001.dcm', 'manifest.json']);

    const forced = await run([input, '--out', join(dir, 'out', 'forced-case'), '--salt', 's', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.err).toContainEqual(expect.stringMatching(/^forced: burned\.dcm: /));
    expect(readdirSync(join(dir, 'out', 'forced-case', 'series'))).toEqual(['mr-series-1']);
    expect(readdirSync(join(dir, 'out', 'forced-case', 'series', 'mr-series-1'))).toEqual(['0001.dcm', '0002.dcm', 'manifest.json']);
  });
});
