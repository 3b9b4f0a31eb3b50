import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/case/parse';
import { createLessonStore } from '../../src/state/lesson-store';
import { minimalCase } from '../fixtures/minimal-case';

function setup(startStep = 0) {
  const c = minimalCase();
  // Time passing from the lesson's very start: step 1 lands on its first segment, not on its arrow (case/landing.ts).
  c.steps[0]!.landing = 'first';
  const r = parseCase(c);
  if (!r.ok) throw new Error('fixture');
  let wall = 0;
  const store = createLessonStore(r.value, startStep, () => wall);
  return { store, s: () => store.getState(), advance: (ms: number) => void (wall += ms) };
}

describe('playback in the lesson store', () => {
  it('ticks through segments and steps as time passes, at the chosen speed', () => {
    const { s, advance } = setup();
    s().play();
    advance(4900);
    s().tick();
    expect([s().segmentIndex, s().stepIndex]).toEqual([0, 0]);
    advance(200);
    s().tick();
    expect([s().segmentIndex, s().stepIndex]).toEqual([1, 0]);
    s().setRate(2);
    advance(4000); // 8 s of lesson at 2x: t = 13.1
    s().tick();
    expect([s().segmentIndex, s().stepIndex]).toEqual([2, 1]);
    expect(s().time).toBeCloseTo(13.1, 5);
  });

  it('pauses by itself at the end', () => {
    const { s, advance } = setup(2);
    s().play();
    advance(60_000);
    s().tick();
    expect(s().clock.playing).toBe(false);
    expect(s().time).toBe(30);
  });

  it('taking over pauses; "Return to lesson" re-applies the cue of the current time', () => {
    const { s, advance } = setup();
    s().play();
    advance(6000);
    s().tick();
    const epoch = s().cueEpoch;
    s().takeOver();
    expect(s().clock.playing).toBe(false);
    advance(5000);
    s().tick();
    expect(s().time).toBeCloseTo(6, 5);
    s().returnToLesson();
    expect([s().tookOver, s().segmentIndex, s().cueEpoch]).toEqual([false, 1, epoch + 1]);
  });

  it('seeks by segment and by time, and counts seeks for the narration medium', () => {
    const { s } = setup();
    s().nextSegment();
    s().nextSegment();
    expect([s().segmentIndex, s().time]).toEqual([2, 12.5]);
    s().previousSegment();
    expect(s().time).toBe(5);
    const seeks = s().seekEpoch;
    s().seekTo(21);
    expect([s().segmentIndex, s().stepIndex, s().seekEpoch]).toEqual([3, 2, seeks + 1]);
  });

  it('follows a narration medium as its master without counting a seek', () => {
    const { s } = setup();
    const seeks = s().seekEpoch;
    s().followMedia(13, true);
    expect([s().segmentIndex, s().clock.playing, s().seekEpoch]).toEqual([2, true, seeks]);
  });
});
