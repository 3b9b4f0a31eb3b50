import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/case/parse';
import {
  buildTimeline,
  cueAt,
  cueForStep,
  imageIndexAt,
  segmentIndexAt,
  stepIndexAt,
} from '../../src/case/timeline';
import { hiddenRevealItems, visibleRevealItems } from '../../src/case/reveal';
import { createLessonStore } from '../../src/state/lesson-store';
import type { ParsedCase } from '../../src/case/schema';
import { minimalCase } from '../fixtures/minimal-case';

function lesson(): ParsedCase {
  const r = parseCase(minimalCase());
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

describe('timeline', () => {
  const tl = buildTimeline(lesson());

  it('gives each segment an end: the next start, or its own end for the last', () => {
    expect(tl.segments.map((s) => [s.start, s.end])).toEqual([
      [0, 5],
      [5, 12.5],
      [12.5, 20],
      [20, 30],
    ]);
    expect(tl.duration).toBe(30);
  });

  it('resolves time to segment at and between boundaries, before the start and past the end', () => {
    const at = (t: number) => segmentIndexAt(tl, t);
    expect([at(-3), at(0), at(4.999), at(5), at(12.49), at(12.5), at(19.9), at(20), at(500)]).toEqual([
      0, 0, 0, 1, 1, 2, 2, 3, 3,
    ]);
    expect([stepIndexAt(tl, 0), stepIndexAt(tl, 6), stepIndexAt(tl, 13), stepIndexAt(tl, 25)]).toEqual([0, 0, 1, 2]);
  });

  it('keeps a cue in force over the segments that follow it', () => {
    expect(cueAt(tl, 0).at).toBe('s1');
    expect(cueAt(tl, 7).at).toBe('s2');
    expect(cueAt(tl, 25).at).toBe('s3'); // s4 has no cue of its own
    expect(cueForStep(tl, 2).at).toBe('s3');
    expect(tl.steps.map((s) => [s.firstSegment, s.lastSegment])).toEqual([
      [0, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it('sweeps evenly over the segment that carries the cue', () => {
    const seg = tl.segments[2]!;
    const vp = tl.cues[2]!.viewports.right!;
    expect(imageIndexAt(vp, seg, seg.start)).toBe(0);
    expect(imageIndexAt(vp, seg, seg.start + (seg.end - seg.start) / 2)).toBe(2);
    expect(imageIndexAt(vp, seg, seg.end)).toBe(4);
    expect(imageIndexAt(tl.cues[1]!.viewports.left!, seg, 14)).toBe(2);
  });
});

describe('reveal rules', () => {
  it('holds items back until their step, and shows them when revealed by hand', () => {
    const c = lesson();
    expect(visibleRevealItems(c, 1, new Set())).toEqual([]);
    expect(visibleRevealItems(c, 2, new Set()).map((r) => r.id)).toEqual(['hx', 'ddx']);
    expect(visibleRevealItems(c, 0, new Set(['ddx'])).map((r) => r.id)).toEqual(['ddx']);
    expect(hiddenRevealItems(c, 0, new Set(['ddx'])).map((r) => r.id)).toEqual(['hx']);
  });
});

describe('lesson store', () => {
  it('moves through steps, clamped at both ends', () => {
    const s = createLessonStore(lesson());
    s.getState().previousStep();
    expect(s.getState().stepIndex).toBe(0);
    s.getState().nextStep();
    expect([s.getState().stepIndex, s.getState().segmentIndex]).toEqual([1, 2]);
    s.getState().nextStep();
    s.getState().nextStep();
    expect(s.getState().stepIndex).toBe(2);
  });

  it('going back does not hide what was revealed; "Hide answers" does', () => {
    const s = createLessonStore(lesson(), 2);
    expect(s.getState().revealedThrough).toBe(2);
    s.getState().goToStep(0);
    expect(visibleRevealItems(s.getState().lesson, s.getState().revealedThrough, s.getState().revealedByHand)).toHaveLength(2);
    s.getState().hideAnswers();
    expect(visibleRevealItems(s.getState().lesson, s.getState().revealedThrough, s.getState().revealedByHand)).toHaveLength(0);
    s.getState().goToStep(2);
    expect(s.getState().revealedThrough).toBe(2);
  });

  it('"Reveal now" shows every answer at once', () => {
    const s = createLessonStore(lesson());
    s.getState().revealNow();
    const st = s.getState();
    expect(visibleRevealItems(st.lesson, st.revealedThrough, st.revealedByHand)).toHaveLength(2);
  });

  it('clicking a segment moves to its step; taking over and returning re-applies the cue', () => {
    const s = createLessonStore(lesson());
    s.getState().goToSegment(3);
    expect(s.getState().stepIndex).toBe(2);
    const epoch = s.getState().cueEpoch;
    s.getState().takeOver();
    expect(s.getState().tookOver).toBe(true);
    s.getState().returnToLesson();
    expect(s.getState().tookOver).toBe(false);
    expect(s.getState().cueEpoch).toBe(epoch + 1);
  });
});
