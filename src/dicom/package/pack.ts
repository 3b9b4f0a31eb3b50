/**
 * Writes a case package: one zip with case.json first, then a README.md made from it, then every other file
 * in path order. The same files always give the same bytes (fixed entry times), so a package can be compared
 * or hashed. Only what `unpackCase` keeps may go in; checking the case itself is `checkPackageFiles`' job.
 */
// fflate: already the zip reader's inflater; zipSync writes stored and deflated entries with no Node APIs.
import { strToU8, zipSync, type Zippable } from 'fflate';
import { CASE_FILE, MEDIA_TYPES, extensionOf, packageFileKind, packagePathProblem, README_FILE } from './package-format';
import { PackageError, type PackageFiles, type PackageProblem } from './package-files';
import { packageReadme } from './readme';

export interface PackOptions {
  /** The time written on every entry; default 2020-01-01 00:00 (local time, as zip stores it). */
  mtime?: Date;
}

const DEFAULT_MTIME = new Date(2020, 0, 1);

/** Throws PackageError naming each file that may not go into a package, and why. */
export function packCase(files: PackageFiles, options: PackOptions = {}): Uint8Array {
  const problems: PackageProblem[] = [];
  const caseBytes = files.get(CASE_FILE);
  let caseJson: unknown;
  if (!caseBytes) problems.push({ file: CASE_FILE, message: 'missing: a package needs the case file at its top' });
  else {
    try {
      caseJson = JSON.parse(new TextDecoder('utf-8').decode(caseBytes));
    } catch (e) {
      problems.push({ file: CASE_FILE, message: `not valid JSON: ${(e as Error).message}` });
    }
  }
  const others: string[] = [];
  const licences: string[] = [];
  for (const [path, bytes] of files) {
    const unsafe = packagePathProblem(path);
    const kind = unsafe ? null : packageFileKind(path, bytes);
    if (unsafe) problems.push({ file: path, message: `cannot go into a package: the path ${unsafe}` });
    else if (!kind) problems.push({ file: path, message: 'cannot go into a package: not DICOM, a manifest, narration, WebVTT, a README or a licence' });
    // The README is made afresh below, from the case as it is now.
    else if (kind !== 'case' && kind !== 'readme') {
      others.push(path);
      if (kind === 'licence') licences.push(path);
    }
  }
  if (problems.length) throw new PackageError(problems);

  others.sort();
  const mtime = options.mtime ?? DEFAULT_MTIME;
  const zippable: Zippable = {};
  zippable[CASE_FILE] = [caseBytes!, { mtime }];
  zippable[README_FILE] = [strToU8(packageReadme(caseJson, others, licences)), { mtime }];
  for (const path of others) {
    // Audio and video are compressed already: storing them saves time and loses nothing.
    const level = extensionOf(path) in MEDIA_TYPES ? 0 : 6;
    zippable[path] = [files.get(path)!, { level, mtime }];
  }
  return zipSync(zippable);
}
