/** Reads a case's files from a folder on disk (for the command-line tools and tests). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseFileReader } from '../src/dicom/case-files';

export function folderReader(caseFolder: string): CaseFileReader {
  const open = async (relative: string): Promise<Buffer> => {
    try {
      return await readFile(join(caseFolder, relative));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`file not found: ${relative}`);
      throw e;
    }
  };
  return {
    readText: async (p) => (await open(p)).toString('utf8'),
    readBytes: async (p) => new Uint8Array(await open(p)),
  };
}
