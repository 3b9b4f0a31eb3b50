/**
 * Hash routes, so deep links work on any static host without rewrite rules:
 * `#/` library, `#/case/<caseId>` and `#/case/<caseId>/step/<n>` (n is 1-based), and the presenter console of
 * a case at `#/console/<caseId>/step/<n>`; local files at `#/local`; authoring a case on them at `#/local/author`; a case package being read at `#/package`,
 * and once open at `#/package/<caseId>`. While presenting, the audience window is at `#/present/<session>` and its
 * console at `#/present/<session>/console`: neutral addresses, so the projector never shows the case id (the
 * session, a random name, leads back to the page presented: presenting/present-session.ts). In unknown mode a case
 * is at `#/unknown/<alias>/step/<n>` (its console at `…/console`): an alias of the id that does not name the answer
 * (case-alias.ts); `#/case/<id>` links still open. A case package in unknown mode is at `#/unknown/package/<alias>`.
 */
import { useSyncExternalStore } from 'react';
import { caseAlias, knownAlias, knownPackageAlias, packageAlias } from './case-alias';
import { isUnknownMode } from './unknown-mode';

export type Route =
  | { page: 'library' }
  | { page: 'case'; caseId: string; step: number | null }
  /** A case in unknown mode, by its opaque alias (case-alias.ts); the app finds the case it stands for. */
  | { page: 'unknown'; alias: string; step: number | null; console: boolean }
  /** A case package in unknown mode, by its alias (`packageAlias`); the app finds the package it stands for. */
  | { page: 'unknown-package'; alias: string }
  | { page: 'console'; caseId: string; step: number | null }
  /** `author`: authoring a case on those files (`#/local/author`), which a reload must be able to come back to. */
  | { page: 'local'; author: boolean }
  | { page: 'author'; caseId: string }
  /** `caseId` null: the package just picked is being read. */
  | { page: 'package'; caseId: string | null }
  | { page: 'present'; session: string; console: boolean }
  /** IHE TCE teaching-file manifests on the site's DICOMweb archives, imported into a draft. */
  | { page: 'archive' }
  | { page: 'not-found'; hash: string };

/** The pages that can be presented: what a presentation session leads back to. */
export type PresentableRoute = { page: 'case'; caseId: string; step: number | null } | { page: 'package'; caseId: string } | { page: 'local' };

export const SESSION_PATTERN = /^[a-z0-9]{8,32}$/;

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/' || path === '') return { page: 'library' };
  if (path === '/archive') return { page: 'archive' };
  if (path === '/local' || path === '/local/author') return { page: 'local', author: path === '/local/author' };
  const a = /^\/author\/([a-z0-9][a-z0-9-]*)\/?$/.exec(path);
  if (a && a[1]) return { page: 'author', caseId: a[1] };
  const p = /^\/package(?:\/([a-z0-9][a-z0-9-]*))?\/?$/.exec(path);
  if (p) return { page: 'package', caseId: p[1] ?? null };
  const m = /^\/case\/([a-z0-9][a-z0-9-]*)(?:\/step\/(\d+))?\/?$/.exec(path);
  if (m && m[1]) return { page: 'case', caseId: m[1], step: m[2] ? Number(m[2]) : null };
  const up = /^\/unknown\/package\/([0-9a-f]{12})\/?$/.exec(path);
  if (up && up[1]) return { page: 'unknown-package', alias: up[1] };
  const u = /^\/unknown\/([0-9a-f]{12})(?:\/step\/(\d+))?(\/console)?\/?$/.exec(path);
  if (u && u[1]) return { page: 'unknown', alias: u[1], step: u[2] ? Number(u[2]) : null, console: u[3] !== undefined };
  const s = /^\/present\/([a-z0-9]{8,32})(\/console)?\/?$/.exec(path);
  if (s && s[1]) return { page: 'present', session: s[1], console: s[2] !== undefined };
  const c = /^\/console\/([a-z0-9][a-z0-9-]*)(?:\/step\/(\d+))?\/?$/.exec(path);
  if (c && c[1]) return { page: 'console', caseId: c[1], step: c[2] ? Number(c[2]) : null };
  return { page: 'not-found', hash: path };
}

export function caseHref(caseId: string, step?: number): string {
  return step ? `#/case/${caseId}/step/${step}` : `#/case/${caseId}`;
}

/** A library case's address as the learner's mode wants it: by alias in unknown mode, by id otherwise. */
export function caseAddress(caseId: string, step?: number): string {
  return isUnknownMode() ? unknownHref(caseAlias(caseId), step) : caseHref(caseId, step);
}

/** Whether the route shows this library case, by id or by alias. */
export function isRouteOf(route: Route, caseId: string): route is Extract<Route, { page: 'case' | 'unknown' }> {
  if (route.page === 'case') return route.caseId === caseId;
  return route.page === 'unknown' && !route.console && route.alias === caseAlias(caseId);
}

export function unknownHref(alias: string, step?: number, console = false): string {
  return `#/unknown/${alias}${step ? `/step/${step}` : ''}${console ? '/console' : ''}`;
}

export function unknownPackageHref(alias: string): string {
  return `#/unknown/package/${alias}`;
}

/** A case package's address as the learner's mode wants it: by alias in unknown mode, by id otherwise. */
export function packageAddress(caseId: string): string {
  return isUnknownMode() ? unknownPackageHref(packageAlias(caseId)) : `#/package/${caseId}`;
}

/** Whether the route shows this case package, by id or by alias. */
export function isPackageRouteOf(route: Route, caseId: string): boolean {
  if (route.page === 'package') return route.caseId === caseId;
  return route.page === 'unknown-package' && route.alias === packageAlias(caseId);
}

export function consoleHref(caseId: string, step: number): string {
  return `#/console/${caseId}/step/${step}`;
}

/** A library case's presenter console, by alias in unknown mode (a console window shows its address too). */
export function consoleAddress(caseId: string, step: number): string {
  return isUnknownMode() ? unknownHref(caseAlias(caseId), step, true) : consoleHref(caseId, step);
}

export function presentHref(session: string, console = false): string {
  return `#/present/${session}${console ? '/console' : ''}`;
}

/** The address of a presented page, at `step` (1-based) for a bundled case. */
export function presentableHref(route: PresentableRoute, step: number): string {
  switch (route.page) {
    case 'case':
      return caseAddress(route.caseId, step);
    case 'package':
      return packageAddress(route.caseId);
    case 'local':
      return '#/local';
  }
}

/** The route as a page that can be presented, or null (the library, author mode, a console…). */
export function asPresentable(route: Route): PresentableRoute | null {
  // Authoring on local files is not presented from its address: its previews keep the author's page.
  if (route.page === 'case') return route;
  // An alias address presents as its case's page does (a reload of the neutral address then resumes it).
  if (route.page === 'unknown') {
    const caseId = route.console ? null : knownAlias(route.alias);
    return caseId === null ? null : { page: 'case', caseId, step: route.step };
  }
  if (route.page === 'unknown-package') {
    const caseId = knownPackageAlias(route.alias);
    return caseId === null ? null : { page: 'package', caseId };
  }
  if (route.page === 'local') return route.author ? null : { page: 'local' };
  if (route.page === 'package' && route.caseId !== null) return { page: 'package', caseId: route.caseId };
  return null;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
