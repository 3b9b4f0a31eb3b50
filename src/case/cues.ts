/**
 * Cue by cue within a step, as a presenter's clicker moves: a step's positions are its first segment, its landing
 * (the teaching view "Next step" shows a learner, `case/landing.ts`) and every later segment of it that brings its
 * own cue (`cues[].at`), such as an arrow appearing after the speaker has let the room look. Plain segments without
 * a cue of their own change nothing on screen, so they are not stops. The clicker enters a step at its first
 * segment, so a presenter can hold back what a learner lands on.
 */
import { clampIndex, type Timeline } from './timeline';

/** Whether a segment starts a cue of its own (rather than keeping the one in force). */
export function hasOwnCue(tl: Timeline, segmentIndex: number): boolean {
  const seg = tl.segments[segmentIndex];
  return seg !== undefined && tl.cues[seg.cueIndex]?.at === seg.id;
}

/** The segments a presenter stops at in a step, in order: its first segment, then its landing and each one with its own cue. */
export function cueStops(tl: Timeline, stepIndex: number): number[] {
  const step = tl.steps[clampIndex(stepIndex, tl.steps.length)];
  if (!step) return [];
  const stops = [step.firstSegment];
  for (let i = step.firstSegment + 1; i <= step.lastSegment; i++) if (hasOwnCue(tl, i) || i === step.landingSegment) stops.push(i);
  return stops;
}

/** Where a position stands among its step's stops: 0 at the step's start, up to the number of stops less one. */
export function cueStopIndex(tl: Timeline, segmentIndex: number): { stepIndex: number; stop: number; count: number } {
  const stepIndex = tl.segments[segmentIndex]?.stepIndex ?? 0;
  const stops = cueStops(tl, stepIndex);
  let stop = 0;
  stops.forEach((s, i) => {
    if (s <= segmentIndex) stop = i;
  });
  return { stepIndex, stop, count: stops.length };
}

/** The next stop in the same step, or null when the step has none left. */
export function nextCueInStep(tl: Timeline, segmentIndex: number): number | null {
  const { stepIndex } = cueStopIndex(tl, segmentIndex);
  return cueStops(tl, stepIndex).find((s) => s > segmentIndex) ?? null;
}

/** The stop before the current one in the same step, or null at the step's first. */
export function previousCueInStep(tl: Timeline, segmentIndex: number): number | null {
  const { stepIndex, stop } = cueStopIndex(tl, segmentIndex);
  return stop > 0 ? (cueStops(tl, stepIndex)[stop - 1] ?? null) : null;
}

/** A clicker's "next": the step's next cue, else the next step's start; null at the lesson's last stop. */
export function clickerNext(tl: Timeline, segmentIndex: number): number | null {
  const inStep = nextCueInStep(tl, segmentIndex);
  if (inStep !== null) return inStep;
  const next = tl.steps[(tl.segments[segmentIndex]?.stepIndex ?? 0) + 1];
  return next ? next.firstSegment : null;
}

/**
 * A clicker's "back", the mirror of `clickerNext`: the step's previous cue, else the previous step's last cue (what
 * the room saw just before the step changed); null at the lesson's first stop.
 */
export function clickerPrevious(tl: Timeline, segmentIndex: number): number | null {
  const { stepIndex, stop } = cueStopIndex(tl, segmentIndex);
  const stops = cueStops(tl, stepIndex);
  if (stop > 0) return stops[stop - 1] ?? null;
  // Between a step's start and its first cue stop there is nothing to undo but the step itself.
  if (segmentIndex > (stops[0] ?? segmentIndex)) return stops[0] ?? null;
  if (stepIndex === 0) return null;
  const before = cueStops(tl, stepIndex - 1);
  return before[before.length - 1] ?? null;
}
