/**
 * Where a step lands (case/landing.ts): the seed case's steps land on their findings, an author may choose the first
 * segment or a segment of their own, the checker refuses a segment of another step, and the store, the chapter
 * marks' "go to step" and the presenter's clicker agree on it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/case/parse';
import { describeProblem } from '../../src/case/errors';
import { buildTimeline, cueForStep, type Timeline } from '../../src/case/timeline';
import { clickerNext, cueStops } from '../../src/case/cues';
import type { CaseFile, ParsedCase } from '../../src/case/schema';
import { createLessonStore } from '../../src/state/lesson-store';
import { minimalCase } from '../fixtures/minimal-case';

const seedFile = (): CaseFile => JSON.parse(readFileSync(join(import.meta.dirname, '../../cases/epidural-aml/case.json'), 'utf8')) as CaseFile;

function parsed(c: CaseFile): ParsedCase {
  const r = parseCase(c);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}
const landingIds = (tl: Timeline): string[] => tl.steps.map((s) => tl.segments[s.landingSegment]!.id);
const arrowLabels = (tl: Timeline, step: number): string[] =>
  Object.values(cueForStep(tl, step).viewports).flatMap((vp) => vp.arrows.map((a) => a.label));

describe('landing on a step', () => {
  it("the seed case's steps land on their first view with arrows: step 1 points at the L2 lesion", () => {
    const tl = buildTimeline(parsed(seedFile()));
    expect(landingIds(tl)).toEqual(['l2-look', 'l5s1-look', 's3-look', 'recap', 'post-compare', 'ct-look', 'history-matters', 'biopsy', 'two-readings']);
    expect(arrowLabels(tl, 0)).toEqual(['L2 anterior epidural']);
    // A step whose segments point at nothing lands on its first.
    const c = minimalCase();
    expect(landingIds(buildTimeline(parsed(c)))).toEqual(['s2', 's3', 's4']);
  });

  it("the author may land a step on its first segment or on a segment of theirs; the checker refuses another step's", () => {
    const c = seedFile();
    c.steps[0]!.landing = 'first';
    c.steps[3]!.landing = 'needs-ddx';
    expect(landingIds(buildTimeline(parsed(c))).slice(0, 4)).toEqual(['intro', 'l5s1-look', 's3-look', 'needs-ddx']);
    c.steps[1]!.landing = 'l2-signal';
    const r = parseCase(c);
    expect(r.ok ? [] : r.problems.map(describeProblem)).toEqual([
      expect.stringMatching(/^steps\[1\]\.landing: "l2-signal" is not a segment of step "l5s1" \(use "first", "findings" or one of: l5s1-look, l5s1-extent\)/),
    ]);
  });

  it('the store lands there on a link, Next, Previous and go-to-step; the clicker stops there too but enters a step at its start', () => {
    const lesson = parsed(seedFile());
    const store = createLessonStore(lesson, 0, () => 0);
    const s = () => store.getState();
    const at = (): string => s().timeline.segments[s().segmentIndex]!.id;
    expect([at(), s().time]).toEqual(['l2-look', 5]);
    s().nextStep();
    expect(at()).toBe('l5s1-look');
    s().goToStep(4);
    expect(at()).toBe('post-compare');
    s().previousStep();
    expect(at()).toBe('recap');
    const tl = s().timeline;
    const seg = (id: string): number => tl.segments.findIndex((x) => x.id === id);
    // The presenter holds the L2 arrow back (the speaker notes ask for it): the step's start, then its landing.
    expect(cueStops(tl, 0).map((i) => tl.segments[i]!.id)).toEqual(['intro', 'l2-look']);
    expect(clickerNext(tl, seg('intro'))).toBe(seg('l2-look'));
    expect(clickerNext(tl, seg('needs-ddx'))).toBe(seg('post-intro'));
    // A landing on a segment without a cue of its own is a stop as well.
    const c = seedFile();
    c.steps[0]!.landing = 'l2-signal';
    const custom = buildTimeline(parsed(c));
    expect(cueStops(custom, 0).map((i) => custom.segments[i]!.id)).toEqual(['intro', 'l2-look', 'l2-signal']);
    // Presenting from the start begins before the arrow.
    s().startPresenting('start');
    expect(at()).toBe('intro');
  });
});
