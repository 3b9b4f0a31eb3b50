/** What the case page says when a case's own file cannot be had, in words for the person who followed the link. */
import { reasonOf } from '../../dicom/errors';
import { messages } from '../i18n/messages';

const m = messages.errors.caseFile;

/** Thrown by the case reader when the host has no such file (a 404, or an app host's index.html instead). */
export const NOT_FOUND = 'not found';

/** The message for a case.json that could not be read: "no such case" for a missing one, else the reason. */
export function caseFileFailure(caseId: string, thrown: unknown): string {
  const reason = reasonOf(thrown);
  if (reason === NOT_FOUND || /^HTTP 404\b/.test(reason)) {
    return m.notFound(caseId);
  }
  if (thrown instanceof SyntaxError) return m.notJson(caseId, reason);
  return m.unreadable(caseId, reason);
}
