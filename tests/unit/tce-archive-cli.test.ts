/**
 * Issue 22 item 1 through the command line against a real Orthanc: images routed by C-STORE (storescu), TCE
 * objects by STOW-RS; `--list` prints the manifests without identifiers, `--manifest` writes a case folder in
 * which no planted identifier survives. Skipped when Orthanc or DCMTK is not installed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { orthancInstalled, startOrthanc, stopOrthanc, type RunningOrthanc } from '../../scripts/orthanc/orthanc';
import { runImport } from '../../scripts/import/run-import';
import { parseCase } from '../../src/case/parse';
import { buildTceFixtures, PLANTED_STRINGS, type TceFixtures } from '../fixtures/tce-fixtures';
import { storeTceFixtures } from '../fixtures/tce-archive';

const hasDcmtk = ((): boolean => {
  try {
    execFileSync('storescu', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
})();
const ready = orthancInstalled() && hasDcmtk;

let orthanc: RunningOrthanc;
let fx: TceFixtures;
let work: string;

beforeAll(async () => {
  if (!ready) return;
  fx = buildTceFixtures();
  orthanc = await startOrthanc([], { dicom: true });
  await storeTceFixtures(fx, `${orthanc.url}/dicom-web`, orthanc.dicomPort!);
  work = mkdtempSync(join(tmpdir(), 'tce-cli-'));
}, 60_000);

afterAll(async () => {
  if (orthanc) await stopOrthanc(orthanc.dir);
  if (work) rmSync(work, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImport(args, { log: (l) => out.push(l), error: (l) => err.push(l) });
  return { code, out, err };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)]));
}

it.skipIf(!ready)('lists the manifests: purpose, delay, count, modality, date, description, no identifiers', async () => {
  const { code, out } = await cli(['--dicomweb', `${orthanc.url}/dicom-web`, '--list']);
  expect(code).toBe(0);
  const teaching = out.find((l) => l.startsWith(fx.teaching.sopInstanceUid))!;
  expect(teaching).toContain('teaching file');
  expect(teaching).toContain('3 key images');
  expect(teaching).toContain('MR');
  expect(teaching).toContain('2019-02-14');
  expect(teaching).toContain('[delay until the final report]');
  expect(teaching).toContain('+ATFI');
  expect(teaching).toContain('"Marrow replacement at L2 in [name] [name]: a good case for residents."');
  expect(out.find((l) => l.startsWith(fx.trial.sopInstanceUid))).toContain('clinical trial: not for teaching');
  expect(out.find((l) => l.startsWith(fx.partial.sopInstanceUid))).toContain('[delay until confirmation of diagnosis]');
  for (const p of PLANTED_STRINGS.filter((s) => !/^\d{8}$/.test(s) && s !== '14/02/2019')) expect(out.join('\n')).not.toContain(p);
});

it.skipIf(!ready)('imports a manifest into a case folder without any planted identifier', async () => {
  const out = join(work, 'tce-case');
  const r = await cli(['--dicomweb', `${orthanc.url}/dicom-web`, '--manifest', fx.teaching.sopInstanceUid, '--out', out]);
  expect(r.err.filter((l) => !l.startsWith('note:'))).toEqual([]);
  expect(r.code).toBe(0);
  expect(r.out).toContain('manifest: 3 of 3 key images became steps');
  expect(r.out).toContain('free text de-identified: History: 2 names, 1 id, 1 date replaced');
  const parsed = parseCase(JSON.parse(readFileSync(join(out, 'case.json'), 'utf8')));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const c = parsed.value;
  expect(c.steps).toHaveLength(3);
  expect(c.cues[1]!.viewports.main!.arrows[0]).toMatchObject({ tip: [140, 120], tail: [100, 80] });
  for (const file of filesUnder(out)) {
    const text = readFileSync(file).toString('latin1');
    for (const p of PLANTED_STRINGS) expect(text.includes(p), `${p} in ${file}`).toBe(false);
  }
});

it.skipIf(!ready)('a manifest naming an image the archive lacks: a draft of the rest, the missing one named', async () => {
  const out = join(work, 'tce-partial');
  const r = await cli(['--dicomweb', `${orthanc.url}/dicom-web`, '--manifest', fx.partial.sopInstanceUid, '--out', out]);
  expect(r.code).toBe(0);
  expect(r.err).toContain(`not found in the archive: key image 2 (SOP Instance UID ${fx.partial.missingUid})`);
  expect(r.out).toContain('manifest: 1 of 2 key images became steps');
});
