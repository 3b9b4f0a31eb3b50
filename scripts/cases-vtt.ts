/**
 * `npm run cases:vtt -- <case folder or id> [--out file.vtt]`: the case's transcript as WebVTT captions, with its
 * steps as notes, for a video editor or a lecture recording. Prints to standard output without --out.
 * A recorded lesson whose segments are not all written yet still exports: each empty segment is an empty caption
 * with a "NOTE to write" before it, and a warning names the case and the segments.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCase } from '../src/case/parse';
import { expandCase } from '../src/case/expand';
import { buildTimeline } from '../src/case/timeline';
import { toWebVtt } from '../src/case/webvtt';
import { describeProblem } from '../src/case/errors';

const TO_WRITE = 'to write';

/**
 * The case with each empty segment text stood in for, so the checker passes it (a segment's text may not be
 * empty in a finished case), and the ids of those segments.
 */
function withWordsToWrite(json: unknown): { json: unknown; toWrite: string[] } {
  const c = json as { transcript?: unknown } | null;
  if (!c || typeof c !== 'object' || !Array.isArray(c.transcript)) return { json, toWrite: [] };
  const toWrite: string[] = [];
  const transcript = c.transcript.map((seg: unknown) => {
    const s = seg as { id?: unknown; text?: unknown } | null;
    if (!s || typeof s !== 'object' || typeof s.id !== 'string' || (typeof s.text === 'string' && s.text.trim()) || (s.text !== undefined && typeof s.text !== 'string')) return seg;
    toWrite.push(s.id);
    return { ...s, text: TO_WRITE };
  });
  return { json: { ...c, transcript }, toWrite };
}

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
  const { json, toWrite } = withWordsToWrite(expanded.json);
  const parsed = expanded.problems.length ? { ok: false as const, problems: expanded.problems } : parseCase(json);
  if (!parsed.ok) {
    for (const p of parsed.problems) console.error(`${file}: ${describeProblem(p)}`);
    return 1;
  }
  const timeline = buildTimeline(parsed.value);
  const segments = parsed.value.transcript.map((s) => (toWrite.includes(s.id) ? { ...s, text: '' } : s));
  const vtt = toWebVtt({ steps: parsed.value.steps, segments }, timeline.segments.map((s) => s.end));
  if (toWrite.length) {
    console.error(`warning: case "${parsed.value.id}" (${file}): ${toWrite.length} segment${toWrite.length === 1 ? ' has' : 's have'} no text yet (to write): ${toWrite.join(', ')}`);
  }
  if (out) writeFileSync(out, vtt);
  else process.stdout.write(vtt);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
