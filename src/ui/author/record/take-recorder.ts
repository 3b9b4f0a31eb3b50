/**
 * Writes down, on the take's clock, what the author does while recording: every change of what the viewports show
 * (layout, series, image, window, framing: read from the viewer's reports as "Capture view" reads them), step
 * changes, the arrows on screen (the draft's, as the arrow editor draws them) and the speaker's marks.
 */
import * as edit from '../../../case/authoring';
import type { TakeArrow, TakeEvent, ViewState } from '../../../case/take/take-log';
import type { Arrow } from '../../../case/schema';
import type { AuthorStore } from '../../../state/author-store';
import type { LessonStore } from '../../../state/lesson-store';
import { useViewportStatus } from '../../viewport-status';
import { capturedViewports, shownViewportIds } from '../capture';

/**
 * After a step change the viewer needs a moment to show the step's cue: what it reports meanwhile is the step's
 * view, at the step's time (up to this long while a viewport is still loading).
 */
const SETTLE_MS = 300;
const SETTLE_LOADING_MS = 3000;
/** Layout changes are seen in the page, not in the viewer's reports: looked at this often. */
const POLL_MS = 100;

export interface TakeRecorder {
  /** A mark at `wall` (performance.now()'s clock: the key's event time), or now. */
  mark(wall?: number): void;
  /** Stops listening; the log in time order. */
  finish(): TakeEvent[];
}

type Views = Record<string, ViewState>;

function viewNow(prev: Views | undefined): Views {
  const byId = useViewportStatus.getState().byId;
  const order = shownViewportIds();
  const ready = capturedViewports(order, byId, undefined);
  const out: Views = {};
  for (const id of order) {
    const vp = ready[id];
    if (vp) {
      const { arrows: _none, sweep: _noSweep, ...state } = vp;
      out[id] = state;
    } else if (prev?.[id] && byId[id]?.seriesKey === prev[id].series) {
      // Still loading the same series (a scroll past the downloaded images): it shows what it showed.
      out[id] = prev[id];
    }
  }
  return out;
}

/** `now(wall)`: the take's time at a moment of performance.now()'s clock, by default the present. */
export function startTakeRecorder(author: AuthorStore, player: LessonStore, now: (wall?: number) => number): TakeRecorder {
  const log: TakeEvent[] = [];
  let lastView: Views | undefined;
  let lastViewKey = '';
  let step: { id: string; t: number; wall: number } | null = null;
  const arrowIds = new WeakMap<Arrow, number>();
  let nextArrowId = 1;
  const lastArrows = new Map<string, { key: string; cueAt: string | undefined; list: TakeArrow[] }>();
  /** What the take starts with is at its time 0. */
  let starting = true;

  const stepId = (): string | undefined => player.getState().timeline.steps[player.getState().stepIndex]?.id;

  /** Now on the take's clock; or the step's time while the viewer is still showing a step just chosen. */
  const stamp = (): number => {
    if (starting) return 0;
    if (!step) return now();
    const since = performance.now() - step.wall;
    const byId = useViewportStatus.getState().byId;
    const loading = shownViewportIds().some((id) => (byId[id]?.state ?? 'loading') === 'loading');
    return since < SETTLE_MS || (loading && since < SETTLE_LOADING_MS) ? step.t : now();
  };

  const noteView = (): void => {
    const views = viewNow(lastView);
    const key = JSON.stringify(views);
    if (key === lastViewKey) return;
    const t = stamp();
    lastView = views;
    lastViewKey = key;
    log.push({ t, kind: 'view', viewports: views });
  };

  const noteArrows = (): void => {
    const s = author.getState();
    const cue = s.selectedSegment ? edit.cueInForce(s.draft, s.selectedSegment) : undefined;
    const ids = new Set([...lastArrows.keys(), ...Object.keys(cue?.viewports ?? {})]);
    for (const viewportId of ids) {
      const vp = cue?.viewports[viewportId];
      const last = lastArrows.get(viewportId);
      // Another cue's arrows (another step) are other arrows, even in the same places of the list.
      const before = last && last.cueAt === cue?.at ? last.list : [];
      const list: TakeArrow[] = (vp?.arrows ?? []).map((arrow, i) => {
        // The same arrow object is the same arrow; a changed one (moved, relabelled) keeps its place in the list.
        const id = arrowIds.get(arrow) ?? before[i]?.id ?? nextArrowId++;
        arrowIds.set(arrow, id);
        return { id, series: vp!.series, arrow: { ...arrow, imageIndex: arrow.imageIndex ?? vp!.imageIndex } };
      });
      const key = JSON.stringify(list);
      if (last?.key === key) continue;
      lastArrows.set(viewportId, { key, cueAt: cue?.at, list });
      log.push({ t: stamp(), kind: 'arrows', viewportId, arrows: list });
    }
  };

  const noteStep = (): void => {
    const id = stepId();
    if (!id || id === step?.id) return;
    step = { id, t: starting ? 0 : now(), wall: performance.now() };
    log.push({ t: step.t, kind: 'step', step: id });
  };

  noteStep();
  noteView();
  noteArrows();
  starting = false;
  const offStatus = useViewportStatus.subscribe(noteView);
  const offPlayer = player.subscribe((s, prev) => s.stepIndex !== prev.stepIndex && noteStep());
  const offAuthor = author.subscribe((s, prev) => (s.draft !== prev.draft || s.selectedSegment !== prev.selectedSegment) && noteArrows());
  const poll = window.setInterval(noteView, POLL_MS);

  return {
    mark: (wall) => void log.push({ t: now(wall), kind: 'mark' }),
    finish() {
      noteView();
      offStatus();
      offPlayer();
      offAuthor();
      window.clearInterval(poll);
      return [...log].sort((a, b) => a.t - b.t);
    },
  };
}
