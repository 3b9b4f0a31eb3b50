import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type RefObject } from 'react';
import type { Cue } from '../../case/schema';
import { comingCues, imageIndexAt } from '../../case/timeline';
import { createViewerSession } from '../../viewer/session';
import type { LeftTool, SeriesSource, ViewerSession, ViewportTarget } from '../../viewer/types';
import { useViewportStatus } from '../viewport-status';
import { useLesson, useLessonStore } from './lesson-context';
import { ViewportFrame } from './ViewportFrame';
import { ViewerToolbar } from './ViewerToolbar';
import { handleViewportKey, windowChoice, type ViewChange } from './viewport-keys';
import { ViewReadout, type KeyedChange } from './ViewReadout';
import { useGridLayout } from './use-grid-layout';
import { layoutOfCount, type Cell } from './grid-layout';
import { carriesSeries, SeriesStrip, SERIES_DRAG_TYPE } from './SeriesStrip';
import { EmptyCell } from './EmptyCell';
import { ViewportSwitch } from './ViewportSwitch';
import { prefersReducedMotion } from '../reduced-motion';
import { countRender } from '../render-count';
import { messages } from '../i18n/messages';

const DEFAULT_CINE_FPS = 10;

interface Props {
  series: Map<string, SeriesSource>;
  seriesErrors: Map<string, string>;
  /** Handed the viewer session once it exists (and null when it goes), for the presenter's mirroring. */
  sessionRef?: RefObject<ViewerSession | null>;
}

/**
 * Lays out the current cue's viewports (or the learner's own layout and series, until the next cue or "Return to
 * lesson") and has the viewer make them match; passes the learner's tools, keys and link toggles to the viewer.
 */
export function ViewportGrid({ series, seriesErrors, sessionRef }: Props) {
  countRender('ViewportGrid');
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
  /** Indices into the cue's link groups whose viewports share the learner's window/level; off with every new cue. */
  const [sharedWindow, setSharedWindow] = useState<ReadonlySet<number>>(new Set());
  const seriesList = useMemo(() => [...series.values()], [series]);
  const takeOver = useCallback(() => store.getState().takeOver(), [store]);
  const grid = useGridLayout(cue, epoch, seriesList, takeOver);
  const cells = grid.cells;
  /** The one cell a screen too narrow for all of them shows (responsive.css): the learner's pick, else the first. */
  const [soloPick, setSoloPick] = useState<string | null>(null);
  const solo = soloPick !== null && cells.some((c) => c.id === soloPick) ? soloPick : (cells[0]?.id ?? '');
  /** The cell a thumbnail click fills: the last one focused, else the first. */
  const focusedCell = useRef<string | null>(null);
  /** The same, as state: the preset menu offers the presets of that cell's modality. */
  const [menuCell, setMenuCell] = useState<string | null>(null);
  const [keyed, setKeyed] = useState<KeyedChange | null>(null);
  const announce = useCallback(
    (viewportId: string, change: ViewChange) => setKeyed((k) => ({ viewportId, change, count: (k?.count ?? 0) + 1 })),
    [],
  );
  /** What the last apply showed, so a learner's layout change leaves the other viewports as they are. */
  const lastApplied = useRef<{ cue: Cue; epoch: number; cells: readonly Cell[] } | null>(null);
  /** The session once its first apply finished: thumbnails wait for it. */
  const [thumbSession, setThumbSession] = useState<ViewerSession | null>(null);

  useEffect(() => {
    let alive = true;
    let created: ViewerSession | null = null;
    const { report, clear } = useViewportStatus.getState();
    createViewerSession({
      onStatus: report,
      onUserInteraction: () => store.getState().takeOver(),
      probeWords: messages.viewer.probe,
    }).then(
      (s) => {
        created = s;
        if (alive) setSession(s);
        else s.destroy();
      },
      (e: Error) => alive && setViewerError(messages.viewer.couldNotStart(e.message)),
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
    for (const { id: viewportId, cue: vp } of cells) {
      const element = elements.current.get(viewportId);
      if (!vp || !element || seriesErrors.has(vp.series)) continue;
      // A sweep's image follows the lesson clock; a series the learner picked has no segment of its own.
      const own = cue.viewports[viewportId] === vp;
      const imageIndex = cueSegment && own && !prefersReducedMotion() ? imageIndexAt(vp, cueSegment, time) : vp.imageIndex;
      targets.push({ viewportId, element, cue: vp, imageIndex });
    }
    // Same cue and epoch: only the learner's layout or series changed; cells showing what they showed stay as the
    // learner left them. A new cue or "Return to lesson" applies every cell again.
    const last = lastApplied.current;
    const keep = new Set<string>();
    if (last && last.cue === cue && last.epoch === epoch) {
      for (const c of cells) if (c.cue && last.cells.some((l) => l.id === c.id && l.cue === c.cue)) keep.add(c.id);
    }
    lastApplied.current = { cue, epoch, cells };
    void session.apply(targets, series, keep).then(() => {
      // While this cue is viewed, get the next ones ready: the next segment's (playback) and the next step's.
      const now = store.getState();
      for (const next of comingCues(now.timeline, now.segmentIndex, now.stepIndex)) {
        session.prefetchCue(
          Object.values(next.viewports).map((vp) => ({ cue: vp, imageIndex: vp.sweep?.from ?? vp.imageIndex })),
          series,
        );
      }
      // Once the first cue is on screen, fetch the other series so later cues do not wait for the network.
      if (prefetched.current === session) return;
      prefetched.current = session;
      setThumbSession(session);
      session.prefetch([...series.values()]);
    });
  }, [store, session, cue, epoch, series, seriesErrors, cells]);

  useEffect(() => {
    setUnlinked(new Set());
    setSharedWindow(new Set());
  }, [cue, epoch]);

  /** The cue's link groups as they stand: a cell the learner gave another series or unlinked leaves its group. */
  const activeLinks = useMemo(() => {
    const own = new Set(cells.filter((c) => c.cue && cue.viewports[c.id] === c.cue).map((c) => c.id));
    return cue.links.map((g) => g.filter((id) => own.has(id) && !unlinked.has(id)));
  }, [cue, unlinked, cells]);

  useEffect(() => {
    if (!session) return;
    session.setLinks(activeLinks.filter((g) => g.length > 1));
    session.setWindowLinks(activeLinks.filter((g, i) => g.length > 1 && sharedWindow.has(i)));
  }, [session, activeLinks, sharedWindow]);

  useEffect(() => session?.setLeftTool(leftTool), [session, leftTool]);

  useEffect(() => {
    if (!sessionRef) return;
    sessionRef.current = session;
    return () => void (sessionRef.current = null);
  }, [session, sessionRef]);

  const onKey = useCallback(
    (viewportId: string, e: KeyboardEvent<HTMLDivElement>) =>
      handleViewportKey(viewportId, e.nativeEvent, {
        session,
        status: useViewportStatus.getState().byId[viewportId],
        cineFps,
        takeOver,
        restoreLayout: grid.restore,
        announce,
      }),
    [session, cineFps, takeOver, grid.restore, announce],
  );

  const pick = (cellId: string | null, key: string): void => {
    const source = series.get(key);
    const target = cells.find((c) => c.id === cellId) ?? cells[0];
    if (source && target) grid.showSeries(target.id, source);
  };
  const onDragOver = (e: DragEvent): void => {
    if (!carriesSeries(e)) return;
    e.preventDefault(); // accept the drop
    e.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (cellId: string, e: DragEvent): void => {
    if (!carriesSeries(e)) return;
    e.preventDefault();
    pick(cellId, e.dataTransfer.getData(SERIES_DRAG_TYPE));
  };
  const onFocusCell = (cellId: string): void => {
    focusedCell.current = cellId;
    setMenuCell(cellId);
  };
  /** The cell the preset menu acts on: the last one focused, else the first with a series. */
  const presetCell = cells.find((c) => c.id === menuCell && c.cue) ?? cells.find((c) => c.cue);

  const toggleLink = useCallback((viewportId: string) => {
    setUnlinked((prev) => {
      const next = new Set(prev);
      if (!next.delete(viewportId)) next.add(viewportId);
      return next;
    });
  }, []);

  /** Window sharing belongs to the link group as a whole; the button of each of its viewports toggles it. */
  const groupOf = (viewportId: string): number => activeLinks.findIndex((g) => g.length > 1 && g.includes(viewportId));
  const toggleShareWindow = (viewportId: string): void => {
    const group = groupOf(viewportId);
    if (group < 0) return;
    setSharedWindow((prev) => {
      const next = new Set(prev);
      if (!next.delete(group)) next.add(group);
      return next;
    });
  };

  // A sweep scrolls while its segment plays, as a teacher scrolls while talking; never after a take-over.
  useEffect(() => {
    if (!session || prefersReducedMotion() || !Object.values(cue.viewports).some((vp) => vp.sweep)) return;
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

  const inLinks = new Set(cue.links.flat());
  const shownCount = grid.maximised ? 1 : cells.length;
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
        layout={layoutOfCount(cells.length)}
        onLayout={grid.setLayout}
        presetModality={presetCell?.cue ? (series.get(presetCell.cue.series)?.modality ?? '') : ''}
        onPreset={(choice) => {
          if (!session || !presetCell) return;
          session.setWindow(presetCell.id, windowChoice(choice));
          takeOver();
        }}
      />
      <ViewReadout keyed={keyed} />
      <SeriesStrip series={seriesList} session={thumbSession} onPick={(s) => pick(focusedCell.current, s.key)} />
      {cells.length > 1 && !grid.maximised && <ViewportSwitch cells={cells} series={series} shown={solo} onShow={setSoloPick} />}
      <div className={`viewport-grid count-${shownCount}${overlaysHidden ? ' overlays-hidden' : ''}`}>
        {viewerError && <p role="alert">{viewerError}</p>}
        {cells.map(({ id: viewportId, cue: vp }) =>
          vp ? (
            <ViewportFrame
              key={viewportId}
              viewportId={viewportId}
              cue={vp}
              source={series.get(vp.series)}
              listingError={seriesErrors.get(vp.series)}
              register={register}
              onKey={onKey}
              // The cue's links hold while the cell shows the cue's own series.
              linked={inLinks.has(viewportId) && cue.viewports[viewportId] === vp ? !unlinked.has(viewportId) : undefined}
              onToggleLink={toggleLink}
              sharesWindow={groupOf(viewportId) < 0 ? undefined : sharedWindow.has(groupOf(viewportId))}
              onToggleShareWindow={toggleShareWindow}
              hidden={grid.maximised !== null && grid.maximised !== viewportId}
              soloOut={viewportId !== solo}
              onToggleMaximised={grid.toggleMaximised}
              onFocusCell={onFocusCell}
              onDragOver={onDragOver}
              onDrop={onDrop}
            />
          ) : (
            <EmptyCell
              key={viewportId}
              cellId={viewportId}
              hidden={grid.maximised !== null} soloOut={viewportId !== solo} onFocus={onFocusCell} onDragOver={onDragOver} onDrop={onDrop} />
          ),
        )}
      </div>
    </div>
  );
}
