/** A package's files in memory: the problems found in them, and reading them as a case folder. */
import type { CaseFileReader } from '../case-files';
import { resolveInCase } from '../case-files';

/** Paths relative to the package's top (the case folder), "/"-separated, mapped to the file's bytes. */
export type PackageFiles = ReadonlyMap<string, Uint8Array>;

/** One reason a package is refused: the file (or "(package)" for the archive itself), the field, the reason. */
export interface PackageProblem {
  file: string;
  /** JSON path inside the file, for problems of case.json. */
  path?: string;
  message: string;
}

export const PACKAGE = '(package)';

export function describePackageProblem(p: PackageProblem): string {
  return p.path ? `${p.file}: ${p.path}: ${p.message}` : `${p.file}: ${p.message}`;
}

export class PackageError extends Error {
  constructor(readonly problems: PackageProblem[]) {
    super(problems.map(describePackageProblem).join('\n'));
    this.name = 'PackageError';
  }
}

/**
 * Reads a package's files as the case checker reads a folder. `leftOut` says why a file that the package held
 * was not kept, so a case pointing at it gets that reason rather than "not in the package".
 */
export function packageReader(files: PackageFiles, leftOut: ReadonlyMap<string, string> = new Map()): CaseFileReader {
  const bytesOf = (relative: string): Uint8Array => {
    const path = resolveInCase('', relative);
    const bytes = files.get(path);
    if (bytes) return bytes;
    const why = leftOut.get(path);
    // The checker puts the file's name before these reasons.
    throw new Error(why ? `left out of the package: ${why}` : 'not in the package');
  };
  return {
    readText: async (p) => new TextDecoder('utf-8').decode(bytesOf(p)),
    readBytes: async (p) => bytesOf(p),
  };
}
