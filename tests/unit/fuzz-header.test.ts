/**
 * The header fuzz, fast: mutants of real files (truncated, flipped bytes, huge lengths, deep and undefined-length
 * sequences, wrong VRs, no preamble, junk) read by the app's reader in worker threads with a time limit each.
 * Every one is read or refused with a message naming it; none stalls. The long run: `npm run fuzz -- --count 10000`.
 */
import { expect, it } from 'vitest';
import { runFuzz } from '../fuzz/run-fuzz';

const COUNT = Number(process.env.FUZZ_COUNT ?? 400);

it(`reads or names the reason for each of ${COUNT} damaged files, none past the time limit`, async () => {
  const report = await runFuzz({ seed: 20261127, count: COUNT, timeLimitMs: 5000, workers: 2 });
  console.log(`fuzz: ${report.count} files in ${report.ms} ms (${report.read} read, ${report.explained} refused with a reason, slowest ${Math.round(report.slowestMs)} ms)`);
  expect(report.findings).toEqual([]);
  expect(report.read + report.explained).toBe(COUNT);
}, 120_000);
