import { useEffect, useState } from 'react';
import type { ParsedCase } from '../../case/schema';
import type { FileSeriesSource, SeriesSource } from '../../viewer/types';
import CasePage from '../case-page/CasePage';
import { ConsoleView } from './ConsoleView';
import { handoffChannelName, parseHandoff, type HandoffMessage } from './case-handoff';
import { presentSessionBase } from './present-session';
import { messages } from '../i18n/messages';

const NO_SERIES_ERRORS = new Map<string, string>();
/** How often the console asks again while the audience window does not answer (it may be reloading). */
const ASK_EVERY_MS = 1000;

type Handed = { kind: 'waiting' } | { kind: 'site'; caseId: string } | { kind: 'page'; lesson: ParsedCase; series: Map<string, SeriesSource> };

function handed(m: Exclude<HandoffMessage, { kind: 'case-request' }>): Handed {
  if (m.kind === 'site-case') return { kind: 'site', caseId: m.caseId };
  return { kind: 'page', lesson: m.lesson, series: new Map(m.series.map((s: FileSeriesSource) => [s.key, s])) };
}

/**
 * The console of a presentation (`#/present/<session>/console`). A bundled case the console loads from the site
 * itself (this tab's copy of the session says which); a case that lives only in the audience page (a package, files
 * from this computer) is handed over by that page, with its images' blob: URLs.
 */
export default function PresentConsolePage({ session }: { session: string }) {
  const [state, setState] = useState<Handed>(() => {
    const base = presentSessionBase(session);
    return base?.page === 'case' ? { kind: 'site', caseId: base.caseId } : { kind: 'waiting' };
  });
  const waiting = state.kind === 'waiting';

  useEffect(() => {
    if (!waiting || typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(handoffChannelName(session));
    channel.onmessage = (e: MessageEvent) => {
      const m = parseHandoff(e.data, window.location.origin);
      if (m && m.kind !== 'case-request') setState(handed(m));
    };
    const ask = (): void => channel.postMessage({ kind: 'case-request' } satisfies HandoffMessage);
    ask();
    const timer = window.setInterval(ask, ASK_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      channel.close();
    };
  }, [session, waiting]);

  if (state.kind === 'site') return <CasePage caseId={state.caseId} step={null} console />;
  if (state.kind === 'page') return <ConsoleView lesson={state.lesson} series={state.series} seriesErrors={NO_SERIES_ERRORS} initialStep={0} />;
  return (
    <main className="page-message">
      <p role="status">{messages.presenter.waitingForAudience}</p>
    </main>
  );
}
