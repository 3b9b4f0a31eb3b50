/**
 * Writes an unpacked package as a case folder. Paths were checked by the unpacker (plain, relative, unique);
 * each is checked again to resolve inside the folder. Everything goes to a new hidden folder beside the
 * target first and is renamed into place at the end, so a failure half-way leaves no half-written case.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

export function writePackageFiles(out: string, files: ReadonlyMap<string, Uint8Array>): void {
  const target = resolve(out);
  mkdirSync(dirname(target), { recursive: true });
  const staging = mkdtempSync(join(dirname(target), '.case-import-'));
  chmodSync(staging, 0o755); // a temporary folder is private; the case folder is served to everyone
  try {
    for (const [path, bytes] of files) {
      const file = resolve(staging, ...path.split('/'));
      if (!file.startsWith(staging + sep)) throw new Error(`refusing to write outside ${out}: ${path}`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, bytes, { flag: 'wx' });
    }
    // An empty target folder may exist (checkOutputFolder allows it); rmdir removes only an empty one.
    if (existsSync(target)) rmdirSync(target);
    renameSync(staging, target);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
}
