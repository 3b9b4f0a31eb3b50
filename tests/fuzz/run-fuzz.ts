/**
 * The header fuzz: `count` mutants of real files (seeded, see mutate.ts) read by the app's own reader in worker
 * threads with a time limit per file. A finding is anything a person would suffer: a file that stalls the reader
 * past the limit, a failure that is not a DicomFileError naming the file, or a header claiming sizes past the
 * limits (which the reader must refuse).
 */
import { Worker } from 'node:worker_threads';
import { mutant, type Mutant } from './mutate';
import type { ReadAnswer, ReadJob } from './read-worker';
import { MAX_FRAMES, MAX_IMAGE_SIDE } from '../../src/dicom/limits';

export interface FuzzOptions {
  seed: number;
  count: number;
  /** Per file; a worker still busy after it is ended and the file counted as a stall. */
  timeLimitMs: number;
  workers: number;
}

export interface FuzzReport {
  count: number;
  ms: number;
  read: number;
  explained: number;
  /** What went wrong, one line per file, naming the mutant (reproducible from seed and index). */
  findings: string[];
  slowestMs: number;
}

function startWorker(): Worker {
  // The boot file registers tsx, which compiles the worker's TypeScript (and the app modules it imports) there.
  return new Worker(new URL('./read-worker-boot.mjs', import.meta.url));
}

function judge(m: Mutant, answer: ReadAnswer): string | undefined {
  if (answer.ok) {
    const { rows, columns, numberOfFrames } = answer.header;
    if (rows > MAX_IMAGE_SIDE || columns > MAX_IMAGE_SIDE || numberOfFrames > MAX_FRAMES || numberOfFrames < 1) {
      return `${m.name}: read as ${columns}x${rows}x${numberOfFrames}, past the limits`;
    }
    return undefined;
  }
  if (!answer.explained) return `${m.name} (${m.mutation}): failed without a DicomFileError: ${answer.message}`;
  if (!answer.message.startsWith(`${m.name}: `) || answer.message.length <= m.name.length + 2) {
    return `${m.name}: the message does not name the file and a reason: ${answer.message}`;
  }
  return undefined;
}

export async function runFuzz(options: FuzzOptions, onProgress?: (done: number) => void): Promise<FuzzReport> {
  const started = performance.now();
  const report: FuzzReport = { count: options.count, ms: 0, read: 0, explained: 0, findings: [], slowestMs: 0 };
  let next = 0;
  let done = 0;
  const lane = async (): Promise<void> => {
    let worker = startWorker();
    try {
      while (next < options.count) {
        const index = next++;
        const m = mutant(options.seed, index);
        const t0 = performance.now();
        const answer = await new Promise<ReadAnswer | 'stalled' | Error>((resolve) => {
          const timer = setTimeout(() => resolve('stalled'), options.timeLimitMs);
          const settle = (value: ReadAnswer | Error): void => {
            clearTimeout(timer);
            worker.off('message', onMessage);
            worker.off('error', onError);
            resolve(value);
          };
          const onMessage = (a: ReadAnswer): void => settle(a);
          const onError = (e: Error): void => settle(e);
          worker.on('message', onMessage);
          worker.on('error', onError);
          const job: ReadJob = { index, name: m.name, bytes: m.bytes };
          worker.postMessage(job);
        });
        report.slowestMs = Math.max(report.slowestMs, performance.now() - t0);
        if (answer === 'stalled' || answer instanceof Error) {
          report.findings.push(
            answer === 'stalled'
              ? `${m.name} (${m.mutation}): still reading after ${options.timeLimitMs} ms`
              : `${m.name} (${m.mutation}): the reader's thread crashed: ${answer.message}`,
          );
          await worker.terminate();
          worker = startWorker();
        } else {
          const finding = judge(m, answer);
          if (finding) report.findings.push(finding);
          else if (answer.ok) report.read++;
          else report.explained++;
        }
        onProgress?.(++done);
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.workers) }, lane));
  report.ms = Math.round(performance.now() - started);
  return report;
}
