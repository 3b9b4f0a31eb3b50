import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Cue } from '../../case/schema';
import { imageIndexAt } from '../../case/timeline';
import { createViewerSession } from '../../viewer/session';
import type { LeftTool, SeriesSource, ViewerSession, ViewportTarget } from '../../viewer/types';
import { useViewportStatus } from '../viewport-status';
import { useLesson, useLessonStore } from './lesson-context';
import { ViewportFrame } from './ViewportFrame';
import { ViewerToolbar } from './ViewerToolbar';
import { handleViewportKey } from './viewport-keys';

const DEFAULT_CINE_FPS = 10;

interface Props {
  series: Map<string, SeriesSource>;
  seriesErrors: Map<string, string>;
}

/**
 * Lays out the current cue's viewports and has the viewer make them match the cue; passes the learner's tools,
 * keys and link toggles to the viewer.
 */
export function ViewportGrid({ series, seriesErrors }: Props) {
  const store = useLessonStore();
  const cue: Cue = useLesson((s) => {
    const seg = s.timeline.segments[s.segmentIndex];
    return s.timeline.cues[seg?.cueIndex ?? 0] as Cue;
  });
  const epoch = useLesson((s) => s.cueEpoch);
  const [session, setSession] = useState<ViewerSession | null>(null);
  const elements = useRef(new Map<string, HTMLDivElement>());
  const prefetched = useRef<ViewerSession | null>(null);
  const [viewerError, setViewerError] = useState<string | null>(null);
  const [leftTool, setLeftTool] = useState<LeftTool>('window');
  const [overlaysHidden, setOverlaysHidden] = useState(false);
  const [cineFps, setCineFps] = useState(DEFAULT_CINE_FPS);
  /** Viewports the learner unlinked from the cue's groups; every new cue (and "Return to lesson") links again. */
  const [unlinked, setUnlinked] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    let alive = true;
    let created: ViewerSession | null = null;
    const { report, clear } = useViewportStatus.getState();
    createViewerSession({
      onStatus: report,
      onUserInteraction: () => store.getState().takeOver(),
    }).then(
      (s) => {
        created = s;
        if (alive) setSession(s);
        else s.destroy();
      },
      (e: Error) => alive && setViewerError(`The image viewer could not start: ${e.message}`),
    );
    return () => {
      alive = false;
      created?.destroy();
      clear();
    };
  }, [store]);

  useEffect(() => {
    if (!session) return;
    const { timeline, time } = store.getState();
    const cueSegment = timeline.segments.find((seg) => seg.id === cue.at);
    const targets: ViewportTarget[] = [];
    for (const [viewportId, vp] of Object.entries(cue.viewports)) {
      const element = elements.current.get(viewportId);
      if (!element || seriesErrors.has(vp.series)) continue;
      const imageIndex = cueSegment ? imageIndexAt(vp, cueSegment, time) : vp.imageIndex;
      targets.push({ viewportId, element, cue: vp, imageIndex });
    }
    void session.apply(targets, series).then(() => {
      // Once the first cue is on screen, fetch the other series so later cues do not wait for the network.
      if (prefetched.current === session) return;
      prefetched.current = session;
      session.prefetch([...series.values()]);
    });
  }, [store, session, cue, epoch, series, seriesErrors]);

  useEffect(() => setUnlinked(new Set()), [cue, epoch]);

  useEffect(() => {
    if (!session) return;
    const groups = cue.links.map((g) => g.filter((id) => !unlinked.has(id))).filter((g) => g.length > 1);
    session.setLinks(groups);
  }, [session, cue, unlinked]);

  useEffect(() => session?.setLeftTool(leftTool), [session, leftTool]);

  const onKey = useCallback(
    (viewportId: string, e: KeyboardEvent<HTMLDivElement>) =>
      handleViewportKey(viewportId, e.nativeEvent, {
        session,
        status: useViewportStatus.getState().byId[viewportId],
        cineFps,
        takeOver: () => store.getState().takeOver(),
      }),
    [session, cineFps, store],
  );

  const toggleLink = useCallback((viewportId: string) => {
    setUnlinked((prev) => {
      const next = new Set(prev);
      if (!next.delete(viewportId)) next.add(viewportId);
      return next;
    });
  }, []);

  // A sweep scrolls while its segment plays, as a teacher scrolls while talking; never after a take-over.
  useEffect(() => {
    if (!session || !Object.values(cue.viewports).some((vp) => vp.sweep)) return;
    const shown = new Map<string, number>();
    return store.subscribe((s) => {
      if (s.tookOver) return;
      const cueSegment = s.timeline.segments.find((seg) => seg.id === cue.at);
      if (!cueSegment) return;
      for (const [viewportId, vp] of Object.entries(cue.viewports)) {
        if (!vp.sweep) continue;
        const index = imageIndexAt(vp, cueSegment, s.time);
        if (shown.get(viewportId) === index) continue;
        shown.set(viewportId, index);
        session.scrollTo(viewportId, index);
      }
    });
  }, [store, session, cue]);

  const register = useCallback((viewportId: string, el: HTMLDivElement | null) => {
    if (el) elements.current.set(viewportId, el);
    else elements.current.delete(viewportId);
  }, []);

  const entries = Object.entries(cue.viewports);
  const inLinks = new Set(cue.links.flat());
  return (
    <div className="viewer-stack">
      <ViewerToolbar
        leftTool={leftTool}
        onLeftTool={setLeftTool}
        onClearMeasurements={() => session?.clearMeasurements()}
        overlaysHidden={overlaysHidden}
        onToggleOverlays={() => setOverlaysHidden((h) => !h)}
        cineFps={cineFps}
        onCineFps={setCineFps}
      />
      <div className={`viewport-grid count-${entries.length}${overlaysHidden ? ' overlays-hidden' : ''}`}>
        {viewerError && <p role="alert">{viewerError}</p>}
        {entries.map(([viewportId, vp]) => (
          <ViewportFrame
            key={viewportId}
            viewportId={viewportId}
            cue={vp}
            source={series.get(vp.series)}
            listingError={seriesErrors.get(vp.series)}
            register={register}
            onKey={onKey}
            linked={inLinks.has(viewportId) ? !unlinked.has(viewportId) : undefined}
            onToggleLink={toggleLink}
          />
        ))}
      </div>
    </div>
  );
}
