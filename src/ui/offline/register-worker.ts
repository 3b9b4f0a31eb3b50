/**
 * Registers the offline service worker once the page has settled. Installing it downloads the whole app shell
 * (every chunk and codec, several MB) for offline use; started at page load, as the PWA plugin's own script does,
 * that download competed with a case's first images (the first image came three times slower in `npm run bench`).
 * So it waits for the page's load event, for no viewport to be loading, and for an idle moment. "Save for
 * offline" registers it at once: saving a case means the learner wants the app offline.
 */
import { useViewportStatus } from '../viewport-status';

/** After the load event, how long before looking: a case page's viewports report "loading" by then. */
const SETTLE_MS = 2000;
const RECHECK_MS = 1000;

let registration: Promise<ServiceWorkerRegistration | undefined> | undefined;

export function registerOfflineWorkerNow(): Promise<ServiceWorkerRegistration | undefined> {
  if (!('serviceWorker' in navigator)) return Promise.resolve(undefined);
  // A refused registration (private window, blocked storage) leaves the app working online, as before.
  registration ??= navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => undefined);
  return registration;
}

function viewportsLoading(): boolean {
  return Object.values(useViewportStatus.getState().byId).some((s) => s.state === 'loading');
}

export function registerOfflineWorkerWhenSettled(): void {
  if (!('serviceWorker' in navigator)) return;
  const attempt = (): void => {
    if (registration) return;
    if (viewportsLoading()) {
      setTimeout(attempt, RECHECK_MS);
      return;
    }
    if ('requestIdleCallback' in window) requestIdleCallback(() => void registerOfflineWorkerNow(), { timeout: 5000 });
    else void registerOfflineWorkerNow();
  };
  const afterLoad = (): void => void setTimeout(attempt, SETTLE_MS);
  if (document.readyState === 'complete') afterLoad();
  else window.addEventListener('load', afterLoad, { once: true });
}
