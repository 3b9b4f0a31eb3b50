/**
 * The whole path on real data: SAG-anon imported by the command into a fresh cases/<id> folder must pass the
 * same check as `npm run cases:check`; and the bundled case made from it must hold none of its identifiers.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runImport } from '../../scripts/import/run-import';
import { checkCase } from '../../src/dicom/check-case';
import { describeProblem } from '../../src/case/errors';
import { folderReader } from '../../scripts/fs-case-reader';
import { containsText, parse, SAG_DIR } from './import-fixtures';

/** SAG-anon's patient ID, birth date, study date, accession number and the root of its original UIDs. */
const SAG_SECRETS = ['1449c1d', '20090701', '20130308', '98edede8b2', '1.3.12.2.1107.5.2.19.45152'];

const tmp = mkdtempSync(join(tmpdir(), 'import-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run case:import on SAG-anon', () => {
  it('writes a case that the case checker accepts', async () => {
    const out = join(tmp, 'cases', 'sag-e2e');
    const lines: string[] = [];
    const code = await runImport([SAG_DIR, '--out', out], { log: (l) => lines.push(l), error: (l) => lines.push(l) });
    expect(code, lines.join('\n')).toBe(0);
    expect(lines).toContainEqual(expect.stringMatching(/^case:import: 192 images in 1 series written to .*\(0 quarantined, 0 forced, 2 skipped\)/));
    expect(lines.join('\n')).not.toMatch(/1449c1d|20090701|20130308/);

    const json: unknown = JSON.parse(readFileSync(join(out, 'case.json'), 'utf8'));
    const report = await checkCase(json, folderReader(out));
    expect(report.problems.map(describeProblem)).toEqual([]);
    expect(report.value?.series).toEqual([
      { key: 'sag-mprage-220-fov', label: 'MR SAG MPRAGE 220 FOV', modality: 'MR', manifest: 'series/sag-mprage-220-fov/manifest.json' },
    ]);
    expect(report.value?.cues[0]?.viewports.main?.imageIndex).toBe(95);

    const folder = join(out, 'series', 'sag-mprage-220-fov');
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { files: string[] };
    expect(manifest.files).toHaveLength(192);
    expect(manifest.files.slice(0, 2)).toEqual(['0001.dcm', '0002.dcm']);
    expect(readdirSync(out).sort()).toEqual(['case.json', 'deid-report.json', 'series']);
    const deidReport = readFileSync(join(out, 'deid-report.json'), 'utf8');
    expect(SAG_SECRETS.filter((s) => deidReport.includes(s))).toEqual([]);
    expect(JSON.parse(deidReport).files).toEqual({ imported: 192, series: 1, quarantined: 0, forced: 0, skipped: 2 });
  });
});

describe('the bundled case peds-brain-t1', () => {
  const caseDir = join(import.meta.dirname, '../../cases/peds-brain-t1');
  const seriesDir = join(caseDir, 'series', 't1-mprage');
  const files = readdirSync(seriesDir).filter((f) => f.endsWith('.dcm'));

  it('holds no birth date, study date, patient ID or original UID of the source, and says it is de-identified', () => {
    expect(files).toHaveLength(192);
    for (const f of files) {
      const bytes = new Uint8Array(readFileSync(join(seriesDir, f)));
      expect(SAG_SECRETS.filter((s) => containsText(bytes, s)), f).toEqual([]);
      const ds = parse(bytes);
      expect(ds.string('x00120062'), f).toBe('YES');
      expect(ds.string('x00100030') ?? '', f).toBe('');
      expect(ds.string('x00080020'), f).toMatch(/^\d{8}$/);
    }
  });

  it('credits the source data and keeps its licence beside the images', () => {
    const c = JSON.parse(readFileSync(join(caseDir, 'case.json'), 'utf8')) as { imageCredit?: string };
    expect(c.imageCredit).toMatch(/^SAG-anon, MIT licence, \(c\) 2018 Rudolph Pienaar/);
    const licence = readFileSync(join(caseDir, 'LICENSE-data.md'), 'utf8');
    expect(licence).toMatch(/Copyright \(c\) 2018 Rudolph Pienaar/);
    expect(licence).toMatch(/Permission is hereby granted, free of charge/);
  });
});
