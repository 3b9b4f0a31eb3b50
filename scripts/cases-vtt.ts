/**
 * `npm run cases:vtt -- <case folder or id> [--out file.vtt]`: the case's transcript as WebVTT captions, with its
 * steps as notes, for a video editor or a lecture recording. Prints to standard output without --out.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCase } from '../src/case/parse';
import { expandCase } from '../src/case/expand';
import { buildTimeline } from '../src/case/timeline';
import { toWebVtt } from '../src/case/webvtt';
import { describeProblem } from '../src/case/errors';

async function main(args: string[]): Promise<number> {
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  const target = args.find((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));
  if (!target) {
    console.error('usage: npm run cases:vtt -- <case folder or id> [--out file.vtt]');
    return 2;
  }
  const folder = existsSync(join(target, 'case.json')) ? target : join(import.meta.dirname, '..', 'cases', target);
  const file = join(folder, 'case.json');
  if (!existsSync(file)) {
    console.error(`${file}: no such case`);
    return 1;
  }
  const expanded = await expandCase(JSON.parse(readFileSync(file, 'utf8')), async (p) => readFileSync(join(folder, p), 'utf8'));
  const parsed = expanded.problems.length ? { ok: false as const, problems: expanded.problems } : parseCase(expanded.json);
  if (!parsed.ok) {
    for (const p of parsed.problems) console.error(`${file}: ${describeProblem(p)}`);
    return 1;
  }
  const timeline = buildTimeline(parsed.value);
  const vtt = toWebVtt({ steps: parsed.value.steps, segments: parsed.value.transcript }, timeline.segments.map((s) => s.end));
  if (out) writeFileSync(out, vtt);
  else process.stdout.write(vtt);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
