/**
 * `npm run case:import -- <folder-or-zip> --out cases/<id> [options]`, as a function the tests can call. A zip
 * holding case.json is a case package and goes to `import-package.ts` instead.
 * Prints file names only in notes about files that were not imported, and never a value it removed.
 */
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { importCase, type ImportResult } from '../../src/dicom/import/import-case';
import { KEY_PATTERN } from '../../src/dicom/import/series-naming';
import { isCasePackage, readSources } from './read-sources';
import { ZipRefusedError, type ZipLimits } from '../../src/dicom/package/safe-unzip';
import { checkOutputFolder, writeCase } from './write-case';
import { summaryLines } from './summary';
import { importPackage } from './import-package';
import { DEFAULT_ZIP_LIMITS, MB } from './limits';
import { runTceImport } from './import-tce';

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

const USAGE = `usage: npm run case:import -- <folder-or-zip> --out cases/<id> [--id <id>] [--salt <secret>] [--force]
       [--max-entries N] [--max-entry-mb N] [--max-total-mb N]
       npm run case:import -- <case-package.zip> [--out cases/<id>] [--deidentify [--salt <secret>] [--force]]
  --salt        keep it private; the same salt and input give the same UIDs and date offset (default: random)
  --force       import images with burned-in annotation, secondary and screen captures (check their pixels!)
       npm run case:import -- --dicomweb <base-url> --list
       npm run case:import -- --dicomweb <base-url> --manifest <KOS SOP Instance UID> --out cases/<id> [--salt <secret>] [--force]
  --deidentify  a package whose DICOM files do not all say PatientIdentityRemoved YES: de-identify them all
  --dicomweb    IHE TCE teaching-file manifests (Key Object Selection) on a DICOMweb archive: list, or import one`;

function positiveNumber(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not "${text}"`);
  return n;
}

/** Says why the input cannot be read (a refused zip, a missing file); the exit code. */
function cannotRead(input: string, e: unknown, io: Output): number {
  const refused = e instanceof ZipRefusedError;
  io.error(`case:import: ${input}: ${refused ? 'refused: ' : ''}${(e as Error).message}${refused ? '. Nothing was imported.' : ''}`);
  return 1;
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
        deidentify: { type: 'boolean', default: false },
        'max-entries': { type: 'string' },
        'max-entry-mb': { type: 'string' },
        'max-total-mb': { type: 'string' },
        dicomweb: { type: 'string' },
        list: { type: 'boolean', default: false },
        manifest: { type: 'string' },
      },
    });
  } catch (e) {
    io.error(`case:import: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.dicomweb !== undefined) {
    if (positionals.length > 0) {
      io.error(USAGE);
      return 2;
    }
    const { dicomweb, list, manifest, out, id, salt, force } = values;
    return runTceImport({ dicomweb, list, manifest, out, id, salt, force }, io);
  }
  const input = positionals[0];
  if (!input || positionals.length > 1) {
    io.error(USAGE);
    return 2;
  }
  let limits: ZipLimits;
  try {
    limits = {
      maxEntries: Math.floor(positiveNumber(values['max-entries'], DEFAULT_ZIP_LIMITS.maxEntries, '--max-entries')),
      maxEntryBytes: positiveNumber(values['max-entry-mb'], DEFAULT_ZIP_LIMITS.maxEntryBytes / MB, '--max-entry-mb') * MB,
      maxTotalBytes: positiveNumber(values['max-total-mb'], DEFAULT_ZIP_LIMITS.maxTotalBytes / MB, '--max-total-mb') * MB,
    };
  } catch (e) {
    io.error(`case:import: ${(e as Error).message}`);
    return 2;
  }
  let isPackage: boolean;
  try {
    isPackage = isCasePackage(input, limits);
  } catch (e) {
    return cannotRead(input, e, io);
  }
  if (isPackage) {
    if (values.id !== undefined) {
      io.error('case:import: --id does not apply to a case package: its case.json says the id');
      return 2;
    }
    const salt = values.salt ?? randomBytes(32).toString('hex');
    return importPackage(input, { out: values.out, salt, force: values.force, deidentify: values.deidentify }, limits, io);
  }
  if (!values.out) {
    io.error(USAGE);
    return 2;
  }
  const out = values.out;
  const caseId = values.id ?? basename(out);
  if (!KEY_PATTERN.test(caseId)) {
    io.error(`case:import: case id "${caseId}" must be lower-case letters, digits and dashes (use --id)`);
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
    return cannotRead(input, e, io);
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
