/**
 * `case:publish` against a real, empty Orthanc: a case with one file not marked de-identified is refused, naming
 * it, and nothing reaches the archive; the seed case's 60 images and its presentation states arrive by STOW-RS,
 * and the written case.json names the archive's series by the config's server id and checks out.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCaseText } from '../../src/case/parse';
import { readDicomFile, writeDicomFile } from '../../src/dicom/deid/dataset';
import { orthancInstalled, startOrthanc, stopOrthanc, type RunningOrthanc } from '../../scripts/orthanc/orthanc';
import { runPublish } from '../../scripts/gsps/run-publish';

const SEED = join(import.meta.dirname, '../../cases/epidural-aml');
let orthanc: RunningOrthanc;
let tmp: string;

const io = (): { lines: string[]; errors: string[]; log(l: string): void; error(l: string): void } => {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, log: (l) => lines.push(l), error: (l) => errors.push(l) };
};

async function instances(): Promise<number> {
  return ((await (await fetch(`${orthanc.url}/statistics`)).json()) as { CountInstances: number }).CountInstances;
}

describe.skipIf(!orthancInstalled())('case:publish', () => {
  beforeAll(async () => {
    orthanc = await startOrthanc([]);
    tmp = mkdtempSync(join(tmpdir(), 'case-publish-'));
  });
  afterAll(async () => {
    if (orthanc) await stopOrthanc(orthanc.dir);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('refuses a case with a file not marked de-identified, naming it, and sends nothing', async () => {
    const copy = join(tmp, 'unmarked');
    cpSync(SEED, copy, { recursive: true });
    const victim = join(copy, 'series/t1-post/0003.dcm');
    const file = readDicomFile(new Uint8Array(readFileSync(victim)));
    delete file.dict['00120062'];
    writeFileSync(victim, writeDicomFile(file));
    const out = io();
    const code = await runPublish([copy, '--dicomweb', `${orthanc.url}/dicom-web`, '--server', 'local', '--out', join(tmp, 'x')], out);
    expect(code).toBe(1);
    expect(out.errors.join('\n')).toMatch(/do not say they were de-identified.*series\/t1-post\/0003\.dcm/);
    expect(await instances()).toBe(0);
    const unknown = io();
    expect(await runPublish([SEED, '--dicomweb', `${orthanc.url}/dicom-web`, '--server', 'nope'], unknown)).toBe(2);
    expect(unknown.errors.join('\n')).toMatch(/config\.json \(local\)/);
  });

  it('stores the series and presentation states, and writes a case.json whose series come from the archive', async () => {
    const out = io();
    const dest = join(tmp, 'published');
    const code = await runPublish([SEED, '--dicomweb', `${orthanc.url}/dicom-web`, '--server', 'local', '--out', dest], out);
    expect(out.errors).toEqual([]);
    expect(code).toBe(0);
    const published = parseCaseText(readFileSync(join(dest, 'case.json'), 'utf8'), { dicomwebServers: new Set(['local']) });
    if (!published.ok) throw new Error(JSON.stringify(published.problems));
    const study = published.value.series.map((s) => ('source' in s ? s.source.dicomweb : null));
    expect(study.every((s) => s?.server === 'local')).toBe(true);
    const studyUid = study[0]?.studyInstanceUID as string;
    const series = (await (await fetch(`${orthanc.url}/dicom-web/studies/${studyUid}/series`)).json()) as Record<string, { Value?: unknown[] }>[];
    const byModality = (m: string): Record<string, { Value?: unknown[] }>[] => series.filter((s) => s['00080060']?.Value?.[0] === m);
    expect(byModality('PR')).toHaveLength(1);
    const count = async (uid: unknown): Promise<number> =>
      ((await (await fetch(`${orthanc.url}/dicom-web/studies/${studyUid}/series/${String(uid)}/instances`)).json()) as unknown[]).length;
    const states = await count(byModality('PR')[0]?.['0020000E']?.Value?.[0]);
    expect(states).toBe(published.value.cues.reduce((n, c) => n + Object.keys(c.viewports).length, 0));
    // Every image of each series arrives (the sagittal and CT series have 15, the axial stacks fewer).
    const files = (key: string): number => (JSON.parse(readFileSync(join(SEED, 'series', key, 'manifest.json'), 'utf8')) as { files: string[] }).files.length;
    let images = 0;
    for (const s of published.value.series) {
      if ('source' in s) expect(await count(s.source.dicomweb.seriesInstanceUID), s.key).toBe(files(s.key));
      images += files(s.key);
    }
    expect(images).toBe(60);
    expect(await instances()).toBe(images + states);
  });
});
