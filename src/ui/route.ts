/**
 * Hash routes, so deep links work on any static host without rewrite rules:
 * `#/` library, `#/case/<caseId>` and `#/case/<caseId>/step/<n>` (n is 1-based), and the presenter console of
 * a case at `#/console/<caseId>/step/<n>`; local files at `#/local`; authoring a case on them at `#/local/author`; a case package being read at `#/package`,
 * and once open at `#/package/<caseId>`.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { page: 'library' }
  | { page: 'case'; caseId: string; step: number | null }
  | { page: 'console'; caseId: string; step: number | null }
  /** `author`: authoring a case on those files (`#/local/author`), which a reload must be able to come back to. */
  | { page: 'local'; author: boolean }
  | { page: 'author'; caseId: string }
  /** `caseId` null: the package just picked is being read. */
  | { page: 'package'; caseId: string | null }
  | { page: 'not-found'; hash: string };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/' || path === '') return { page: 'library' };
  if (path === '/local' || path === '/local/author') return { page: 'local', author: path === '/local/author' };
  const a = /^\/author\/([a-z0-9][a-z0-9-]*)\/?$/.exec(path);
  if (a && a[1]) return { page: 'author', caseId: a[1] };
  const p = /^\/package(?:\/([a-z0-9][a-z0-9-]*))?\/?$/.exec(path);
  if (p) return { page: 'package', caseId: p[1] ?? null };
  const m = /^\/case\/([a-z0-9][a-z0-9-]*)(?:\/step\/(\d+))?\/?$/.exec(path);
  if (m && m[1]) return { page: 'case', caseId: m[1], step: m[2] ? Number(m[2]) : null };
  const c = /^\/console\/([a-z0-9][a-z0-9-]*)(?:\/step\/(\d+))?\/?$/.exec(path);
  if (c && c[1]) return { page: 'console', caseId: c[1], step: c[2] ? Number(c[2]) : null };
  return { page: 'not-found', hash: path };
}

export function caseHref(caseId: string, step?: number): string {
  return step ? `#/case/${caseId}/step/${step}` : `#/case/${caseId}`;
}

export function consoleHref(caseId: string, step: number): string {
  return `#/console/${caseId}/step/${step}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
