/**
 * A take's event log as a lesson: one transcript segment per start time (texts empty, for the author to write),
 * and a cue wherever what the viewports showed at a segment's start differs from the cue before.
 *
 * - A segment's cue is what the viewports showed at its start.
 * - A stack scrolled during a segment is one sweep, from the image shown at its start to the one shown at its end
 *   (the case format plays a sweep evenly over its segment), not one cue per image.
 * - Arrows are those on screen at the segment's end, so an arrow placed while speaking belongs to what was being
 *   said; each is drawn on the image it was placed on, and carries the last label the author gave it in the take.
 * - Each segment belongs to the step in force at its start; a step chosen in a pause starts the next segment, and
 *   what it shows then is not read as this segment's scrolling or arrows.
 */
import type { Arrow, Cue, Segment, ViewportCue } from '../schema';
import type { TakeArrow, TakeEvent, ViewState } from './take-log';

export interface TakeLesson {
  transcript: Segment[];
  cues: Cue[];
}

/** Hundredths of a second: finer than a frame of video, without 12.300000000000001 in a case file. */
const hundredths = (t: number): number => Math.round(t * 100) / 100;

function lastBefore<K extends TakeEvent['kind']>(log: readonly TakeEvent[], kind: K, t: number, inclusive: boolean, match?: (e: Extract<TakeEvent, { kind: K }>) => boolean): Extract<TakeEvent, { kind: K }> | undefined {
  let found: Extract<TakeEvent, { kind: K }> | undefined;
  for (const e of log) {
    if (inclusive ? e.t > t : e.t >= t) break;
    if (e.kind === kind && (!match || match(e as Extract<TakeEvent, { kind: K }>))) found = e as Extract<TakeEvent, { kind: K }>;
  }
  return found;
}

/** The image a viewport showed at the end of [start, end), if it kept the same series all along. */
function imageAtEnd(log: readonly TakeEvent[], viewportId: string, series: string, end: number): number | undefined {
  const view = lastBefore(log, 'view', end, false);
  const vp = view?.viewports[viewportId];
  return vp && vp.series === series ? vp.imageIndex : undefined;
}

function arrowsAtEnd(log: readonly TakeEvent[], viewportId: string, state: ViewState, end: number, final: ReadonlyMap<number, TakeArrow>): Arrow[] {
  const shown = lastBefore(log, 'arrows', end, false, (e) => e.viewportId === viewportId)?.arrows ?? [];
  return shown
    .map((a) => final.get(a.id) ?? a)
    .filter((a) => a.series === state.series)
    .map(({ arrow: { imageIndex, ...rest } }) => (imageIndex === state.imageIndex ? rest : { ...rest, imageIndex }))
    .map((a) => ({ ...a, label: a.label ?? '' }));
}

const same = (a: Cue['viewports'] | undefined, b: Cue['viewports']): boolean => a !== undefined && JSON.stringify(a) === JSON.stringify(b);

/**
 * `log` in time order; `starts` the segments' start times (take-segments.ts), increasing; `firstStep` the step in
 * force if the log names none before a segment.
 */
export function takeLesson(log: readonly TakeEvent[], starts: readonly number[], duration: number, firstStep: string): TakeLesson {
  const sorted = [...log].sort((a, b) => a.t - b.t);
  // Each arrow as the author left it: a label typed after placing it counts from the start.
  const final = new Map<number, TakeArrow>();
  for (const e of sorted) if (e.kind === 'arrows') for (const a of e.arrows) final.set(a.id, a);

  const transcript: Segment[] = [];
  const cues: Cue[] = [];
  let inForce: Cue['viewports'] | undefined;
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? duration;
    const id = `seg-${i + 1}`;
    const step = lastBefore(sorted, 'step', start, true)?.step ?? firstStep;
    transcript.push({ id, start: hundredths(start), step, speaker: 'teacher', text: '' });
    const view = lastBefore(sorted, 'view', start, true);
    if (!view) return;
    // A step chosen in the pause before the next segment shows that step's view early: it is not this segment's.
    const until = sorted.find((e) => e.kind === 'step' && e.t > start && e.t < end)?.t ?? end;
    const viewports: Record<string, ViewportCue> = {};
    for (const [viewportId, state] of Object.entries(view.viewports)) {
      const to = imageAtEnd(sorted, viewportId, state.series, until);
      viewports[viewportId] = {
        ...state,
        arrows: arrowsAtEnd(sorted, viewportId, state, until, final),
        ...(to !== undefined && to !== state.imageIndex ? { sweep: { from: state.imageIndex, to } } : {}),
      };
    }
    if (Object.keys(viewports).length === 0 || same(inForce, viewports)) return;
    inForce = viewports;
    cues.push({ at: id, viewports, links: [] });
  });
  return { transcript, cues };
}
