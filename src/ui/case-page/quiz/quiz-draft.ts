/**
 * The learner's unfinished quiz answer, kept in this browser while they type so a reload loses nothing.
 * Cleared once the answer is committed (the committed answer lives in the progress record).
 */
import { browserStorage, storeItem } from '../../browser-storage';

export interface QuizDraft {
  findings: string;
  answers: string[];
}

export const EMPTY_DRAFT: QuizDraft = { findings: '', answers: ['', '', ''] };

const keyOf = (caseId: string): string => `ctv.quiz-draft.${caseId}`;

export function readDraft(caseId: string): QuizDraft {
  try {
    const raw = browserStorage()?.getItem(keyOf(caseId));
    if (!raw) return EMPTY_DRAFT;
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null) return EMPTY_DRAFT;
    const { findings, answers } = v as { findings?: unknown; answers?: unknown };
    const list = Array.isArray(answers) ? answers.filter((a): a is string => typeof a === 'string') : [];
    return { findings: typeof findings === 'string' ? findings : '', answers: list.length > 0 ? list : EMPTY_DRAFT.answers };
  } catch {
    return EMPTY_DRAFT; // a damaged draft is only a draft: start afresh rather than fail the page
  }
}

export function saveDraft(caseId: string, draft: QuizDraft): void {
  storeItem(keyOf(caseId), JSON.stringify(draft));
}

export function clearDraft(caseId: string): void {
  try {
    browserStorage()?.removeItem(keyOf(caseId));
  } catch {
    // blocked storage: nothing was kept either
  }
}
