/**
 * `npm run case:import -- <package.zip> [--out cases/<id>]`: a case package becomes the case folder it was made
 * from, after the checks the browser makes when it opens one. Its DICOM files must say PatientIdentityRemoved
 * YES (ours always do, and are then kept byte for byte); otherwise the package is refused, or with --deidentify
 * every DICOM file is de-identified as every import is (see src/dicom/package/deidentify-package.ts for why all of
 * them and why the case file stays right). Nothing is written unless everything passes.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { unpackCase } from '../../src/dicom/package/unpack';
import { checkPackageFiles } from '../../src/dicom/package/check-package';
import { deidentifyPackage } from '../../src/dicom/package/deidentify-package';
import { describePackageProblem, type PackageProblem } from '../../src/dicom/package/package-files';
import type { ZipLimits } from '../../src/dicom/package/safe-unzip';
import { checkOutputFolder } from './write-case';
import { writePackageFiles } from './write-package';
import type { Output } from './run-import';

export interface PackageImportOptions {
  out?: string;
  salt: string;
  force: boolean;
  deidentify: boolean;
}

/** Files listed in a message: enough to find them, not a screenful. */
function someOf(paths: readonly string[]): string {
  const shown = paths.slice(0, 5).join(', ');
  return paths.length > 5 ? `${shown} and ${paths.length - 5} more` : shown;
}

export async function importPackage(input: string, options: PackageImportOptions, limits: ZipLimits, io: Output): Promise<number> {
  const refuse = (problems: readonly PackageProblem[]): number => {
    for (const p of problems) io.error(`case:import: ${input}: ${describePackageProblem(p)}`);
    io.error(`case:import: ${input}: refused. Nothing was imported.`);
    return 1;
  };
  const unpacked = await unpackCase(new Uint8Array(readFileSync(input)), limits);
  for (const note of unpacked.notes) io.error(`note: ${note}`);
  if (!unpacked.ok) return refuse(unpacked.problems);

  const id = unpacked.lesson.id;
  const out = options.out ?? join('cases', id);
  if (basename(out) !== id) {
    io.error(`case:import: the case folder must be named after the case id "${id}" (links use it): use --out <folder>/${id}`);
    return 2;
  }
  const busy = checkOutputFolder(out);
  if (busy) {
    io.error(`case:import: ${busy}`);
    return 1;
  }

  let files = unpacked.files;
  let deidReport: unknown;
  if (unpacked.notDeidentified.length) {
    const which = `${unpacked.notDeidentified.length} DICOM files do not say PatientIdentityRemoved YES (${someOf(unpacked.notDeidentified)})`;
    if (!options.deidentify) {
      return refuse([{ file: '(package)', message: `${which}: they may identify a patient. --deidentify de-identifies every DICOM file of the package as every import does` }]);
    }
    io.error(`case:import: ${which}: de-identifying every DICOM file of the package`);
    const deid = deidentifyPackage(files, { caseId: id, salt: options.salt, force: options.force });
    for (const n of deid.forced) io.error(`forced: ${n.file}: ${n.reason} (de-identified because of --force; its pixels are not)`);
    if (deid.quarantined.length) {
      return refuse(deid.quarantined.map((n) => ({ file: n.file, message: `${n.reason} (the case uses it; --force de-identifies it anyway: check its pixels first)` })));
    }
    // The same checks again: the case must still fit its images, and no file may be left as it was.
    const again = await checkPackageFiles(deid.files);
    if (again.problems.length) return refuse(again.problems);
    if (again.notDeidentified.length) {
      return refuse([{ file: '(package)', message: `still not de-identified: ${someOf(again.notDeidentified)}` }]);
    }
    files = deid.files;
    deidReport = deid.report;
  }
  const extra = deidReport ? new Map([['deid-report.json', new TextEncoder().encode(`${JSON.stringify(deidReport, null, 2)}\n`)]]) : new Map<string, Uint8Array>();
  writePackageFiles(out, new Map([...files, ...extra]));
  io.log(`case:import: case "${id}" (${unpacked.lesson.title}) written to ${out}: ${files.size} files from the package`);
  io.log(`check it with npm run cases:check -- ${out}`);
  return 0;
}
