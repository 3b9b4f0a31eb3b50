/**
 * The files of a case folder that go into its package, after the folder passes the checks `npm run cases:check`
 * runs: case.json and what it uses (manifests, DICOM, narration, WebVTT) and the data licences at the top.
 * Everything else in the folder is named in a note (phantom ground truth, the de-identification report …).
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { checkCase } from '../../src/dicom/check-case';
import type { ParsedCase } from '../../src/case/schema';
import { casePaths } from '../../src/dicom/package/case-paths';
import { filesNotDeidentified } from '../../src/dicom/package/identity';
import { CASE_FILE, packageFileKind, README_FILE } from '../../src/dicom/package/package-format';
import type { PackageProblem } from '../../src/dicom/package/package-files';
import { folderReader } from '../fs-case-reader';

export interface GatheredCase {
  lesson?: ParsedCase;
  files: Map<string, Uint8Array>;
  problems: PackageProblem[];
  /** Files of the folder that are not packed, with the reason; checks that could not be made. */
  notes: string[];
  notDeidentified: string[];
}

/** Every regular file under the folder, "/"-separated relative paths; links are not followed. */
function allFiles(root: string, folder = root): string[] {
  return readdirSync(folder).sort().flatMap((name) => {
    const path = join(folder, name);
    const stat = lstatSync(path);
    if (stat.isDirectory()) return allFiles(root, path);
    return stat.isFile() ? [relative(root, path).split(sep).join('/')] : [];
  });
}

/** The case's DICOMweb server ids are not checked against a config: a package cannot hold such series anyway. */
export async function gatherCaseFolder(folder: string): Promise<GatheredCase> {
  const files = new Map<string, Uint8Array>();
  const failed = (problems: PackageProblem[]): GatheredCase => ({ files, problems, notes: [], notDeidentified: [] });
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(join(folder, CASE_FILE), 'utf8'));
  } catch (e) {
    return failed([{ file: CASE_FILE, message: `cannot read: ${(e as Error).message}` }]);
  }
  const reader = folderReader(folder);
  const report = await checkCase(json, reader);
  if (!report.value || report.problems.length) {
    return failed(report.problems.map((p) => ({ file: CASE_FILE, path: p.path, message: p.message })));
  }
  const used = await casePaths(json, report.value, reader);
  if (used.problems.length) return failed(used.problems);
  for (const path of used.paths) {
    try {
      files.set(path, await reader.readBytes(path));
    } catch (e) {
      return failed([{ file: path, message: `named by case.json but cannot be read: ${(e as Error).message}` }]);
    }
  }
  const notes = report.notes.map((n) => `${CASE_FILE}: note: ${n.path}: ${n.message}`);
  for (const path of allFiles(folder)) {
    if (files.has(path)) continue;
    if (path === README_FILE) notes.push(`${path}: not packed, the package gets a README made afresh from case.json`);
    else if (packageFileKind(path, new Uint8Array()) === 'licence') files.set(path, new Uint8Array(readFileSync(join(folder, path))));
    else notes.push(`${path}: not packed, case.json does not use it`);
  }
  return { lesson: report.value, files, problems: [], notes, notDeidentified: filesNotDeidentified(files, used.dicom) };
}
