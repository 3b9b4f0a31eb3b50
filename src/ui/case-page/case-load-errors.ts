/** What the case page says when a case's own file cannot be had, in words for the person who followed the link. */
import { reasonOf } from '../../dicom/errors';

/** Thrown by the case reader when the host has no such file (a 404, or an app host's index.html instead). */
export const NOT_FOUND = 'not found';

/** The message for a case.json that could not be read: "no such case" for a missing one, else the reason. */
export function caseFileFailure(caseId: string, thrown: unknown): string {
  const reason = reasonOf(thrown);
  if (reason === NOT_FOUND || /^HTTP 404\b/.test(reason)) {
    return `There is no case "${caseId}" here: cases/${caseId}/case.json was not found. Check the link, or pick a case from the library.`;
  }
  if (thrown instanceof SyntaxError) return `cases/${caseId}/case.json is not valid JSON: ${reason}`;
  return `cases/${caseId}/case.json could not be read: ${reason}`;
}
