/**
 * Cases saved for offline use: their files live in one Cache Storage cache, which the service worker answers
 * from when the network is gone (see vite.config.ts). Which cases are saved, and their size, is kept in
 * localStorage for the library to show.
 */
import { useSyncExternalStore } from 'react';
import { browserStorage, storedValueChannel, storeItem } from '../browser-storage';

import { OFFLINE_CACHE } from './cache-name';

export { OFFLINE_CACHE };

export interface SavedCase {
  bytes: number;
  files: number;
  savedAt: string;
}

const KEY = 'ctv.offline';
const channel = storedValueChannel();
let cached: { raw: string | null; map: Readonly<Record<string, SavedCase>> } | null = null;

export function savedCases(): Readonly<Record<string, SavedCase>> {
  const raw = browserStorage()?.getItem(KEY) ?? null;
  if (cached?.raw === raw) return cached.map;
  let map: Record<string, SavedCase> = {};
  try {
    const v: unknown = raw ? JSON.parse(raw) : {};
    if (typeof v === 'object' && v !== null) map = v as Record<string, SavedCase>;
  } catch {
    // unreadable: the cache still holds the files; the library just does not know it until saved again
  }
  cached = { raw, map };
  return map;
}

export function markSaved(caseId: string, saved: SavedCase | null): void {
  const next = { ...savedCases() };
  if (saved) next[caseId] = saved;
  else delete next[caseId];
  storeItem(KEY, JSON.stringify(next));
  channel.notify();
}

export function useSavedCases(): Readonly<Record<string, SavedCase>> {
  return useSyncExternalStore(channel.subscribe, savedCases);
}

/** Whether this browser can keep cases offline at all (a secure context with Cache Storage and service workers). */
export function offlineSupported(): boolean {
  return typeof caches !== 'undefined' && 'serviceWorker' in navigator;
}

export async function removeOfflineCase(caseId: string): Promise<void> {
  const cache = await caches.open(OFFLINE_CACHE);
  const folder = new URL(`cases/${caseId}/`, window.location.href).href;
  for (const request of await cache.keys()) if (request.url.startsWith(folder)) await cache.delete(request);
  markSaved(caseId, null);
}
