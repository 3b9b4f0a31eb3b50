/**
 * Whether a file says it was de-identified: Patient Identity Removed (0012,0062) YES, and the method it names
 * (De-identification Method (0012,0063) or its code sequence (0012,0064)), as PS3.3 C.7.1.1 asks of a file that
 * says YES. Publishing sends nothing else to an archive: a file without both may hold a patient's name.
 */
import dicomParser from 'dicom-parser';

export function saysDeidentified(bytes: Uint8Array): boolean {
  try {
    const ds = dicomParser.parseDicom(bytes, { untilTag: 'x7fe00010' });
    const removed = ds.string('x00120062')?.trim().toUpperCase() === 'YES';
    const method = Boolean(ds.string('x00120063')?.trim()) || Boolean(ds.elements.x00120064?.items?.length);
    return removed && method;
  } catch {
    return false;
  }
}

/** The names of the files that do not say so, in the order given. */
export function notDeidentified(files: readonly { name: string; bytes: Uint8Array }[]): string[] {
  return files.filter((f) => !saysDeidentified(f.bytes)).map((f) => f.name);
}
