import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
