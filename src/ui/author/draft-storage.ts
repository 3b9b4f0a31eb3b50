/**
 * Work in progress, kept in this browser until exported: the draft case file per case id. Stored as JSON and
 * read back loosely (the author store's checker says what is wrong with it); a damaged entry is ignored.
 */
import type { Draft } from '../../case/authoring';
import { browserStorage, storeItem } from '../browser-storage';

const keyOf = (caseId: string): string => `ctv.author.${caseId}`;

export interface StoredDraft {
  draft: Draft;
  savedAt: string;
}

export function readDraft(caseId: string): StoredDraft | null {
  try {
    const raw = browserStorage()?.getItem(keyOf(caseId));
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<StoredDraft>;
    return v && typeof v === 'object' && v.draft && typeof v.savedAt === 'string' ? (v as StoredDraft) : null;
  } catch {
    return null;
  }
}

export function saveDraft(caseId: string, draft: Draft): void {
  storeItem(keyOf(caseId), JSON.stringify({ draft, savedAt: new Date().toISOString() }));
}

export function discardDraft(caseId: string): void {
  try {
    browserStorage()?.removeItem(keyOf(caseId));
  } catch {
    // blocked storage: nothing was kept
  }
}
