/**
 * Opens a case package without trusting it. The archive is read by the safe zip reader (no path traversal,
 * absolute paths, drives or symbolic links; entry count and inflated sizes limited on the real bytes), then its
 * names must be plain, unique paths; files of kinds a package does not hold are left out with a note; the case
 * is checked like a case folder. Nothing is written: files come back as bytes, for the caller to show or store.
 */
import type { ParsedCase } from '../../case/schema';
import { readZipSafely, ZipRefusedError, type ZipEntry, type ZipLimits } from './safe-unzip';
import { CASE_FILE, packageFileKind, packagePathProblem } from './package-format';
import { PACKAGE, type PackageProblem } from './package-files';
import { checkPackageFiles } from './check-package';

export type UnpackResult =
  | {
      ok: true;
      /** The files the case uses, with the README and licences: paths relative to the case folder. */
      files: Map<string, Uint8Array>;
      /** case.json as written in the package. */
      caseJson: unknown;
      lesson: ParsedCase;
      /** Files left out and things not checked, as sentences naming the file. */
      notes: string[];
      /** DICOM files that do not say PatientIdentityRemoved YES. */
      notDeidentified: string[];
    }
  | { ok: false; problems: PackageProblem[]; notes: string[] };

/** What macOS's "Compress" adds beside the files (resource forks): never part of a case. */
const MAC_METADATA = '__MACOSX/';

/**
 * Packages zipped as a folder (`zip -r case.zip my-case/`) hold everything under one top folder: read them from
 * there. Returns the prefix to strip ('' when case.json is already at the top).
 */
function topFolder(entries: readonly ZipEntry[]): string {
  if (entries.some((e) => e.name === CASE_FILE)) return '';
  const top = entries.find((e) => e.name.endsWith(`/${CASE_FILE}`) && e.name.split('/').length === 2);
  if (!top) return '';
  const prefix = top.name.slice(0, -CASE_FILE.length);
  return entries.every((e) => e.name.startsWith(prefix) || e.name.startsWith(MAC_METADATA)) ? prefix : '';
}

/** Names that the zip reader allows but that cannot be written to a folder as they are. */
function nameProblems(names: readonly string[]): PackageProblem[] {
  const problems: PackageProblem[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const unsafe = packagePathProblem(name);
    if (unsafe) problems.push({ file: PACKAGE, message: `entry "${name}" ${unsafe}` });
    // Windows and macOS folders ignore case: "A.dcm" would overwrite "a.dcm" there.
    const folded = name.toLowerCase();
    const earlier = seen.get(folded);
    if (earlier !== undefined) {
      problems.push({ file: PACKAGE, message: earlier === name ? `entry "${name}" appears twice` : `entries "${earlier}" and "${name}" differ only in case` });
    }
    seen.set(folded, name);
  }
  const folders = new Set(names.flatMap((n) => n.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/').toLowerCase())));
  for (const name of names) {
    if (folders.has(name.toLowerCase())) problems.push({ file: PACKAGE, message: `entry "${name}" is both a file and a folder` });
  }
  return problems;
}

export async function unpackCase(zipBytes: Uint8Array, limits: ZipLimits): Promise<UnpackResult> {
  let entries: ZipEntry[];
  const notes: string[] = [];
  try {
    const read = readZipSafely(zipBytes, limits);
    entries = read.entries;
    notes.push(...read.notes);
  } catch (e) {
    if (!(e instanceof ZipRefusedError)) throw e;
    return { ok: false, problems: [{ file: PACKAGE, message: `refused: ${e.message}` }], notes };
  }
  const prefix = topFolder(entries);
  if (prefix) notes.push(`the files are inside the folder "${prefix}": read from there`);
  const named = entries.map((e) => ({ name: prefix && e.name.startsWith(prefix) ? e.name.slice(prefix.length) : e.name, bytes: e.bytes }));
  const refused = nameProblems(named.map((e) => e.name));
  if (refused.length) return { ok: false, problems: refused, notes };

  const kept = new Map<string, Uint8Array>();
  const leftOut = new Map<string, string>();
  for (const { name, bytes } of named) {
    if (packageFileKind(name, bytes)) kept.set(name, bytes);
    else leftOut.set(name, 'not a file a case package holds (DICOM, manifest, narration, WebVTT, case.json, README or licence)');
  }
  const check = await checkPackageFiles(kept, leftOut);
  for (const [name, why] of leftOut) notes.push(`${name}: left out, ${why}`);
  if (check.problems.length || !check.lesson) return { ok: false, problems: check.problems, notes };

  const files = new Map<string, Uint8Array>();
  for (const [name, bytes] of kept) {
    const kind = packageFileKind(name, bytes);
    if (check.used.has(name) || kind === 'readme' || kind === 'licence') files.set(name, bytes);
    else notes.push(`${name}: left out, case.json does not use it`);
  }
  notes.push(...check.notes);
  return {
    ok: true,
    files,
    caseJson: check.caseJson,
    lesson: check.lesson,
    notes,
    notDeidentified: check.notDeidentified,
  };
}
