/**
 * Whether a package's DICOM files say they were de-identified. Our importer sets PatientIdentityRemoved
 * (0012,0062) to YES on every file it writes; a file without it came from somewhere else and may hold a patient's
 * name, so the import command refuses it (or de-identifies the package on request) and the browser says so.
 */
import dicomParser from 'dicom-parser';
import type { PackageFiles } from './package-files';

function saysIdentityRemoved(bytes: Uint8Array): boolean {
  try {
    const ds = dicomParser.parseDicom(bytes, { untilTag: 'x7fe00010' });
    return ds.string('x00120062')?.trim().toUpperCase() === 'YES';
  } catch {
    return false; // unreadable: the case checker names the file and the reason
  }
}

/** The given DICOM paths whose file does not say PatientIdentityRemoved YES, in the order given. */
export function filesNotDeidentified(files: PackageFiles, dicomPaths: readonly string[]): string[] {
  return dicomPaths.filter((p) => {
    const bytes = files.get(p);
    return bytes !== undefined && !saysIdentityRemoved(bytes);
  });
}
