/** "Save for offline" on a library card: progress, the copy kept, the storage used, and what went wrong. */
export const offline = {
  megabytes: (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`,
  storageInUse: (used: string, quota: string) => `${used} of ${quota} of this browser's storage in use`,
  group: (caseName: string) => `Offline copy of ${caseName}`,
  save: 'Save for offline',
  saving: 'Saving for offline',
  progress: (files: number, totalFiles: number, size: string) => `Saving: ${files} of ${totalFiles} files, ${size}`,
  saved: (size: string) => `Saved for offline (${size})`,
  remove: 'Remove offline copy',
  saveFailed: (reason: string) => `Could not save for offline: ${reason}`,
  caseDidNotLoad: 'the case did not load',
  dicomwebNotSaved: (series: string) => `series on a DICOMweb server cannot be saved offline: ${series}`,
};
