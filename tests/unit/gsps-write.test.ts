/**
 * Writing presentation states: the seed case's cues → `GspsView`s → GSPS files, read back through a minimal reader
 * of the test's own into the same views (window, framing, arrows and labels, references), the arrow heads where
 * the tips are, and the patient/study modules taken from the (de-identified) image. Then the command line:
 * `case:export-gsps` writes one file per cue viewport and image, and DCMTK's `dcmpschk` passes every one.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCaseText } from '../../src/case/parse';
import type { ParsedCase } from '../../src/case/schema';
import { exportCaseGsps, type WrittenGsps } from '../../src/dicom/gsps/write-export';
import { arrowHead } from '../../src/dicom/gsps/write-dataset';
import { caseGspsTargets, contentLabel, cueBox, fitLo } from '../../src/dicom/gsps/write-views';
import type { DicomHeader } from '../../src/dicom/header';
import { readCaseSeries } from '../../src/dicom/series-facts';
import { folderReader } from '../../scripts/fs-case-reader';
import { readGsps } from './gsps-mini-reader';
import { readGsps as readGspsForImport } from '../../src/dicom/gsps/read';
import { readDicomFile } from '../../src/dicom/deid/dataset';

const SEED = join(import.meta.dirname, '../../cases/epidural-aml');
const MR_DEFAULT = { center: 500, width: 1000 };
let lesson: ParsedCase;
let headers: Map<string, DicomHeader[]>;
let written: WrittenGsps[];

beforeAll(async () => {
  const parsed = parseCaseText(readFileSync(join(SEED, 'case.json'), 'utf8'));
  if (!parsed.ok) throw new Error('the seed case does not parse');
  lesson = parsed.value;
  const reader = folderReader(SEED);
  headers = (await readCaseSeries(lesson, reader)).headers;
  written = await exportCaseGsps(lesson, headers, reader, async () => MR_DEFAULT, { creator: 'test', now: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)) });
});

describe('cue → GspsView', () => {
  it('makes one view per cue viewport and image, with the cue window, framing and arrows resolved', async () => {
    const expected = lesson.cues.reduce((n, c) => n + Object.keys(c.viewports).length, 0);
    expect(written).toHaveLength(expected);
    const l2 = written.find((w) => w.target.name === '002-left-t1-pre-0008.dcm');
    expect(l2?.target.view).toMatchObject({
      window: MR_DEFAULT,
      region: [120, 20, 290, 160],
      arrows: [{ tip: [201, 85], tail: [231, 108], label: 'L2 anterior epidural' }],
      label: 'EPIDURAL_AML_S1',
    });
    expect(l2?.target.view.description).toMatch(/^Step 1: Sagittal T1: the anterior epidural space at L2 \(Multi\.\.\.$/);
    // The CT cue names a preset: resolved to its numbers, not the series default.
    const ct = written.find((w) => w.target.seriesKey === 'ct-thoracic');
    const ctCue = lesson.cues.flatMap((c) => Object.values(c.viewports)).find((v) => v.series === 'ct-thoracic');
    if (ctCue?.preset) expect(ct?.target.view.window).not.toEqual(MR_DEFAULT);
  });

  it('puts an arrow placed on another image in that image state, gives a missing tail its default, and frames a zoom', async () => {
    const c: ParsedCase = {
      ...lesson,
      cues: [{ at: lesson.cues[0]!.at, links: [], viewports: { left: { series: 't1-pre', imageIndex: 7, zoom: 2, arrows: [{ tip: [100, 100], label: 'elsewhere', imageIndex: 3 }] } } }],
    };
    const targets = await caseGspsTargets(c, headers, async () => undefined);
    expect(targets.map((t) => t.imageIndex)).toEqual([7, 3]);
    expect(targets[0]?.view.arrows).toEqual([]);
    expect(targets[1]?.view.arrows[0]).toMatchObject({ tip: [100, 100], label: 'elsewhere' });
    expect(targets[1]?.view.arrows[0]?.tail).not.toEqual([100, 100]);
    expect(targets[0]?.view.window).toBeUndefined();
    expect(cueBox({ series: 's', imageIndex: 0, zoom: 2, arrows: [] }, 320, 320)).toEqual([79.5, 79.5, 239.5, 239.5]);
  });

  it('keeps Content Label and Description within their VRs', () => {
    expect(contentLabel('a-very-long-case-identifier', 12)).toMatch(/^[A-Z0-9_]{1,16}$/);
    const lo = fitLo('é'.repeat(70));
    expect(new TextEncoder().encode(lo).length).toBeLessThanOrEqual(64);
    expect(lo.endsWith('...')).toBe(true);
  });
});

describe('GspsView → GSPS → back', () => {
  it('reads back into the same views (round trip through a minimal reader)', () => {
    for (const w of written) {
      const back = readGsps(w.bytes);
      const v = w.target.view;
      expect(back.view.image).toEqual(v.image);
      expect(back.view.window).toEqual(v.window);
      const header = headers.get(w.target.seriesKey)?.[w.target.imageIndex] as DicomHeader;
      expect(back.view.region).toEqual(v.region?.map(Math.round) ?? [0, 0, header.columns - 1, header.rows - 1]);
      expect(back.view.arrows).toEqual(v.arrows);
      expect(back.view.label).toBe(v.label);
      expect(back.view.description).toBe(v.description);
      expect(back.heads).toEqual(v.arrows.map((a) => a.tip));
    }
  });

  it("reads back through the importer's own reader (dicom/gsps/read.ts) into the same views: what PACS gets, a case gets again", () => {
    for (const w of written) {
      const read = readGspsForImport(readDicomFile(w.bytes).dict);
      expect(read.notes).toEqual([]);
      expect(read.views).toHaveLength(1);
      const back = read.views[0]!;
      const v = w.target.view;
      expect(back.image).toEqual(v.image);
      expect(back.window).toEqual(v.window);
      const header = headers.get(w.target.seriesKey)?.[w.target.imageIndex] as DicomHeader;
      expect(back.region).toEqual(v.region?.map(Math.round) ?? [0, 0, header.columns - 1, header.rows - 1]);
      const near = (a: readonly number[], b: readonly number[]): boolean => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!) < 0.01;
      expect(back.arrows).toHaveLength(v.arrows.length);
      v.arrows.forEach((a, i) => {
        const b = back.arrows[i]!;
        expect(near(b.tip, a.tip) && near(b.tail, a.tail), `arrow ${i}: ${JSON.stringify(b)} vs ${JSON.stringify(a)}`).toBe(true);
        expect(b.label).toBe(a.label);
      });
      expect(back.label).toBe(v.label);
      expect(back.description).toBe(v.description);
    }
  });

  it('writes a GSPS in the image study, with its de-identified patient module, the head pointing at the tip', () => {
    const w = written.find((x) => x.target.view.arrows.length) as WrittenGsps;
    const ds = readGsps(w.bytes).dataset;
    const value = (tag: string): unknown => ds[tag]?.Value?.[0];
    expect(value('00080016')).toBe('1.2.840.10008.5.1.4.1.1.11.1');
    expect(value('00080060')).toBe('PR');
    expect(value('0020000D')).toBe(w.target.header.studyInstanceUID);
    expect(value('0020000E')).not.toBe(w.target.header.seriesInstanceUID);
    expect(value('00120062')).toBe('YES');
    expect(value('00700082')).toBe('20260102');
    expect(value('2050' + '0020')).toBe('IDENTITY');
    expect(ds['0070005A']?.Value?.length).toBe(1);
    // Each wing sits between the tip and the tail, close to the tip.
    const a = w.target.view.arrows[0]!;
    for (const wing of arrowHead(a.tip, a.tail)) {
      expect(Math.hypot(wing[0] - a.tip[0], wing[1] - a.tip[1])).toBeLessThanOrEqual(12.01);
      expect(Math.hypot(wing[0] - a.tail[0], wing[1] - a.tail[1])).toBeLessThan(Math.hypot(a.tip[0] - a.tail[0], a.tip[1] - a.tail[1]));
    }
  });
});

const hasDcmpschk = spawnSync('dcmpschk', ['--version']).status === 0;

describe('case:export-gsps', () => {
  it.skipIf(!hasDcmpschk)('writes a GSPS per cue viewport and image that dcmpschk passes', () => {
    const out = mkdtempSync(join(tmpdir(), 'gsps-export-'));
    try {
      const run = spawnSync('npx', ['tsx', 'scripts/case-export-gsps.ts', SEED, '--out', out], { encoding: 'utf8', cwd: join(import.meta.dirname, '../..') });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const files = readdirSync(out).filter((f) => f.endsWith('.dcm'));
      expect(files).toHaveLength(written.length);
      for (const f of files) {
        const check = spawnSync('dcmpschk', [join(out, f)], { encoding: 'utf8' });
        const report = `${check.stdout}${check.stderr}`;
        expect(report, f).toContain('Test passed');
        expect(report, f).not.toMatch(/^E:/m);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
