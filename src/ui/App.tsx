import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { parseHash, useHash, type Route } from './route';
import { aliasResolutions, knownAlias, knownPackageAlias, onAliasResolved, resolveAlias } from './case-alias';
import { resolvePackageAlias } from './package/package-alias';
import { presentSessionBase } from './presenting/present-session';
import { ErrorBoundary } from './ErrorBoundary';
import { LibraryPage } from './library/LibraryPage';
import { messages } from './i18n/messages';
import { onPick, pickSerial } from './local/local-files';

const { common, errors } = messages;

// The case page pulls in Cornerstone; the library must not download it.
const CasePage = lazy(() => import('./case-page/CasePage'));
const LocalCasePage = lazy(() => import('./local/LocalCasePage'));
const AuthorPage = lazy(() => import('./author/AuthorPage'));
const PackagePage = lazy(() => import('./package/PackagePage'));
const ArchivePage = lazy(() => import('./archive/ArchivePage'));
const PresentConsolePage = lazy(() => import('./presenting/PresentConsolePage'));

/**
 * A presentation's neutral address stands for the page presented (the same page stays mounted when the address
 * changes to it); an unknown session, for instance one opened in another tab, is a page of its own.
 */
function resolve(route: Route): Route {
  // An unknown-mode alias of a case this page knows is that case's page: the same page stays mounted when the
  // address turns from id to alias (use-step-in-url.ts).
  if (route.page === 'unknown') {
    const caseId = knownAlias(route.alias);
    if (caseId === null) return route;
    return { page: route.console ? 'console' : 'case', caseId, step: route.step };
  }
  if (route.page === 'unknown-package') {
    const caseId = knownPackageAlias(route.alias);
    return caseId === null ? route : { page: 'package', caseId };
  }
  if (route.page !== 'present' || route.console) return route;
  const base = presentSessionBase(route.session);
  if (base?.page === 'local') return { page: 'local', author: false };
  return base ?? route;
}

export function App() {
  // An alias looked up (AliasLookup) re-renders the app as that case's page.
  useSyncExternalStore(onAliasResolved, aliasResolutions);
  const route = resolve(parseHash(useHash()));
  // A new page (not a new step of the same case) starts without the previous page's failure.
  const page =
    route.page === 'case' || route.page === 'console' ? `${route.page}:${route.caseId}` : route.page === 'present' ? `present:${route.session}` : route.page;
  return (
    <ErrorBoundary key={page}>
      <Page route={route} />
    </ErrorBoundary>
  );
}

/**
 * An alias address opened afresh: the library's list (or, for a package, the packages open or kept here) says which
 * case it is, and the page re-renders as that case.
 */
function AliasLookup({ alias, lookUp, missingText }: { alias: string; lookUp(alias: string): Promise<string | null>; missingText: string }) {
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    let alive = true;
    // Found: the app re-renders as the case's page (onAliasResolved), so only a miss is this component's to show.
    void lookUp(alias).then((caseId) => {
      if (alive && caseId === null) setMissing(true);
    });
    return () => {
      alive = false;
    };
  }, [alias, lookUp]);
  if (!missing) return <p className="page-message">{common.opening.case}</p>;
  return (
    <main className="page-message">
      <h1>{errors.notFound.heading}</h1>
      <p>
        {missingText} <a href="#/">{common.backToLibrary}</a>
      </p>
    </main>
  );
}

function Page({ route }: { route: Route }) {
  // Files picked again on the local page (after a reload) make a new page: it reads them afresh.
  const picks = useSyncExternalStore(onPick, pickSerial);
  switch (route.page) {
    case 'library':
      return <LibraryPage />;
    case 'case':
      return (
        <Suspense fallback={<p className="page-message">{common.opening.case}</p>}>
          <CasePage key={route.caseId} caseId={route.caseId} step={route.step} />
        </Suspense>
      );
    case 'local':
      return (
        <Suspense fallback={<p className="page-message">{common.opening.files}</p>}>
          <LocalCasePage key={picks} author={route.author} />
        </Suspense>
      );
    case 'archive':
      return (
        <Suspense fallback={<p className="page-message">{messages.archive.loading}</p>}>
          <ArchivePage />
        </Suspense>
      );
    case 'author':
      return (
        <Suspense fallback={<p className="page-message">{common.opening.author}</p>}>
          <AuthorPage key={route.caseId} caseId={route.caseId} />
        </Suspense>
      );
    case 'package':
      return (
        <Suspense fallback={<p className="page-message">{common.opening.package}</p>}>
          <PackagePage caseId={route.caseId} />
        </Suspense>
      );
    case 'console':
      return (
        <Suspense fallback={<p className="page-message">{common.opening.console}</p>}>
          <CasePage key={`console-${route.caseId}`} caseId={route.caseId} step={route.step} console />
        </Suspense>
      );
    case 'present':
      if (!route.console) {
        return (
          <main className="page-message">
            <p>
              {messages.presenter.sessionUnknown} <a href="#/">{common.backToLibrary}</a>
            </p>
          </main>
        );
      }
      return (
        <Suspense fallback={<p className="page-message">{common.opening.console}</p>}>
          <PresentConsolePage key={route.session} session={route.session} />
        </Suspense>
      );
    case 'unknown':
      return <AliasLookup alias={route.alias} lookUp={resolveAlias} missingText={messages.caseReview.noCaseAlias} />;
    case 'unknown-package':
      return <AliasLookup alias={route.alias} lookUp={resolvePackageAlias} missingText={messages.unknownPackage.noPackageAlias} />;
    case 'not-found':
      return (
        <main className="page-message">
          <h1>{errors.notFound.heading}</h1>
          <p>
            {errors.notFound.noPageAt} <code>{route.hash}</code>. <a href="#/">{common.backToLibrary}</a>
          </p>
        </main>
      );
  }
}
