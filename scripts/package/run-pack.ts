/**
 * `npm run case:pack -- cases/<id> [--out file.zip]`, as a function the tests can call: checks the case folder
 * as cases:check does, refuses a failing case with its problems, writes the package (default `<id>.zip` here)
 * and reads it back with the same unpacker the browser and case:import use, so what it wrote is known to open.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { packCase } from '../../src/dicom/package/pack';
import { unpackCase } from '../../src/dicom/package/unpack';
import { describePackageProblem } from '../../src/dicom/package/package-files';
import { DEFAULT_ZIP_LIMITS } from '../import/limits';
import { gatherCaseFolder } from './gather-folder';

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

const USAGE = 'usage: npm run case:pack -- cases/<id> [--out <file>.zip]';

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

export async function runPack(argv: string[], io: Output): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' } } });
  } catch (e) {
    io.error(`case:pack: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const folder = parsed.positionals[0];
  if (!folder || parsed.positionals.length > 1) {
    io.error(USAGE);
    return 2;
  }
  const gathered = await gatherCaseFolder(folder);
  if (!gathered.lesson || gathered.problems.length) {
    for (const p of gathered.problems) io.error(`${folder}/${describePackageProblem(p)}`);
    io.error(`case:pack: ${folder} was not packed: fix the problems above (npm run cases:check says the same)`);
    return 1;
  }
  for (const note of gathered.notes) io.log(`note: ${note}`);
  if (gathered.notDeidentified.length) {
    io.error(
      `warning: ${gathered.notDeidentified.length} DICOM files do not say PatientIdentityRemoved YES (first: ${gathered.notDeidentified[0]}); ` +
        'case:import refuses such a package unless given --deidentify',
    );
  }
  const zip = packCase(gathered.files);
  // A package this tool cannot open again must not leave it.
  const check = await unpackCase(zip, DEFAULT_ZIP_LIMITS);
  if (!check.ok) {
    for (const p of check.problems) io.error(`case:pack: ${describePackageProblem(p)}`);
    io.error('case:pack: the package did not read back; nothing was written');
    return 1;
  }
  const out = parsed.values.out ?? `${gathered.lesson.id}.zip`;
  writeFileSync(out, zip);
  const bytes = [...gathered.files.values()].reduce((n, b) => n + b.length, 0);
  io.log(`case:pack: wrote ${out}: ${gathered.files.size + 1} files (${mb(bytes)}, ${mb(zip.length)} zipped) of case "${gathered.lesson.id}"`);
  return 0;
}
