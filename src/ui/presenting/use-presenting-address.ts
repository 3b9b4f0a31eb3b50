/**
 * The audience window's address while presenting (see present-session.ts): entering presentation mode replaces
 * the case's address with the session's neutral one, leaving puts the case's address back (at the current step),
 * and a reload of the neutral address presents again where it was. It also answers a console window of the
 * session that asks which case it presents (case-handoff.ts).
 */
import { useEffect } from 'react';
import type { LessonStore } from '../../state/lesson-store';
import type { SeriesSource } from '../../viewer/types';
import { asPresentable, parseHash, presentableHref, presentHref, type PresentableRoute } from '../route';
import { handoffChannelName, parseHandoff, type HandoffMessage } from './case-handoff';
import { beginPresentSession, presentPosition, presentSessionBase, savePresentPosition } from './present-session';

function answer(base: PresentableRoute, store: LessonStore, series: ReadonlyMap<string, SeriesSource>): HandoffMessage {
  if (base.page === 'case') return { kind: 'site-case', caseId: base.caseId };
  // Only file series live in a page (a package's, or files from this computer); their blob: URLs are this page's.
  const files = [...series.values()].flatMap((s) => ('files' in s ? [s] : []));
  return { kind: 'page-case', lesson: store.getState().lesson, series: files };
}

export function usePresentingAddress(store: LessonStore, series: ReadonlyMap<string, SeriesSource>, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    let session: { id: string; base: PresentableRoute } | null = null;
    let channel: BroadcastChannel | null = null;

    const listen = (id: string, base: PresentableRoute): void => {
      if (typeof BroadcastChannel === 'undefined') return;
      channel = new BroadcastChannel(handoffChannelName(id));
      channel.onmessage = (e: MessageEvent) => {
        if (parseHandoff(e.data, window.location.origin)?.kind === 'case-request') channel?.postMessage(answer(base, store, series));
      };
    };
    const enter = (): void => {
      if (session) return;
      const route = parseHash(window.location.hash);
      if (route.page === 'present' && !route.console) {
        const base = presentSessionBase(route.session);
        if (base) session = { id: route.session, base };
      } else {
        const base = asPresentable(route);
        if (base) {
          session = { id: beginPresentSession(base), base };
          window.history.replaceState(window.history.state, '', presentHref(session.id));
        }
      }
      if (session) listen(session.id, session.base);
    };
    const leave = (): void => {
      channel?.close();
      channel = null;
      if (!session) return;
      const route = parseHash(window.location.hash);
      if (route.page === 'present' && route.session === session.id) {
        window.history.replaceState(window.history.state, '', presentableHref(session.base, store.getState().stepIndex + 1));
      }
      session = null;
    };

    // A reload of the neutral address: present again, at the position and reveal the session last had.
    const route = parseHash(window.location.hash);
    if (route.page === 'present' && !route.console && presentSessionBase(route.session)) {
      const s = store.getState();
      s.startPresenting('here');
      const position = presentPosition(route.session);
      if (position) {
        s.goToSegment(position.segmentIndex);
        store.getState().setReveal(position.revealedThrough, new Set(position.revealedByHand), position.revealFloor);
      }
    }
    if (store.getState().presenting) enter();

    const unsubscribe = store.subscribe((s, prev) => {
      if (s.presenting !== prev.presenting) {
        if (s.presenting) enter();
        else leave();
      }
      const changed =
        s.segmentIndex !== prev.segmentIndex || s.revealedThrough !== prev.revealedThrough || s.revealedByHand !== prev.revealedByHand || s.revealFloor !== prev.revealFloor;
      if (s.presenting && session && changed) {
        savePresentPosition(session.id, {
          segmentIndex: s.segmentIndex,
          revealedThrough: s.revealedThrough,
          revealedByHand: [...s.revealedByHand],
          revealFloor: s.revealFloor,
        });
      }
    });
    // The browser's back or forward onto the case's own address while presenting: keep the neutral one.
    const onHash = (): void => {
      if (!session) return;
      const now = asPresentable(parseHash(window.location.hash));
      if (now && now.page === session.base.page) window.history.replaceState(window.history.state, '', presentHref(session.id));
    };
    window.addEventListener('hashchange', onHash);
    return () => {
      unsubscribe();
      window.removeEventListener('hashchange', onHash);
      channel?.close();
    };
  }, [store, series, enabled]);
}
