/**
 * Work in progress, kept in this browser until exported: one draft case file per key. A library case's draft is
 * kept under its case id; a draft on local files under the identity of those files (`localDraftKey`), so it comes
 * back only over the same images. Stored as JSON and read back loosely (the author store's checker says what is
 * wrong with it); a damaged entry is ignored.
 */
import type { Draft } from '../../case/authoring';
import { browserStorage, storeItem } from '../browser-storage';

const PREFIX = 'ctv.author.';
const LOCAL = 'local.';
const keyOf = (key: string): string => `${PREFIX}${key}`;

/** The draft key of a case made on local files with this file-set identity (`dicom/file-set-identity.ts`). */
export const localDraftKey = (identity: string): string => `${LOCAL}${identity}`;

export interface StoredDraft {
  draft: Draft;
  savedAt: string;
}

export function readDraft(key: string): StoredDraft | null {
  try {
    const raw = browserStorage()?.getItem(keyOf(key));
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<StoredDraft>;
    return v && typeof v === 'object' && v.draft && typeof v.draft === 'object' && typeof v.savedAt === 'string' ? (v as StoredDraft) : null;
  } catch {
    return null;
  }
}

export function saveDraft(key: string, draft: Draft): void {
  storeItem(keyOf(key), JSON.stringify({ draft, savedAt: new Date().toISOString() }));
}

export function discardDraft(key: string): void {
  try {
    browserStorage()?.removeItem(keyOf(key));
  } catch {
    // blocked storage: nothing was kept
  }
}

export interface LocalDraftSummary {
  key: string;
  title: string;
  savedAt: string;
  images: number;
}

/** Drafts kept for cases on local files, newest first: what a reload or another set of files can point back to. */
export function localDrafts(): LocalDraftSummary[] {
  const storage = browserStorage();
  if (!storage) return [];
  const out: LocalDraftSummary[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const full = storage.key(i);
      if (!full?.startsWith(PREFIX + LOCAL)) continue;
      const key = full.slice(PREFIX.length);
      const stored = readDraft(key);
      const images = Number(/^local\.(\d+)-/.exec(key)?.[1] ?? 0);
      if (stored) out.push({ key, title: String(stored.draft.title ?? ''), savedAt: stored.savedAt, images });
    }
  } catch {
    return out;
  }
  return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}
