/**
 * The checks a package's files pass before anyone uses them: the case file with the app's parser and
 * cross-checks, its DICOM headers with the case checker (as `npm run cases:check` does a folder), every file the
 * case names present, and no file from outside the package (DICOMweb series, narration on another host).
 */
import type { ParsedCase } from '../../case/schema';
import { describeProblem } from '../../case/errors';
import { checkCase } from '../check-case';
import { casePaths } from './case-paths';
import { filesNotDeidentified } from './identity';
import { CASE_FILE } from './package-format';
import { packageReader, type PackageFiles, type PackageProblem } from './package-files';

export interface PackageCheck {
  /** The parsed case, when there is no problem. */
  lesson?: ParsedCase;
  /** case.json as written (its WebVTT transcript not yet read in). */
  caseJson?: unknown;
  problems: PackageProblem[];
  /** What could not be checked or was left aside, as sentences. */
  notes: string[];
  /** Every file the case uses: case.json, manifests, DICOM, narration, transcript. */
  used: Set<string>;
  /** DICOM files that do not say PatientIdentityRemoved YES (see identity.ts). */
  notDeidentified: string[];
}

/**
 * No deployment context: the app's DICOMweb servers are what a case may name, and a package names none.
 * @param leftOut files the package held but did not keep, with the reason, for clearer messages
 */
export async function checkPackageFiles(files: PackageFiles, leftOut: ReadonlyMap<string, string> = new Map()): Promise<PackageCheck> {
  const fail = (problems: PackageProblem[], caseJson?: unknown): PackageCheck => ({
    caseJson,
    problems,
    notes: [],
    used: new Set(),
    notDeidentified: [],
  });
  const bytes = files.get(CASE_FILE);
  if (!bytes) {
    return fail([
      {
        file: CASE_FILE,
        message:
          'missing: a case package has case.json at its top (a zip of DICOM files alone is not a package: npm run case:import makes a case of it)',
      },
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch (e) {
    return fail([{ file: CASE_FILE, message: `not valid JSON: ${(e as Error).message}` }]);
  }
  const reader = packageReader(files, leftOut);
  const report = await checkCase(json, reader);
  const problems: PackageProblem[] = report.problems.map((p) => ({ file: CASE_FILE, path: p.path, message: p.message }));
  if (!report.value || problems.length) return fail(problems, json);
  const paths = await casePaths(json, report.value, reader);
  if (paths.problems.length) return fail(paths.problems, json);
  for (const p of paths.paths) {
    if (!files.has(p)) problems.push({ file: p, message: leftOut.get(p) ? `left out of the package: ${leftOut.get(p)}` : 'named by case.json but not in the package' });
  }
  if (problems.length) return fail(problems, json);
  return {
    lesson: report.value,
    caseJson: json,
    problems: [],
    notes: report.notes.map((n) => `${CASE_FILE}: note: ${describeProblem(n)}`),
    used: new Set(paths.paths),
    notDeidentified: filesNotDeidentified(files, paths.dicom),
  };
}
