/** What author mode needs of a page that can export a package: the package made, what was found, and saving it. */
import type { Findings } from '../../dicom/deid/findings';

/** The narration recording an author picked, kept with the draft and written into the package at `narration.src`. */
export interface NarrationFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface PreparedPackage {
  /**
   * Identifying information found in the source files and what de-identification did with it; null when the
   * files go in unchanged, already de-identified (a library case's), and there is nothing to review.
   */
  findings: Findings | null;
  /** How many DICOM files go in. */
  files: number;
  /** Hands the zip over as a download. */
  save(): void;
}
