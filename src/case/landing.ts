/**
 * Where a step lands: the segment "Next step", "Previous step", a chapter mark or a deep link put the learner on.
 * A step often opens on a plain view ("here is the scan") and points at its finding a few seconds later; landing on
 * its first segment would show the step without what it teaches. By default a step lands on its first segment whose
 * cue points at something (has arrows): an authored view (image, framing, window) shown as the author composed it,
 * which a merge of all the step's arrows could not be (they may lie on other images or framings). The author may
 * choose per step (`landing` in the case format): `first`, `findings` (the default) or a segment id of the step.
 */
import type { Cue, Step } from './schema';

export type Landing = NonNullable<Step['landing']>;

export const LANDING_KEYWORDS = ['first', 'findings'] as const;

/** A segment as the landing needs it: its id and the cue in force during it. */
interface LandingSegment {
  id: string;
  cueIndex: number;
}

function pointsAtSomething(cue: Cue | undefined): boolean {
  return cue !== undefined && Object.values(cue.viewports).some((vp) => vp.arrows.length > 0);
}

/**
 * The index (into `segments`) a step lands on, among its segments `first..last`. A segment id that is not the step's
 * (the checker refuses it) falls back to the findings, as does a step whose cues point at nothing to its first.
 */
export function landingSegment(landing: Landing | undefined, segments: readonly LandingSegment[], cues: readonly Cue[], first: number, last: number): number {
  if (landing === 'first') return first;
  if (landing !== undefined && landing !== 'findings') {
    for (let i = first; i <= last; i++) if (segments[i]?.id === landing) return i;
  }
  for (let i = first; i <= last; i++) {
    const seg = segments[i];
    if (seg && pointsAtSomething(cues[seg.cueIndex])) return i;
  }
  return first;
}
