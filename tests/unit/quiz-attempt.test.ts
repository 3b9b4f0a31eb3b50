import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/case/parse';
import { emptyProgress } from '../../src/case/progress';
import { answersShown, asksBeforeReveal, attemptOf, commitAnswer, revisionChanges, SEEN_GRADE_CAP, attemptGrade } from '../../src/case/quiz-attempt';
import { revealedByReaching } from '../../src/case/reveal';
import { createLessonStore } from '../../src/state/lesson-store';

const t = (hour: number): Date => new Date(Date.UTC(2026, 0, 10, hour));
const DDX_STEP = 6;
const commit = (answers: string[], step: number, score = 3) => ({ answers, findings: '', score, maxScore: 5, step: { id: `s${step}`, number: step } });

describe('an attempt: commit, revise until the reveal, graded once there', () => {
  it('keeps every revision with its step, and says what changed at which step', () => {
    let p = emptyProgress('c', t(1));
    expect(attemptOf(p, DDX_STEP, t(1))).toEqual({ kind: 'fresh', seen: false });
    p = commitAnswer(p, commit(['Leukemia', 'Abscess', 'Hematoma'], 1), false, t(2));
    expect(attemptOf(p, DDX_STEP, t(2)).kind).toBe('open');
    p = commitAnswer(p, commit(['Leukemia', 'Hematoma', 'Abscess'], 5), false, t(3));
    p = commitAnswer(p, commit(['Leukemia', 'lymphoma', 'Hematoma'], 6), false, t(4));
    expect(p.quiz?.answers).toEqual(['Leukemia', 'lymphoma', 'Hematoma']);
    expect(p.quiz?.revisions?.map((r) => r.step.number)).toEqual([1, 5, 6]);
    // Nothing graded before the reveal: the review schedule waits for it.
    expect(p.sm2).toBeUndefined();
    expect(revisionChanges(p.quiz!.revisions!)).toEqual([
      { step: { id: 's5', number: 5 }, added: [], removed: [], reordered: true, findingsChanged: false },
      { step: { id: 's6', number: 6 }, added: ['lymphoma'], removed: ['Abscess'], reordered: false, findingsChanged: false },
    ]);

    const shown = answersShown(p, t(5));
    expect(shown.quiz?.revealedAt).toBe(t(5).toISOString());
    expect(shown.sm2?.repetitions).toBe(1); // graded 3 of 5: recalled
    expect(attemptOf(shown, DDX_STEP, t(5)).kind).toBe('closed');
    // Shown again (after "Hide answers"): noted, never graded twice.
    const again = answersShown(shown, t(6));
    expect(again.sm2).toEqual(shown.sm2);
    expect(again.answersShownAt).toBe(t(6).toISOString());
    // A commit now starts no revision of the closed answer.
    expect(asksBeforeReveal(attemptOf(again, DDX_STEP, t(6)))).toBe(false);
  });

  it('an answer committed after the answers were shown is marked, and graded as not recalled', () => {
    const seenFirst = answersShown(emptyProgress('c', t(1)), t(2));
    const a = attemptOf(seenFirst, DDX_STEP, t(3));
    expect(a).toEqual({ kind: 'fresh', seen: true });
    expect(asksBeforeReveal(a)).toBe(false);
    const p = commitAnswer(seenFirst, commit(['Leukemia'], 3, 5), a.seen, t(3));
    expect(p.quiz?.seen).toBe(true);
    expect(attemptGrade(p.quiz!)).toBe(SEEN_GRADE_CAP);
    const graded = answersShown(p, t(4));
    expect(graded.sm2).toMatchObject({ repetitions: 0, intervalDays: 1 }); // a lapse: back tomorrow, blind
    // A record from before answersShownAt existed: reaching the differential's step counts as seen.
    expect(attemptOf({ ...emptyProgress('c', t(1)), furthestStep: DDX_STEP }, DDX_STEP, t(2))).toEqual({ kind: 'fresh', seen: true });
  });

  it('a due review is a new blind attempt, unless the answers were shown since it fell due', () => {
    let p = answersShown(commitAnswer(emptyProgress('c', t(1)), commit(['Leukemia'], 1, 5), false, t(1)), t(2));
    const due = new Date(Date.parse(p.sm2!.dueAt) + 1000);
    expect(attemptOf(p, DDX_STEP, due)).toMatchObject({ kind: 'closed', due: true, seen: false });
    expect(asksBeforeReveal(attemptOf(p, DDX_STEP, due))).toBe(true);
    p = commitAnswer(p, commit(['Lymphoma'], 2), false, due);
    expect(p.quiz?.revisions).toHaveLength(1);
    expect(attemptOf(p, DDX_STEP, due).kind).toBe('open');
    const peeked = answersShown(answersShown(commitAnswer(emptyProgress('c', t(1)), commit(['x'], 1, 5), false, t(1)), t(2)), due);
    expect(attemptOf(peeked, DDX_STEP, due)).toMatchObject({ kind: 'closed', due: true, seen: true });
  });
});

describe('asking before a step that reveals, in the lesson store', () => {
  const json: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '../../cases/epidural-aml/case.json'), 'utf8'));
  const r = parseCase(json);
  if (!r.ok) throw new Error('seed case');
  const lesson = r.value;
  const reveal = lesson.steps.findIndex((s) => s.id === 'history');

  function setup(step: number) {
    let wall = 0;
    const store = createLessonStore(lesson, step, () => wall);
    store.getState().setAskBeforeRevealing(true);
    return { store, s: () => store.getState(), advance: (ms: number) => void (wall += ms) };
  }

  it('knows which steps reveal what', () => {
    expect(revealedByReaching(lesson, reveal - 1, reveal - 2, new Set()).map((i) => i.kind)).toEqual([]);
    expect(revealedByReaching(lesson, reveal, reveal - 1, new Set()).map((i) => i.kind)).toEqual(['history', 'differential']);
    expect(revealedByReaching(lesson, reveal, reveal, new Set())).toEqual([]);
  });

  it('holds Next, a jump or a chapter, and lets the learner choose', () => {
    const { s } = setup(reveal - 1);
    s().nextStep();
    expect(s().stepIndex).toBe(reveal - 1);
    expect(s().revealAsk).toMatchObject({ stepIndex: reveal, play: false });
    s().answerRevealAsk(false);
    expect([s().stepIndex, s().revealAsk]).toEqual([reveal - 1, null]);
    s().goToStep(lesson.steps.length - 1);
    expect(s().revealAsk?.stepIndex).toBe(lesson.steps.length - 1);
    s().answerRevealAsk(true);
    expect([s().stepIndex, s().revealedThrough, s().revealAsk]).toEqual([lesson.steps.length - 1, lesson.steps.length - 1, null]);
    // Going back over steps already revealed asks nothing.
    s().goToStep(reveal);
    expect([s().stepIndex, s().revealAsk]).toEqual([reveal, null]);
  });

  it('asks once: after "reveal anyway", a later step that reveals more (the biopsy, the final diagnosis) does not ask', () => {
    const { s } = setup(reveal - 1);
    const biopsy = lesson.steps.findIndex((x) => x.id === 'biopsy');
    expect(revealedByReaching(lesson, biopsy, reveal, new Set()).map((i) => i.kind)).toEqual(['diagnosis']);
    s().nextStep();
    s().answerRevealAsk(true);
    expect(s().stepIndex).toBe(reveal);
    // The quiz still wants to ask (its answer is not committed): the store has had the learner's word already.
    s().setAskBeforeRevealing(true);
    s().goToStep(biopsy);
    expect([s().stepIndex, s().revealAsk]).toEqual([biopsy, null]);
    // "Not yet" is no answer: the next move asks again.
    const other = setup(reveal - 1);
    other.s().nextStep();
    other.s().answerRevealAsk(false);
    other.s().nextStep();
    expect(other.s().revealAsk?.stepIndex).toBe(reveal);
  });

  it('playing into the step pauses before it, and plays on after "reveal anyway"', () => {
    const { s, advance, store } = setup(reveal - 1);
    const boundary = store.getState().timeline.steps[reveal]!.start;
    s().seekTo(boundary - 0.5);
    s().play();
    advance(2000);
    s().tick();
    expect(s().clock.playing).toBe(false);
    expect(s().stepIndex).toBe(reveal - 1);
    expect(s().time).toBeLessThan(boundary);
    expect(s().revealAsk?.play).toBe(true);
    s().answerRevealAsk(true);
    expect(s().stepIndex).toBe(reveal);
    expect(s().clock.playing).toBe(true);
  });

  it('never holds a presenter, nor a learner not to be asked', () => {
    const { s } = setup(reveal - 1);
    s().setPresenting(true);
    s().nextStep();
    expect([s().stepIndex, s().revealAsk]).toEqual([reveal, null]);
    const other = setup(reveal - 1);
    other.s().setAskBeforeRevealing(false);
    other.s().nextStep();
    expect(other.s().stepIndex).toBe(reveal);
  });
});
