import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { parseHash, type Route } from './ui/route';
import { knownAlias, resolveAlias } from './ui/case-alias';
import { presentSessionBase } from './ui/presenting/present-session';
import { registerOfflineWorkerWhenSettled } from './ui/offline/register-worker';
import './ui/theme.css';
import './ui/responsive.css';

/**
 * A case page's downloads start here, at route parse, not when React gets round to mounting it: the case file and
 * its opening images (a small chunk of its own), and the case page's code with Cornerstone, side by side.
 */
let openCase: string | null = null;
function preloadRoute(): void {
  const parsed: Route = parseHash(window.location.hash);
  // A presentation's neutral address (a reload of the audience window) stands for the case presented.
  const route = parsed.page === 'present' && !parsed.console ? (presentSessionBase(parsed.session) ?? parsed) : parsed;
  if (route.page === 'unknown') {
    // An unknown-mode address names its case by alias: the library's list says which (case-alias.ts).
    const known = knownAlias(route.alias);
    if (known !== null) preload(known, route.step);
    else void resolveAlias(route.alias).then((caseId) => caseId !== null && preload(caseId, route.step));
    return;
  }
  preload(route.page === 'case' || route.page === 'console' ? route.caseId : null, route.page === 'case' || route.page === 'console' ? route.step : null);
}

function preload(caseId: string | null, step: number | null): void {
  // Only on arriving at a case: its own step changes (which rewrite the hash) need nothing new.
  if (caseId === openCase) return;
  openCase = caseId;
  if (caseId === null) return;
  void import('./ui/case-page/case-preload').then((m) => m.preloadCase(caseId, step));
  void import('./ui/case-page/CasePage');
}
preloadRoute();
window.addEventListener('hashchange', preloadRoute);

registerOfflineWorkerWhenSettled();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
