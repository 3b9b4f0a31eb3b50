/** The zip limits of the command line, where an archive may hold a whole study: --max-entries and friends. */
import type { ZipLimits } from '../../src/dicom/package/safe-unzip';

export const MB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 20_000,
  maxEntryBytes: 1024 * MB,
  maxTotalBytes: 4096 * MB,
};
