/**
 * Case packages kept in this browser (IndexedDB), so a package opened once stays in the library across reloads
 * until the learner removes it. The zip itself is kept, and read again (with every check) when the case is
 * opened; its library card is kept beside it, so the library lists it without the zip reader. A package whose
 * DICOM files do not all say they were de-identified is never kept: patient data does not stay behind in a
 * browser unasked. Blocked or full storage is no error: the package then lives for the page, as before.
 */
import { useSyncExternalStore } from 'react';
import type { LibraryEntry } from '../../case/library';
import type { OpenedPackage } from './opened-packages';
import { idbStore } from '../idb';

export interface KeptPackage {
  caseId: string;
  fileName: string;
  entry: LibraryEntry;
  /** ISO time it was kept. */
  keptAt: string;
}

interface Stored extends KeptPackage {
  zip: Blob;
}

// The database and store names stay as they were: packages kept by earlier versions are found again.
const run = idbStore('ctv-case-packages', 'packages', 'caseId');

let snapshot: readonly KeptPackage[] = [];
/** Case id -> why this browser did not keep it (storage refused), for the package page to say. */
const refusals = new Map<string, string>();
let loaded = false;
const listeners = new Set<() => void>();

async function refresh(): Promise<void> {
  const all = await run('readonly', (s) => s.getAll() as IDBRequest<Stored[]>).catch((): Stored[] => []);
  snapshot = all.map(({ caseId, fileName, entry, keptAt }) => ({ caseId, fileName, entry, keptAt }));
  listeners.forEach((l) => l());
}

/**
 * Keeps a package's zip and card, unless a DICOM file of it may identify a patient; when storage refuses,
 * `keepRefusal` says why.
 */
export async function keepPackage(p: Pick<OpenedPackage, 'lesson' | 'entry' | 'fileName' | 'notDeidentified'>, zip: Blob): Promise<void> {
  if (p.notDeidentified.length > 0) return;
  const caseId = p.lesson.id;
  const record: Stored = { caseId, fileName: p.fileName, entry: p.entry, keptAt: new Date().toISOString(), zip };
  try {
    await run('readwrite', (s) => s.put(record));
    refusals.delete(caseId);
  } catch (e) {
    refusals.set(caseId, e instanceof Error ? e.message : String(e));
  }
  await refresh();
}

export function keepRefusal(caseId: string): string | undefined {
  return refusals.get(caseId);
}

/** The kept zip of a case, as a File with its original name, if this browser keeps it. */
export async function keptPackageFile(caseId: string): Promise<File | undefined> {
  const stored = await run('readonly', (s) => s.get(caseId) as IDBRequest<Stored | undefined>).catch(() => undefined);
  return stored ? new File([stored.zip], stored.fileName, { type: 'application/zip' }) : undefined;
}

/** The case ids of the packages this browser keeps, read from storage (not waiting for the library's list). */
export async function keptCaseIds(): Promise<string[]> {
  const keys = await run('readonly', (s) => s.getAllKeys()).catch((): IDBValidKey[] => []);
  return keys.filter((k): k is string => typeof k === 'string');
}

export async function forgetPackage(caseId: string): Promise<void> {
  await run('readwrite', (s) => s.delete(caseId)).catch(() => undefined);
  await refresh();
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  if (!loaded) {
    loaded = true;
    void refresh();
  }
  return () => listeners.delete(onChange);
}

/** The packages this browser keeps (empty until storage has answered). */
export function useKeptPackages(): readonly KeptPackage[] {
  return useSyncExternalStore(subscribe, () => snapshot);
}
