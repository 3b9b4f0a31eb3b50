/** Cue by cue within a step (case/cues.ts): the stops a clicker makes, on the bundled case and on edge cases. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/case/parse';
import { buildTimeline, type Timeline } from '../../src/case/timeline';
import { clickerNext, clickerPrevious, cueStopIndex, cueStops, hasOwnCue, nextCueInStep, previousCueInStep } from '../../src/case/cues';
import { createLessonStore } from '../../src/state/lesson-store';
import { hiddenRevealItems } from '../../src/case/reveal';
import { minimalCase } from '../fixtures/minimal-case';

function seed(): Timeline {
  const r = parseCase(JSON.parse(readFileSync(join(import.meta.dirname, '../../cases/epidural-aml/case.json'), 'utf8')));
  if (!r.ok) throw new Error('seed case invalid');
  return buildTimeline(r.value);
}
const seg = (tl: Timeline, id: string): number => tl.segments.findIndex((s) => s.id === id);

describe('cue stops', () => {
  it("stops at the step's start and at each later segment with its own cue, not at plain segments", () => {
    const tl = seed();
    expect(hasOwnCue(tl, seg(tl, 'l2-look'))).toBe(true);
    expect(hasOwnCue(tl, seg(tl, 'l2-signal'))).toBe(false);
    // Step 1 (L2): the opening view, then the L2 arrow the speaker notes hold back.
    expect(cueStops(tl, 0).map((i) => tl.segments[i]!.id)).toEqual(['intro', 'l2-look']);
    expect(cueStops(tl, 3).map((i) => tl.segments[i]!.id)).toEqual(['recap', 'single-level', 'needs-ddx']);
    expect(cueStopIndex(tl, seg(tl, 'l2-signal'))).toEqual({ stepIndex: 0, stop: 1, count: 2 });
  });

  it('a clicker goes cue by cue, then to the next step; back is its mirror', () => {
    const tl = seed();
    expect(nextCueInStep(tl, seg(tl, 'intro'))).toBe(seg(tl, 'l2-look'));
    expect(nextCueInStep(tl, seg(tl, 'l2-look'))).toBeNull();
    expect(clickerNext(tl, seg(tl, 'intro'))).toBe(seg(tl, 'l2-look'));
    expect(clickerNext(tl, seg(tl, 'l2-look'))).toBe(seg(tl, 'l5s1-look'));
    expect(clickerNext(tl, seg(tl, 'l2-signal'))).toBe(seg(tl, 'l5s1-look'));
    expect(clickerNext(tl, tl.segments.length - 1)).toBeNull();
    expect(previousCueInStep(tl, seg(tl, 'l2-look'))).toBe(seg(tl, 'intro'));
    expect(clickerPrevious(tl, seg(tl, 'l5s1-look'))).toBe(seg(tl, 'l2-look'));
    expect(clickerPrevious(tl, seg(tl, 'l2-look'))).toBe(seg(tl, 'intro'));
    expect(clickerPrevious(tl, seg(tl, 'intro'))).toBeNull();
    // A position between a step's start and its first cue stop goes back to the start first.
    expect(clickerPrevious(tl, seg(tl, 'l5s1-extent'))).toBe(seg(tl, 'l5s1-look'));
  });

  it('the store moves by cue and reveals by the presenter, from a start that shows no answer', () => {
    const r = parseCase(minimalCase());
    if (!r.ok) throw new Error('minimal case invalid');
    const store = createLessonStore(r.value, 2);
    // A rehearsal at the last step revealed everything; presenting from the start shows nothing.
    expect(store.getState().revealedThrough).toBe(2);
    store.getState().startPresenting('start');
    const s = store.getState();
    expect([s.presenting, s.stepIndex, s.segmentIndex, s.revealedByHand.size]).toEqual([true, 0, 0, 0]);
    store.getState().nextCue();
    expect(store.getState().segmentIndex).toBe(1); // s2: the arrow, still step 1
    store.getState().nextCue();
    expect(store.getState().stepIndex).toBe(1);
    store.getState().previousCue();
    expect(store.getState().segmentIndex).toBe(1);
    // From the last step with the answers hidden: nothing shows until the presenter reveals an item.
    store.getState().goToStep(2);
    store.getState().startPresenting('here');
    const hidden = (): string[] => {
      const st = store.getState();
      return hiddenRevealItems(st.lesson, st.revealedThrough, st.revealedByHand, st.revealFloor).map((i) => i.id);
    };
    expect(hidden()).toEqual(['hx', 'ddx']);
    store.getState().revealItem('ddx');
    expect(hidden()).toEqual(['hx']);
  });
});
