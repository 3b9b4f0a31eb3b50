/**
 * deid-report.json: what the import did, for whoever publishes the case. Counts and reasons only: no values,
 * no file names (they may hold a patient's name or an original UID), no salt and no date offset.
 */
import { DEID_METHOD_CODES, DEID_METHOD_TEXT } from '../deid/method';
import type { DeidCounts, DeidTally } from '../deid/report';

export interface FileNote {
  file: string;
  reason: string;
}

export interface DeidReport {
  reportVersion: 1;
  method: string;
  codes: { scheme: 'DCM'; code: string; meaning: string }[];
  decisions: Record<string, string>;
  files: { imported: number; series: number; quarantined: number; forced: number; skipped: number };
  /** Reason → how many files. */
  quarantineReasons: Record<string, number>;
  forcedReasons: Record<string, number>;
  skipReasons: Record<string, number>;
  distinctUidsReplaced: number;
  counts: DeidCounts;
}

/** How this importer applies the profile; docs/case-import.md says the same at more length. */
export const DEID_DECISIONS: Record<string, string> = {
  profile: 'Attributes of PS3.15 Table E.1-1 removed (X), emptied (Z) or replaced (D) by our table; where X/Z/D was allowed, removed.',
  patient: 'PatientName and PatientID set to the case id; birth date and sex emptied; age, size, weight and other patient attributes removed.',
  personNames: 'Every other person name (PN) removed or emptied, at any depth.',
  uids: 'Every instance UID (any UI value outside DICOM\'s own 1.2.840.10008 root, class UIDs excepted) replaced by 2.25.<hash of a secret per-case salt and the old UID>, the same in every file, so references still match.',
  dates: 'Every DA value and the date part of every DT value shifted by one per-case number of days (not recorded); times kept.',
  descriptors: 'Descriptions kept when every word is on our technical word list, else reduced to their listed words, else removed.',
  privateElements: 'All private elements removed; overlays, curves, icons and digital signatures removed.',
  pixels: 'Pixel data unchanged; images with BurnedInAnnotation YES, secondary or screen captures are refused unless forced.',
};

function reasons(notes: readonly FileNote[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of notes) out[n.reason] = (out[n.reason] ?? 0) + 1;
  return out;
}

export function buildReport(input: {
  series: readonly { files: readonly Uint8Array[] }[];
  quarantined: readonly FileNote[];
  forced: readonly FileNote[];
  skipped: readonly FileNote[];
  tally: DeidTally;
  distinctUids: number;
}): DeidReport {
  return {
    reportVersion: 1,
    method: DEID_METHOD_TEXT,
    codes: DEID_METHOD_CODES.map((c) => ({ scheme: 'DCM', code: c.code, meaning: c.meaning })),
    decisions: DEID_DECISIONS,
    files: {
      imported: input.series.reduce((n, s) => n + s.files.length, 0),
      series: input.series.length,
      quarantined: input.quarantined.length,
      forced: input.forced.length,
      skipped: input.skipped.length,
    },
    quarantineReasons: reasons(input.quarantined),
    forcedReasons: reasons(input.forced),
    skipReasons: reasons(input.skipped),
    distinctUidsReplaced: input.distinctUids,
    counts: input.tally.toJSON(),
  };
}
