/**
 * Keeps the presenter console and the audience window in step (see sync-messages.ts for the protocol). Either
 * window may move the lesson or reveal; the console's hand on the viewports (scroll, window) is mirrored to the
 * audience. Closing either window leaves the other working on its own.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { LessonStore } from '../../state/lesson-store';
import type { ViewerSession } from '../../viewer/types';
import { useViewportStatus } from '../viewport-status';
import { channelName, parseSyncMessage, type SyncMessage, type SyncRole } from './sync-messages';
import { answersEdges, onAnswersEdges, scrollAnswers, type AnswersEdges } from './answers-scroll';

function stateMessage(store: LessonStore, from: SyncRole): SyncMessage {
  const s = store.getState();
  return {
    kind: 'state',
    from,
    segmentIndex: s.segmentIndex,
    revealedThrough: s.revealedThrough,
    revealedByHand: [...s.revealedByHand],
    revealFloor: s.revealFloor,
    blanked: s.blanked,
  };
}

export interface PresentationLink {
  /** Whether the other window is there (it said hello, or answered ours, and has not said bye). */
  connected: boolean;
  /** Sends a message of this window's own (the console's "scroll answers"). */
  send(m: SyncMessage): void;
  /** In the console: whether the audience's answers go on above or below what its panel shows. */
  audienceAnswers: AnswersEdges;
}

export function usePresentationSync(store: LessonStore, role: SyncRole, viewer: RefObject<ViewerSession | null>): PresentationLink {
  const [connected, setConnected] = useState(false);
  const [audienceAnswers, setAudienceAnswers] = useState<AnswersEdges>({ above: false, below: false });
  const channelRef = useRef<BroadcastChannel | null>(null);
  const send = useCallback((m: SyncMessage) => channelRef.current?.postMessage(m), []);

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(channelName(store.getState().lesson.id));
    channelRef.current = channel;
    const send = (m: SyncMessage): void => channel.postMessage(m);
    /** Set while a message from the other window is applied, so it is not sent back. */
    let applying = false;

    const apply = (m: SyncMessage): void => {
      const s = store.getState();
      switch (m.kind) {
        case 'hello':
          // A console opened on this case: present, from here with the answers hidden unless already presenting.
          if (role === 'audience' && !s.presenting) s.startPresenting('here');
          send(stateMessage(store, role));
          if (role === 'audience') send({ kind: 'answers-view', from: 'audience', ...answersEdges() });
          return;
        case 'bye':
          return;
        case 'state':
          if (m.segmentIndex !== s.segmentIndex) s.goToSegment(m.segmentIndex);
          store.getState().setReveal(m.revealedThrough, new Set(m.revealedByHand), m.revealFloor);
          store.getState().setBlanked(m.blanked);
          return;
        case 'view':
          if (role !== 'audience') return;
          viewer.current?.scrollTo(m.viewportId, m.imageIndex);
          if (m.voi) viewer.current?.setWindow(m.viewportId, m.voi);
          return;
        case 'return':
          if (role === 'audience') s.returnToLesson();
          return;
        case 'scroll-answers':
          if (role === 'audience') scrollAnswers(m.direction);
          return;
        case 'answers-view':
          if (role === 'console') setAudienceAnswers({ above: m.above, below: m.below });
          return;
      }
    };
    channel.onmessage = (e: MessageEvent) => {
      const m = parseSyncMessage(e.data);
      if (!m || m.from === role) return;
      setConnected(m.kind !== 'bye');
      applying = true;
      try {
        apply(m);
      } finally {
        applying = false;
      }
    };

    const unsubscribe = store.subscribe((s, prev) => {
      if (applying) return;
      const moved = s.segmentIndex !== prev.segmentIndex;
      const revealed = s.revealedThrough !== prev.revealedThrough || s.revealedByHand !== prev.revealedByHand || s.revealFloor !== prev.revealFloor;
      if (moved || revealed || s.blanked !== prev.blanked) {
        send(stateMessage(store, role));
      } else if (role === 'console' && s.cueEpoch !== prev.cueEpoch) {
        send({ kind: 'return', from: role });
      }
    });

    // The console mirrors what the presenter does by hand: a viewport's image or window that changed while the
    // lesson was taken over (the cue's own changes reach the audience through the lesson position instead).
    const sent = new Map<string, string>();
    const unsubscribeStatus =
      role === 'console'
        ? useViewportStatus.subscribe((now) => {
            // After the viewer's report, the take-over it caused is in the store too.
            queueMicrotask(() => {
              if (!store.getState().tookOver) return sent.clear();
              for (const st of Object.values(now.byId)) {
                if (st.state !== 'ready') continue;
                const voi = st.voi ? { center: st.voi.center, width: st.voi.width } : undefined;
                const signature = `${st.seriesKey}|${st.imageIndex}|${voi?.center}|${voi?.width}`;
                if (sent.get(st.viewportId) === signature) continue;
                sent.set(st.viewportId, signature);
                send(voi ? { kind: 'view', from: 'console', viewportId: st.viewportId, imageIndex: st.imageIndex, voi } : { kind: 'view', from: 'console', viewportId: st.viewportId, imageIndex: st.imageIndex });
              }
            });
          })
        : () => undefined;

    const unsubscribeEdges = role === 'audience' ? onAnswersEdges((e) => send({ kind: 'answers-view', from: 'audience', ...e })) : () => undefined;

    const bye = (): void => send({ kind: 'bye', from: role });
    window.addEventListener('pagehide', bye);
    send({ kind: 'hello', from: role });
    return () => {
      bye();
      window.removeEventListener('pagehide', bye);
      unsubscribe();
      unsubscribeStatus();
      unsubscribeEdges();
      channelRef.current = null;
      channel.close();
    };
  }, [store, role, viewer]);

  return { connected, send, audienceAnswers };
}
