/**
 * The long header fuzz run: `npm run fuzz -- --count 10000 [--seed 7] [--time-limit 5000] [--workers 2]`.
 * Reads `count` mutants of real files (tests/fuzz/mutate.ts) with the app's reader in worker threads and lists
 * every finding (a stall past the time limit, an unexplained failure, sizes past the limits). Exits 1 on findings.
 */
import { parseArgs } from 'node:util';
import { runFuzz } from '../tests/fuzz/run-fuzz';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '20261127' },
    'time-limit': { type: 'string', default: '5000' },
    workers: { type: 'string', default: '2' },
  },
});

const options = {
  count: Number(values.count),
  seed: Number(values.seed),
  timeLimitMs: Number(values['time-limit']),
  workers: Number(values.workers),
};
for (const [k, v] of Object.entries(options)) {
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${k} must be a whole number, not ${v}`);
}

const report = await runFuzz(options, (done) => {
  if (done % 1000 === 0) console.log(`${done} / ${options.count}`);
});
console.log(
  `${report.count} mutants (seed ${options.seed}) in ${(report.ms / 1000).toFixed(1)} s: ${report.read} read, ${report.explained} refused with a reason, slowest ${Math.round(report.slowestMs)} ms`,
);
for (const f of report.findings) console.log(`FINDING ${f}`);
console.log(report.findings.length === 0 ? 'no findings' : `${report.findings.length} findings`);
process.exit(report.findings.length === 0 ? 0 : 1);
