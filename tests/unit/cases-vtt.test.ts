import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { fromWebVtt } from '../../src/case/webvtt';
import { parseCase } from '../../src/case/parse';

const ROOT = join(import.meta.dirname, '../..');

it('npm run cases:vtt exports the bundled transcript as WebVTT that reads back to the same segments and steps', async () => {
  const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/cases-vtt.ts', 'epidural-aml'], { cwd: ROOT });
  const parsed = parseCase(JSON.parse(readFileSync(join(ROOT, 'cases/epidural-aml/case.json'), 'utf8')));
  if (!parsed.ok) throw new Error('bundled case invalid');
  const back = fromWebVtt(stdout);
  expect(back.steps).toEqual(parsed.value.steps);
  expect(back.segments.map((s) => [s.id, s.start, s.step, s.text])).toEqual(
    parsed.value.transcript.map((s) => [s.id, s.start, s.step, s.text]),
  );
});

it('npm run cases:vtt writes a recorded case whose segments are not all written yet, and names them in a warning', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cases-vtt-'));
  try {
    const c = JSON.parse(readFileSync(join(ROOT, 'cases/epidural-aml/case.json'), 'utf8')) as { id: string; transcript: { id: string; text: string }[] };
    const [first, , third] = c.transcript;
    first!.text = '';
    third!.text = '  ';
    writeFileSync(join(dir, 'case.json'), JSON.stringify(c));
    const { stdout, stderr } = await promisify(execFile)('npx', ['tsx', 'scripts/cases-vtt.ts', dir], { cwd: ROOT });
    expect(stderr).toContain(`warning: case "${c.id}"`);
    expect(stderr).toContain(`2 segments have no text yet (to write): ${first!.id}, ${third!.id}`);
    expect(stdout).toContain(`NOTE to write: segment ${first!.id} has no text yet`);
    const back = fromWebVtt(stdout);
    expect(back.segments.map((s) => s.text)).toEqual(c.transcript.map((s) => s.text.trim()));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
