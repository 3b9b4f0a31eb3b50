/**
 * The learner's progress kept in this browser (localStorage: small, synchronous, enough for per-case records).
 * Stored in the export format, so reading it back goes through the same validation as an import. A record this
 * app cannot read is set aside under another key, never silently overwritten: nothing a learner made is lost.
 */
import { useSyncExternalStore } from 'react';
import { emptyProgress, exportProgress, type CaseProgress, type ProgressMap } from '../case/progress';
import { importProgress } from '../case/progress-import';
import { browserStorage as storage, storedValueChannel, storeItem } from './browser-storage';

const KEY = 'ctv.progress';
const UNREADABLE_KEY = 'ctv.progress.unreadable';
const channel = storedValueChannel();
let cached: { raw: string | null; map: ProgressMap } | null = null;

export function readProgress(): ProgressMap {
  const raw = storage()?.getItem(KEY) ?? null;
  if (cached && cached.raw === raw) return cached.map;
  let map: ProgressMap = {};
  if (raw) {
    const r = importProgress(raw, {});
    if (r.ok) map = r.progress;
    else storeItem(UNREADABLE_KEY, raw);
  }
  cached = { raw, map };
  return map;
}

export function writeProgress(map: ProgressMap): void {
  storeItem(KEY, exportProgress(map));
  channel.notify();
}

export function updateCaseProgress(caseId: string, change: (p: CaseProgress) => CaseProgress): void {
  const all = readProgress();
  writeProgress({ ...all, [caseId]: change(all[caseId] ?? emptyProgress(caseId, new Date())) });
}

export function useProgress(): ProgressMap {
  return useSyncExternalStore(channel.subscribe, readProgress);
}
