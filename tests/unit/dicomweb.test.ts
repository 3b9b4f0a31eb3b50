/**
 * DICOMweb without a server: the DICOM JSON reader gives the same header as dicom-parser does for the same file,
 * the case format takes a `source.dicomweb` series and checks its server against the app's allowlist, and
 * cases:check says what it did not check.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { asDatasets, headerFromDicomJson, type DicomJsonDataset } from '../../src/dicom/dicom-json';
import { readHeader } from '../../src/dicom/header';
import { sortHeaders } from '../../src/dicom/sort';
import { parseCase } from '../../src/case/parse';
import { describeProblem } from '../../src/case/errors';
import { dicomwebBaseUrl, parseAppConfig } from '../../src/dicom/app-config';
import { checkCase } from '../../src/dicom/check-case';
import { folderReader } from '../../scripts/fs-case-reader';
import { dicomwebVariant } from '../fixtures/dicomweb-case';

const ROOT = join(import.meta.dirname, '../..');
const CASE_DIR = join(ROOT, 'cases/epidural-aml');
const dcmjs = createRequire(import.meta.url)('dcmjs') as {
  data: { DicomMessage: { readFile(buffer: ArrayBuffer): { dict: DicomJsonDataset } } };
};

/** A file's data set in the DICOM JSON model, as a server would send its metadata (without the pixels). */
function asDicomJson(bytes: Uint8Array): DicomJsonDataset {
  const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const dict = dcmjs.data.DicomMessage.readFile(copy).dict;
  delete dict['7FE00010'];
  return asDatasets([JSON.parse(JSON.stringify(dict))], 'test')[0]!;
}

const seriesFiles = (key: string): string[] =>
  readdirSync(join(CASE_DIR, 'series', key)).filter((f) => f.endsWith('.dcm')).map((f) => join(CASE_DIR, 'series', key, f));

describe('DICOM JSON headers', () => {
  it('read the same facts as dicom-parser from the same files, and sort the same', () => {
    for (const key of ['t1-pre', 't1-post', 'ct-thoracic']) {
      const fromFiles = seriesFiles(key).map((f) => readHeader(new Uint8Array(readFileSync(f)), f));
      const fromJson = seriesFiles(key).map((f) => headerFromDicomJson(asDicomJson(new Uint8Array(readFileSync(f))), f));
      // A metadata answer has no file meta group: everything else must agree.
      const comparable = ({ transferSyntaxUID: _t, ...h }: (typeof fromFiles)[number]) => h;
      expect(fromJson.map(comparable)).toEqual(fromFiles.map(comparable));
      expect(sortHeaders(fromJson).map((h) => h.fileName)).toEqual(sortHeaders(fromFiles).map((h) => h.fileName));
    }
  });

  it('take numbers sent as text (DS, IS) and name the instance when something is missing', () => {
    const ds: DicomJsonDataset = {
      '0020000E': { vr: 'UI', Value: ['1.2.3'] },
      '00280010': { vr: 'US', Value: [64] },
      '00280011': { vr: 'US', Value: [32] },
      '00200032': { vr: 'DS', Value: ['1.5', '-2', '3e1'] },
      '00281050': { vr: 'DS', Value: [' 40 '] },
      '00281051': { vr: 'DS', Value: ['400', '80'] },
      '00200013': { vr: 'IS', Value: ['7'] },
    };
    const h = headerFromDicomJson(ds, 'instance 7');
    expect(h.imagePositionPatient).toEqual([1.5, -2, 30]);
    expect([h.windowCenter, h.windowWidth, h.instanceNumber, h.rows, h.columns]).toEqual([40, 400, 7, 64, 32]);
    expect(() => headerFromDicomJson({ '0020000E': ds['0020000E']! }, 'instance 9')).toThrow(/^instance 9: not an image: it has no Rows\/Columns/);
  });

  it('refuse answers that are not lists of data sets', () => {
    expect(() => asDatasets({ x: 1 }, 'the metadata request')).toThrow(/^the metadata request did not answer a list/);
    expect(() => asDatasets([{ '0020000E': { Value: ['1'] } }], 'the search')).toThrow(/item 1 has a malformed attribute "0020000E"/);
  });
});

describe('the app config (config.json)', () => {
  it('lists servers by id; paths resolve on the page\'s origin', () => {
    const r = parseAppConfig({ dicomwebServers: { local: { url: '/dicom-web/' }, pacs: { url: 'https://pacs.example.org/wado' } } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(dicomwebBaseUrl(r.value, 'local', 'http://127.0.0.1:4173/index.html#/case/x')).toBe('http://127.0.0.1:4173/dicom-web');
    expect(dicomwebBaseUrl(r.value, 'pacs', 'http://127.0.0.1:4173/')).toBe('https://pacs.example.org/wado');
    expect(dicomwebBaseUrl(r.value, 'toString', 'http://127.0.0.1:4173/')).toBeUndefined();
  });

  it('names the path of a bad entry', () => {
    const r = parseAppConfig({ dicomwebServers: { local: { url: 'javascript:alert(1)' } } });
    expect(r.ok ? [] : r.problems.map(describeProblem)).toEqual([
      expect.stringMatching(/^dicomwebServers\.local\.url: a path on this host/),
    ]);
  });

  it('is what public/config.json holds: the "local" server the tests use', () => {
    const r = parseAppConfig(JSON.parse(readFileSync(join(ROOT, 'public/config.json'), 'utf8')));
    expect(r.ok && r.value.dicomwebServers.local?.url).toBe('/dicom-web');
  });
});

describe('DICOMweb series in a case', () => {
  const variant = () => dicomwebVariant(CASE_DIR, { id: 'epidural-aml-dicomweb', server: 'local' });
  const servers = { dicomwebServers: new Set(['local']) };

  it('parse, with the UIDs of the files', () => {
    const r = parseCase(variant(), servers);
    expect(r.ok).toBe(true);
    const first = r.ok ? r.value.series[0] : undefined;
    expect(first && 'source' in first ? first.source.dicomweb.seriesInstanceUID : '').toBe(
      readHeader(new Uint8Array(readFileSync(seriesFiles('t1-pre')[0]!)), 'x').seriesInstanceUID,
    );
  });

  it('an unknown server is an error at its JSON path; a bad UID too', () => {
    const c = variant();
    const s = c.series[1]!;
    if (!('source' in s)) throw new Error('expected a DICOMweb series');
    s.source.dicomweb.server = 'elsewhere';
    const r = parseCase(c, servers);
    expect(r.ok ? [] : r.problems.map(describeProblem)).toEqual([
      'series[1].source.dicomweb.server: unknown DICOMweb server "elsewhere" (the app\'s config.json allows: local)',
    ]);
    s.source.dicomweb.server = 'local';
    s.source.dicomweb.studyInstanceUID = '1.2.03';
    const bad = parseCase(c, servers);
    expect(bad.ok ? [] : bad.problems.map((p) => p.path)).toEqual(['series[1].source.dicomweb.studyInstanceUID']);
  });

  it('cases:check checks the rest and says it did not read the images', async () => {
    const report = await checkCase(variant(), folderReader(CASE_DIR), servers);
    expect(report.problems).toEqual([]);
    expect(report.notes.map((n) => n.path)).toEqual([0, 1, 2, 3, 4].map((i) => `series[${i}].source.dicomweb`));
    expect(report.notes[0]!.message).toMatch(/^images not checked: series "t1-pre" is on DICOMweb server "local"/);
  });

  it('the cases:check command prints the notes, and fails on a server its config does not list', async () => {
    const run = promisify(execFile);
    const dir = mkdtempSync(join(tmpdir(), 'dicomweb-case-'));
    try {
      writeFileSync(join(dir, 'case.json'), JSON.stringify(variant()));
      const { stdout } = await run('npx', ['tsx', 'scripts/cases-check.ts', dir], { cwd: ROOT });
      expect(stdout).toMatch(/case\.json: ok/);
      expect(stdout).toMatch(/case\.json: note: series\[2\]\.source\.dicomweb: images not checked/);
      const config = join(dir, 'config.json');
      writeFileSync(config, JSON.stringify({ dicomwebServers: { pacs: { url: 'https://pacs.example.org/dicom-web' } } }));
      const err = await run('npx', ['tsx', 'scripts/cases-check.ts', '--config', config, dir], { cwd: ROOT }).then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      expect(err?.code).toBe(1);
      expect(err?.stderr).toMatch(/case\.json: series\[0\]\.source\.dicomweb\.server: unknown DICOMweb server "local" \(the app's config\.json allows: pacs\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
