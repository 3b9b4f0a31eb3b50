/**
 * The segment boundaries the waveform editor shows and moves: every segment's start, and its end when the case
 * gives one (a recorded take's segments end where the speaker fell silent). Pure: a move is a draft edit that
 * keeps the boundaries in order, so a drag can never make the checker's "times must increase" problem.
 */
import type { Draft } from '../../../case/authoring';
import type { Segment } from '../../../case/schema';

export type BoundaryKind = 'start' | 'end';

export interface Boundary {
  segmentId: string;
  /** 0-based position of the segment in the transcript. */
  index: number;
  kind: BoundaryKind;
  at: number;
  /** Where a move stops, given its neighbours. */
  min: number;
  max: number;
}

/** A segment is never shorter than this, nor two starts closer: a boundary cannot pass its neighbour. */
export const MIN_SEGMENT_SECONDS = 0.1;

/** Hundredths: finer than a tap's tenths (speech boundaries want it), without float noise in the case file. */
const hundredths = (t: number): number => Math.round(t * 100) / 100;

/** The segment's end as the player takes it: its own, else the next segment's start, else the recording's end. */
export function segmentEnd(transcript: readonly Segment[], i: number, duration: number): number {
  const seg = transcript[i];
  if (!seg) return duration;
  return seg.end ?? transcript[i + 1]?.start ?? Math.max(duration, seg.start);
}

/** The boundaries in time order, each with how far it may move (`duration`: the recording's length). */
export function boundariesOf(transcript: readonly Segment[], duration: number): Boundary[] {
  const points: Omit<Boundary, 'min' | 'max'>[] = [];
  transcript.forEach((seg, index) => {
    points.push({ segmentId: seg.id, index, kind: 'start', at: seg.start });
    if (seg.end !== undefined) points.push({ segmentId: seg.id, index, kind: 'end', at: seg.end });
  });
  return points.map((p, k) => {
    const prev = points[k - 1];
    const next = points[k + 1];
    // An end may touch the next start (a cut at a mark); anything else keeps a segment's minimum length apart.
    const gapBefore = prev && prev.kind === 'end' && p.kind === 'start' ? 0 : MIN_SEGMENT_SECONDS;
    const gapAfter = next && p.kind === 'end' && next.kind === 'start' ? 0 : MIN_SEGMENT_SECONDS;
    const min = prev ? prev.at + gapBefore : 0;
    const max = next ? next.at - gapAfter : Math.max(duration, p.at);
    return { ...p, min: hundredths(min), max: hundredths(Math.max(min, max)) };
  });
}

/** The draft with one boundary moved to `to` seconds, held between its neighbours. Unchanged when nothing moves. */
export function moveBoundary(d: Draft, segmentId: string, kind: BoundaryKind, to: number, duration: number): Draft {
  const b = boundariesOf(d.transcript, duration).find((x) => x.segmentId === segmentId && x.kind === kind);
  if (!b) return d;
  const at = hundredths(Math.min(b.max, Math.max(b.min, to)));
  if (at === b.at) return d;
  return { ...d, transcript: d.transcript.map((s) => (s.id === segmentId ? { ...s, [kind]: at } : s)) };
}
