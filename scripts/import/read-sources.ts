/** The files an import reads: every regular file under a folder, the entries of a zip, or one file. */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFile } from '../../src/dicom/import/import-case';
import { listZipNames, readZipSafely, type ZipLimits } from '../../src/dicom/package/safe-unzip';
import { CASE_FILE } from '../../src/dicom/package/package-format';

export interface Sources {
  files: SourceFile[];
  /** Files passed over before reading, with the reason (symbolic links, unsupported zip entries). */
  notes: string[];
}

function isZip(path: string): boolean {
  if (/\.zip$/i.test(path)) return true;
  const head = readFileSync(path).subarray(0, 4);
  return head.length === 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/**
 * A zip with case.json at its top (or in its one top folder) is a case package: imported as the case it is,
 * not as a pile of DICOM. Throws ZipRefusedError when the archive's directory alone is refused (either kind of
 * import would refuse it), and the file system's error for a missing input.
 */
export function isCasePackage(path: string, limits: ZipLimits): boolean {
  if (!lstatSync(path).isFile() || !isZip(path)) return false;
  return listZipNames(new Uint8Array(readFileSync(path)), limits).some(
    (name) => name === CASE_FILE || (name.endsWith(`/${CASE_FILE}`) && name.split('/').length === 2),
  );
}

function walkFolder(root: string, folder: string, out: Sources): void {
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    const stat = lstatSync(path);
    const shown = relative(root, path);
    // Links are not followed: they could lead anywhere on the machine, or loop.
    if (stat.isSymbolicLink()) out.notes.push(`${shown}: skipped, a symbolic link`);
    else if (stat.isDirectory()) walkFolder(root, path, out);
    else if (stat.isFile()) out.files.push({ name: shown, bytes: new Uint8Array(readFileSync(path)) });
  }
}

/** Throws ZipRefusedError for a hostile or oversized archive. */
export function readSources(input: string, limits: ZipLimits): Sources {
  const stat = lstatSync(input);
  if (stat.isDirectory()) {
    const out: Sources = { files: [], notes: [] };
    walkFolder(input, input, out);
    return out;
  }
  if (!stat.isFile()) throw new Error(`${input} is neither a folder nor a file`);
  if (isZip(input)) {
    const { entries, notes } = readZipSafely(new Uint8Array(readFileSync(input)), limits);
    return { files: entries, notes };
  }
  return { files: [{ name: input, bytes: new Uint8Array(readFileSync(input)) }], notes: [] };
}
