/**
 * Unknown mode: the learner's choice to see cases without their titles (or tags that name the answer) until the
 * diagnosis is revealed, as board candidates review unknowns. Kept in localStorage, shared by every tab.
 */
import { useSyncExternalStore } from 'react';

const KEY = 'ctv.unknownMode';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return window.localStorage.getItem(KEY) === 'on';
  } catch {
    return false; // storage blocked (private mode, sandbox): the mode is simply off
  }
}

export function setUnknownMode(on: boolean): void {
  try {
    window.localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Not persisted; the page still follows the choice through the listeners below.
  }
  listeners.forEach((l) => l());
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener('storage', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onChange);
  };
}

export function useUnknownMode(): boolean {
  return useSyncExternalStore(subscribe, read);
}
