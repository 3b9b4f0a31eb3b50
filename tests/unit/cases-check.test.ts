/**
 * `npm run cases:check` on the bundled case, and on broken variants of it: each must fail naming the JSON path.
 * The variants are made from the real case.json and read the real DICOM headers.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkCase } from '../../src/dicom/check-case';
import { describeProblem } from '../../src/case/errors';
import type { CaseFile } from '../../src/case/schema';
import { folderReader } from '../../scripts/fs-case-reader';

const CASE_DIR = join(import.meta.dirname, '../../cases/epidural-aml');
const original = (): CaseFile => JSON.parse(readFileSync(join(CASE_DIR, 'case.json'), 'utf8')) as CaseFile;

async function problems(mutate: (c: CaseFile) => void): Promise<string[]> {
  const c = original();
  mutate(c);
  const report = await checkCase(c, folderReader(CASE_DIR));
  return report.problems.map(describeProblem);
}

function cueWithArrow(c: CaseFile): { cue: number; viewport: string } {
  for (const [cue, x] of c.cues.entries()) {
    for (const [viewport, vp] of Object.entries(x.viewports)) if (vp.arrows?.length) return { cue, viewport };
  }
  throw new Error('the bundled case has no arrow');
}

describe('cases:check on the bundled case', () => {
  it('passes', async () => {
    expect(await problems(() => {})).toEqual([]);
  });

  const variants: [string, (c: CaseFile) => void, RegExp][] = [
    ['unknown series key', (c) => void (c.cues[0]!.viewports[Object.keys(c.cues[0]!.viewports)[0]!]!.series = 't1-pr'),
      /^cues\[0\]\.viewports\.\w+\.series: unknown series "t1-pr"/],
    ['index out of range', (c) => void (c.cues[0]!.viewports[Object.keys(c.cues[0]!.viewports)[0]!]!.imageIndex = 400),
      /^cues\[0\]\.viewports\.\w+\.imageIndex: 400 is past the last image \(\d+\) of series "[\w-]+"/],
    ['arrow outside the image', (c) => {
      const { cue, viewport } = cueWithArrow(c);
      c.cues[cue]!.viewports[viewport]!.arrows![0]!.tip = [5000, 10];
    }, /^cues\[\d+\]\.viewports\.\w+\.arrows\[0\]\.tip: \[5000, 10\] is outside the \d+x\d+ image/],
    ['non-increasing times', (c) => void (c.transcript[3]!.start = c.transcript[2]!.start),
      /^transcript\[3\]\.start: .* is not after the previous segment's start/],
    ['a step landing on a segment of another step', (c) => void (c.steps[0]!.landing = 'recap'),
      /^steps\[0\]\.landing: "recap" is not a segment of step "l2"/],
    ['missing reveal step', (c) => void (c.reveal![0]!.revealAt = 'autopsy'),
      /^reveal\[0\]\.revealAt: unknown step "autopsy"/],
    ['bad "m:ss"', (c) => void (c.transcript[4]!.start = '0:7'),
      /^transcript\[4\]\.start: "0:7" is not a time/],
    ['mismatched frame of reference for a linked pair', (c) => {
      const cue = c.cues.find((x) => x.links?.length)!;
      const [, second] = cue.links![0]!;
      cue.viewports[second!]!.series = 'ct-thoracic';
      cue.viewports[second!]!.imageIndex = 0;
      cue.viewports[second!]!.arrows = [];
    }, /^cues\[\d+\]\.links\[0\]\[1\]: series "ct-thoracic" is on another frame of reference/],
    ['missing file', (c) => {
      const s = c.series[1]!;
      delete (s as { manifest?: string }).manifest;
      (s as { files?: string[] }).files = ['series/t1-post/0001.dcm', 'series/t1-post/9999.dcm'];
    }, /^series\[1\]\.files\[1\]: .*9999\.dcm.*not found/],
    ['a file that is not DICOM', (c) => {
      const s = c.series[0]!;
      delete (s as { manifest?: string }).manifest;
      (s as { files?: string[] }).files = ['series/t1-pre/0001.dcm', 'case.json'];
    }, /^series\[0\]\.files\[1\]: case\.json: not a DICOM file/],
  ];

  for (const [name, mutate, expected] of variants) {
    it(`fails on ${name}, naming the path`, async () => {
      const p = await problems(mutate);
      expect(p.length).toBeGreaterThan(0);
      expect(p.some((line) => expected.test(line)), p.join('\n')).toBe(true);
    });
  }
});

describe('the cases:check command', () => {
  const run = promisify(execFile);
  const cli = (folder: string) =>
    run('npx', ['tsx', 'scripts/cases-check.ts', folder], { cwd: join(import.meta.dirname, '../..') });

  it('exits 0 on the bundled case', async () => {
    const { stdout } = await cli(CASE_DIR);
    expect(stdout).toMatch(/case\.json: ok/);
  });

  it('exits 1 with the path and reason on a broken copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'case-'));
    try {
      cpSync(CASE_DIR, dir, { recursive: true });
      const c = original();
      c.transcript[4]!.start = '0:7';
      writeFileSync(join(dir, 'case.json'), JSON.stringify(c));
      const err = await cli(dir).then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      expect(err?.code).toBe(1);
      expect(err?.stderr).toMatch(/case\.json: transcript\[4\]\.start: "0:7" is not a time/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
