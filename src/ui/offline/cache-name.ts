/** The Cache Storage name of cases saved for offline use; the service worker (vite.config.ts) reads it too. */
export const OFFLINE_CACHE = 'ctv-cases-v1';
