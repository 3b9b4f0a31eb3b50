/**
 * The lesson's timeline: a pure mapping from time (or step) to segment, step and cue. The player, the
 * transcript and the tests all ask these questions, so the answers live in one place without React or Cornerstone.
 */
import type { Cue, ParsedCase, Segment, Step, ViewportCue } from './schema';
import { landingSegment } from './landing';

/** When the last segment has no end, it lasts this long at least. */
export const LAST_SEGMENT_MIN_SECONDS = 6;

export interface TimedSegment extends Segment {
  index: number;
  end: number;
  stepIndex: number;
  /** Index into `cues` of the cue in force during this segment. */
  cueIndex: number;
}

export interface TimedStep extends Step {
  index: number;
  firstSegment: number;
  lastSegment: number;
  start: number;
  end: number;
  /** The segment "Next step", chapters and links land on: the step's teaching view (`case/landing.ts`). */
  landingSegment: number;
}

export interface Timeline {
  segments: TimedSegment[];
  steps: TimedStep[];
  cues: Cue[];
  duration: number;
}

export function buildTimeline(c: ParsedCase): Timeline {
  const stepIndexById = new Map(c.steps.map((s, i) => [s.id, i]));
  const cueIndexBySegment = new Map(c.cues.map((cue, i) => [cue.at, i]));
  const last = c.transcript[c.transcript.length - 1];
  const duration = c.duration ?? (last ? (last.end ?? last.start + LAST_SEGMENT_MIN_SECONDS) : 0);

  let cueIndex = 0;
  const segments: TimedSegment[] = c.transcript.map((seg, index) => {
    cueIndex = cueIndexBySegment.get(seg.id) ?? cueIndex;
    const next = c.transcript[index + 1];
    return {
      ...seg,
      index,
      end: seg.end ?? (next ? next.start : duration),
      stepIndex: stepIndexById.get(seg.step) ?? 0,
      cueIndex,
    };
  });
  const steps: TimedStep[] = c.steps.map((step, index) => {
    const own = segments.filter((s) => s.stepIndex === index);
    const firstSeg = own[0];
    const lastSeg = own[own.length - 1];
    const firstSegment = firstSeg?.index ?? 0;
    const lastSegment = lastSeg?.index ?? 0;
    return {
      ...step,
      index,
      firstSegment,
      lastSegment,
      landingSegment: landingSegment(step.landing, segments, c.cues, firstSegment, lastSegment),
      start: firstSeg?.start ?? 0,
      end: lastSeg?.end ?? 0,
    };
  });
  return { segments, steps, cues: c.cues, duration };
}

/** The segment playing at time t: the last one started; before the first, the first; past the end, the last. */
export function segmentIndexAt(tl: Timeline, t: number): number {
  let lo = 0;
  let hi = tl.segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((tl.segments[mid]?.start ?? Infinity) <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function stepIndexAt(tl: Timeline, t: number): number {
  return tl.segments[segmentIndexAt(tl, t)]?.stepIndex ?? 0;
}

export function cueForSegment(tl: Timeline, segmentIndex: number): Cue {
  const seg = tl.segments[clampIndex(segmentIndex, tl.segments.length)];
  const cue = tl.cues[seg?.cueIndex ?? 0];
  if (!cue) throw new Error('a case has at least one cue');
  return cue;
}

export function cueAt(tl: Timeline, t: number): Cue {
  return cueForSegment(tl, segmentIndexAt(tl, t));
}

/** The cue a step lands on: what "Next step" shows (its teaching view, `case/landing.ts`). */
export function cueForStep(tl: Timeline, stepIndex: number): Cue {
  const step = tl.steps[clampIndex(stepIndex, tl.steps.length)];
  return cueForSegment(tl, step?.landingSegment ?? 0);
}

/**
 * The cues that may come next from a position (segment and step): the next segment's (playback reaches it) and
 * the next step's ("Next step"), without the current one and without repeats. What a viewer gets ready ahead.
 */
export function comingCues(tl: Timeline, segmentIndex: number, stepIndex: number): Cue[] {
  const current = cueForSegment(tl, segmentIndex);
  const coming = new Set<Cue>();
  if (segmentIndex + 1 < tl.segments.length) coming.add(cueForSegment(tl, segmentIndex + 1));
  if (stepIndex + 1 < tl.steps.length) coming.add(cueForStep(tl, stepIndex + 1));
  coming.delete(current);
  return [...coming];
}

export function clampIndex(i: number, length: number): number {
  return Math.min(Math.max(0, Math.trunc(i)), Math.max(0, length - 1));
}

/**
 * The image a viewport shows at time t. A sweep scrolls from `from` to `to` evenly over the segment that
 * carries the cue; otherwise (or outside that segment) it is the cue's own image.
 */
export function imageIndexAt(vp: ViewportCue, segment: TimedSegment, t: number): number {
  if (!vp.sweep) return vp.imageIndex;
  const span = segment.end - segment.start;
  if (span <= 0 || t >= segment.end) return vp.sweep.to;
  if (t <= segment.start) return vp.sweep.from;
  const f = (t - segment.start) / span;
  return Math.round(vp.sweep.from + f * (vp.sweep.to - vp.sweep.from));
}
