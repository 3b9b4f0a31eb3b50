/**
 * Whether captions show over the image while the lesson plays: the learner's choice once made (kept in localStorage,
 * shared by every tab); until then on where nothing speaks (no recorded narration, no speech voice), off elsewhere.
 */
import { useSyncExternalStore } from 'react';
import { browserStorage, storedValueChannel, storeItem } from '../browser-storage';

const KEY = 'ctv.captions';
const channel = storedValueChannel();
/** Used when storage is blocked, so the toggle still works for this page. */
let fallback: 'on' | 'off' | null = null;

function read(): 'on' | 'off' | null {
  const storage = browserStorage();
  const v = storage ? storage.getItem(KEY) : fallback;
  return v === 'on' || v === 'off' ? v : null;
}

export function setCaptions(on: boolean): void {
  fallback = on ? 'on' : 'off';
  storeItem(KEY, fallback);
  channel.notify();
}

/** @param silent nothing speaks while the lesson plays: captions are on unless the learner turned them off */
export function useCaptions(silent: boolean): boolean {
  const chosen = useSyncExternalStore(channel.subscribe, read);
  return chosen === null ? silent : chosen === 'on';
}
