/**
 * Which files a piece of work was made on: a short, stable name for a set of DICOM images, from their SOP Instance
 * UIDs (the file's size and name when a file has none). The same files picked again, in any order or from another
 * folder, give the same name; one file more, less or different gives another. Author drafts on local files are
 * kept under it, so a draft never comes back over images it was not made on.
 */
import type { DicomHeader } from './header';

/** 53 bits of a 64-bit FNV-1a over the text: not a secret, only a name that two different sets will not share. */
function hash53(text: string): string {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = (1n << 64n) - 1n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * prime) & mask;
  }
  return (h >> 11n).toString(36);
}

export interface IdentifiedFile {
  name: string;
  header: Pick<DicomHeader, 'sopInstanceUID'>;
  size?: number;
}

export function fileSetIdentity(files: Iterable<IdentifiedFile>): string {
  const names = [...files].map((f) => f.header.sopInstanceUID || `file:${f.size ?? ''}:${f.name.split('/').pop()}`).sort();
  return `${names.length}-${hash53(names.join('\n'))}`;
}
