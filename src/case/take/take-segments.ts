/**
 * Where a take's transcript segments start: where speech starts after a pause (voice activity), at the speaker's
 * marks, and at step changes (a segment belongs to one step). A mark or step change made during a pause takes
 * effect where the speaking resumes, so the segment starts with the voice; one made while speaking cuts there.
 * Without audio (no microphone) only marks and step changes cut.
 */
import type { SpeechRegion } from './voice-activity';

/** Two cuts closer than this are one (a mark pressed just as speech resumed). */
export const MIN_SEGMENT_SECONDS = 0.3;

export interface CutInput {
  /** Null when the take has no audio. */
  speech: readonly SpeechRegion[] | null;
  marks: readonly number[];
  steps: readonly number[];
  duration: number;
}

export function segmentStarts({ speech, marks, steps, duration }: CutInput): number[] {
  const cuts: number[] = [];
  // Without audio the take's first segment starts with the clock.
  cuts.push(...(speech ? speech.map((r) => r.start) : [0]));
  for (const t of [...marks, ...steps]) {
    if (!speech) {
      cuts.push(t);
      continue;
    }
    const inside = speech.some((r) => r.start < t && t < r.end);
    const next = speech.find((r) => r.start >= t);
    cuts.push(inside || !next ? t : next.start);
  }
  const sorted = cuts.filter((t) => t >= 0 && t < duration).sort((a, b) => a - b);
  const starts: number[] = [];
  for (const t of sorted) {
    const last = starts[starts.length - 1];
    if (last === undefined || t - last >= MIN_SEGMENT_SECONDS) starts.push(t);
  }
  // A take always has one segment, from the start, even a silent one.
  if (starts.length === 0) starts.push(0);
  return starts;
}
