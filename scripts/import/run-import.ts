/**
 * `npm run case:import -- <folder-or-zip> --out cases/<id> [options]`, as a function the tests can call.
 * Prints file names only in notes about files that were not imported, and never a value it removed.
 */
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { importCase, type ImportResult } from '../../src/dicom/import/import-case';
import { KEY_PATTERN } from '../../src/dicom/import/series-naming';
import { readSources } from './read-sources';
import { ZipRefusedError, type ZipLimits } from './safe-unzip';
import { checkOutputFolder, writeCase } from './write-case';
import { summaryLines } from './summary';

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

const USAGE = `usage: npm run case:import -- <folder-or-zip> --out cases/<id> [--id <id>] [--salt <secret>] [--force]
       [--max-entries N] [--max-entry-mb N] [--max-total-mb N]
  --salt   keep it private; the same salt and input give the same UIDs and date offset (default: random)
  --force  import images with burned-in annotation, secondary and screen captures (check their pixels!)`;

const MB = 1024 * 1024;

function positiveNumber(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not "${text}"`);
  return n;
}

export async function runImport(argv: string[], io: Output): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        id: { type: 'string' },
        salt: { type: 'string' },
        force: { type: 'boolean', default: false },
        'max-entries': { type: 'string' },
        'max-entry-mb': { type: 'string' },
        'max-total-mb': { type: 'string' },
      },
    });
  } catch (e) {
    io.error(`case:import: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const input = positionals[0];
  if (!input || positionals.length > 1 || !values.out) {
    io.error(USAGE);
    return 2;
  }
  const out = values.out;
  const caseId = values.id ?? basename(out);
  if (!KEY_PATTERN.test(caseId)) {
    io.error(`case:import: case id "${caseId}" must be lower-case letters, digits and dashes (use --id)`);
    return 2;
  }
  let limits: ZipLimits;
  try {
    limits = {
      maxEntries: Math.floor(positiveNumber(values['max-entries'], 20_000, '--max-entries')),
      maxEntryBytes: positiveNumber(values['max-entry-mb'], 1024, '--max-entry-mb') * MB,
      maxTotalBytes: positiveNumber(values['max-total-mb'], 4096, '--max-total-mb') * MB,
    };
  } catch (e) {
    io.error(`case:import: ${(e as Error).message}`);
    return 2;
  }
  const busy = checkOutputFolder(out);
  if (busy) {
    io.error(`case:import: ${busy}`);
    return 1;
  }

  let sources;
  try {
    sources = readSources(input, limits);
  } catch (e) {
    const refused = e instanceof ZipRefusedError;
    io.error(`case:import: ${input}: ${refused ? 'refused: ' : ''}${(e as Error).message}${refused ? '. Nothing was imported.' : ''}`);
    return 1;
  }
  for (const note of sources.notes) io.error(`skipped: ${note}`);

  const result: ImportResult = importCase(sources.files, {
    caseId,
    salt: values.salt ?? randomBytes(32).toString('hex'),
    force: values.force,
  });
  for (const n of result.skipped) io.error(`skipped: ${n.file}: ${n.reason}`);
  for (const n of result.quarantined) io.error(`quarantined: ${n.file}: ${n.reason} (not imported; --force imports it)`);
  for (const n of result.forced) io.error(`forced: ${n.file}: ${n.reason} (imported because of --force)`);
  if (result.series.length === 0) {
    io.error(`case:import: no image could be imported from ${input}; nothing was written`);
    return 1;
  }
  writeCase(out, result);
  for (const line of summaryLines(out, result)) io.log(line);
  return 0;
}
