/** localStorage with the care the app needs: blocked storage is no error, and every tab hears of changes. */

export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage blocked (private mode, sandbox): the value lives for this page only
  }
}

/** Stores a value; a full or blocked storage leaves the value for this page only, and is no error. */
export function storeItem(key: string, value: string): void {
  try {
    browserStorage()?.setItem(key, value);
  } catch {
    // Quota exceeded or storage blocked: nothing more to do here, the page keeps its own copy.
  }
}

/**
 * A subscribe function for useSyncExternalStore over values kept in localStorage: it hears changes made in this
 * page (through `notify`) and in other tabs (the `storage` event).
 */
export function storedValueChannel(): { subscribe(onChange: () => void): () => void; notify(): void } {
  const listeners = new Set<() => void>();
  return {
    subscribe(onChange) {
      listeners.add(onChange);
      window.addEventListener('storage', onChange);
      return () => {
        listeners.delete(onChange);
        window.removeEventListener('storage', onChange);
      };
    },
    notify: () => listeners.forEach((l) => l()),
  };
}
