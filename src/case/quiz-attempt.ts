/**
 * One attempt at a case's quiz, from the first commit to the reveal. Until the differential is shown the learner
 * may revise the answer as later images arrive (every commit is kept, with the step it was made at); when it is
 * shown the latest answer is compared and graded once, for the SM-2 review. An answer committed after the
 * answers had been shown in the same attempt is kept and compared, but never graded as recall: its grade is
 * capped at a lapse (`SEEN_GRADE_CAP`), so the case comes back the next day for a blind attempt.
 */
import type { CaseProgress, QuizRecord, QuizRevision } from './progress';
import { recallQuality } from './score';
import { review, type Quality } from './spaced-repetition';

/** SM-2 grades below 3 are lapses: a seen answer never counts as recalled. */
export const SEEN_GRADE_CAP = 2;

export type Attempt =
  /** No answer yet in this attempt; `seen`: the answers were shown already (in this browser). */
  | { kind: 'fresh'; seen: boolean }
  /** Committed and not yet revealed: it may be revised. */
  | { kind: 'open'; quiz: QuizRecord; seen: boolean }
  /** Compared and graded; `due`: its review is due, so a new attempt may begin (`seen`: answers shown since). */
  | { kind: 'closed'; quiz: QuizRecord; due: boolean; seen: boolean };

/**
 * Where the learner stands with the quiz. `differentialStep` is the step that reveals the differential: a record
 * from before the app noted `answersShownAt` counts the answers as seen once that step was reached.
 */
export function attemptOf(p: CaseProgress | undefined, differentialStep: number, now: Date): Attempt {
  const shown = p?.answersShownAt !== undefined ? Date.parse(p.answersShownAt) : null;
  const quiz = p?.quiz;
  if (!p || !quiz) {
    return { kind: 'fresh', seen: shown !== null || (differentialStep >= 0 && (p?.furthestStep ?? -1) >= differentialStep) };
  }
  if (quiz.revealedAt === undefined) return { kind: 'open', quiz, seen: quiz.seen === true };
  const dueAt = p.sm2 ? Date.parse(p.sm2.dueAt) : null;
  const due = dueAt !== null && dueAt <= now.getTime();
  return { kind: 'closed', quiz, due, seen: due && shown !== null && dueAt !== null && shown > dueAt };
}

export interface AnswerCommit {
  answers: readonly string[];
  findings: string;
  score: number;
  maxScore: number;
  /** The step the learner is at: its id and number (1-based). */
  step: { id: string; number: number };
}

/**
 * The progress after a commit: an open answer gets a revision, anything else starts a new attempt. `seen` says the
 * answers were shown before this commit (see `attemptOf`). Nothing is graded here: that waits for the reveal.
 */
export function commitAnswer(p: CaseProgress, c: AnswerCommit, seen: boolean, now: Date): CaseProgress {
  const at = now.toISOString();
  const revision: QuizRevision = { answers: [...c.answers], findings: c.findings, step: c.step, at };
  const open = p.quiz && p.quiz.revealedAt === undefined ? p.quiz : undefined;
  const revisions = open ? [...(open.revisions ?? []), revision] : [revision];
  const wasSeen = (open?.seen ?? false) || seen;
  return {
    ...p,
    quiz: {
      answers: [...c.answers],
      findings: c.findings,
      score: c.score,
      maxScore: c.maxScore,
      answeredAt: at,
      revisions,
      ...(wasSeen ? { seen: true } : {}),
    },
    updatedAt: at,
  };
}

/** The SM-2 grade an answer earns at its reveal. */
export function attemptGrade(quiz: Pick<QuizRecord, 'score' | 'maxScore' | 'seen'>): Quality {
  const q = recallQuality(quiz);
  return quiz.seen ? (Math.min(q, SEEN_GRADE_CAP) as Quality) : q;
}

/** The differential came on screen: noted, and an open answer meets its reveal and is graded, once. */
export function answersShown(p: CaseProgress, now: Date): CaseProgress {
  const at = now.toISOString();
  const quiz = p.quiz;
  if (!quiz || quiz.revealedAt !== undefined) return { ...p, answersShownAt: at, updatedAt: at };
  return { ...p, answersShownAt: at, quiz: { ...quiz, revealedAt: at }, sm2: review(p.sm2, attemptGrade(quiz), now), updatedAt: at };
}

export interface RevisionChange {
  /** The step the revision was made at. */
  step: QuizRevision['step'];
  added: string[];
  removed: string[];
  /** Entries kept but ranked otherwise. */
  reordered: boolean;
  findingsChanged: boolean;
}

const same = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** What each revision changed from the one before (the first commit is where it starts, not a change). */
export function revisionChanges(revisions: readonly QuizRevision[]): RevisionChange[] {
  const changes: RevisionChange[] = [];
  for (let i = 1; i < revisions.length; i++) {
    const before = revisions[i - 1]!;
    const after = revisions[i]!;
    const had = before.answers.map(same);
    const has = after.answers.map(same);
    const added = after.answers.filter((a) => !had.includes(same(a)));
    const removed = before.answers.filter((a) => !has.includes(same(a)));
    const keptBefore = had.filter((a) => has.includes(a));
    const keptAfter = has.filter((a) => had.includes(a));
    const reordered = keptBefore.some((a, k) => keptAfter[k] !== a);
    const findingsChanged = (before.findings ?? '').trim() !== (after.findings ?? '').trim();
    if (added.length || removed.length || reordered || findingsChanged) {
      changes.push({ step: after.step, added, removed, reordered, findingsChanged });
    }
  }
  return changes;
}

/**
 * Whether a step that reveals answers should first ask the learner to commit: only while an answer is still to
 * be given blind (none yet, or a review that fell due), and the answers were not shown meanwhile.
 */
export function asksBeforeReveal(a: Attempt): boolean {
  return a.kind === 'fresh' ? !a.seen : a.kind === 'closed' && a.due && !a.seen;
}
