/**
 * Unknown mode: the learner's choice to see cases without their titles (or tags that name the answer) until the
 * diagnosis is revealed, as board candidates review unknowns. Kept in localStorage, shared by every tab.
 */
import { useSyncExternalStore } from 'react';
import { browserStorage, storedValueChannel, storeItem } from './browser-storage';

const KEY = 'ctv.unknownMode';
const channel = storedValueChannel();
/** Used when storage is blocked, so the toggle still works for this page. */
let fallback = false;

function read(): boolean {
  const storage = browserStorage();
  return storage ? storage.getItem(KEY) === 'on' : fallback;
}

/** The mode now, for code outside React (addresses are written from store subscriptions). */
export function isUnknownMode(): boolean {
  return read();
}

export function setUnknownMode(on: boolean): void {
  fallback = on;
  storeItem(KEY, on ? 'on' : 'off');
  channel.notify();
}

export function useUnknownMode(): boolean {
  return useSyncExternalStore(channel.subscribe, read);
}
