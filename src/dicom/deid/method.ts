/**
 * What a de-identified file says about itself (PS3.15 E.1.1, PS3.16 CID 7050): PatientIdentityRemoved, the
 * method in words and as codes, and that its dates were modified.
 */
import { setValues, type Dataset } from './dataset';
import type { DeidContext } from './deidentify';

/** DCM codes of the profile and the two options we apply. */
export const DEID_METHOD_CODES = [
  { code: '113100', meaning: 'Basic Application Confidentiality Profile' },
  { code: '113107', meaning: 'Retain Longitudinal Temporal Information Modified Dates Option' },
  { code: '113105', meaning: 'Clean Descriptors Option' },
] as const;

/** At most 64 characters (LO). */
export const DEID_METHOD_TEXT = 'PS3.15 E.1 Basic Profile, Modified Dates, Clean Descriptors';

export function markDeidentified(ds: Dataset, ctx: DeidContext): void {
  // PatientName and PatientID are Type 2: present in every image even when the source had none.
  for (const [tag, vr, keyword] of [['00100010', 'PN', 'PatientName'], ['00100020', 'LO', 'PatientID']] as const) {
    if (!ds[tag]) {
      setValues(ds, tag, vr, [vr === 'PN' ? { Alphabetic: ctx.caseId } : ctx.caseId]);
      ctx.tally.count(tag, 'added', keyword);
    }
  }
  setValues(ds, '00120062', 'CS', ['YES']);
  setValues(ds, '00120063', 'LO', [DEID_METHOD_TEXT]);
  setValues(
    ds,
    '00120064',
    'SQ',
    DEID_METHOD_CODES.map((c) => ({
      '00080100': { vr: 'SH', Value: [c.code] },
      '00080102': { vr: 'SH', Value: ['DCM'] },
      '00080104': { vr: 'LO', Value: [c.meaning] },
    })),
  );
  setValues(ds, '00280303', 'CS', ['MODIFIED']);
}
