/**
 * A learner's progress, per case, as stored in the browser and moved between browsers by export/import.
 *
 * Versioned so a later app can read (or refuse with a clear message) what an earlier one wrote. Import
 * (`progress-import.ts`) validates everything before it touches anything: a bad file leaves the current progress
 * exactly as it was.
 */
import { z } from 'zod';
import { MIN_EASE, type Sm2State } from './spaced-repetition';

/**
 * 2: answers have revisions and meet the reveal once (graded then, `quiz-attempt.ts`); `answersShownAt`; the
 * position names its step; `completedAt` means every step was reached. Version 1 files still load (`migrateV1`).
 */
export const PROGRESS_VERSION = 2;

const IsoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date (ISO 8601, e.g. "2026-01-31T12:00:00Z")');

const Sm2Schema = z.strictObject({
  repetitions: z.number().int().nonnegative(),
  intervalDays: z.number().nonnegative(),
  easeFactor: z.number().min(MIN_EASE),
  dueAt: IsoDate,
  lastReviewedAt: IsoDate,
}) satisfies z.ZodType<Sm2State>;

const RevisionSchema = z.strictObject({
  answers: z.array(z.string()),
  findings: z.string().optional(),
  /** The step the learner was at: its id, and its number (1-based) as shown then. */
  step: z.strictObject({ id: z.string(), number: z.number().int().positive() }),
  at: IsoDate,
});

export const CaseProgressSchema = z.strictObject({
  caseId: z.string().min(1),
  /** Step ids the learner has been shown. */
  stepsSeen: z.array(z.string()).default([]),
  /** Index of the furthest step reached (-1: none yet). */
  furthestStep: z.number().int().min(-1).default(-1),
  /** The lesson clock (seconds) where the learner left off, in which step (0-based; absent in version 1), and when. */
  position: z
    .strictObject({ seconds: z.number().nonnegative(), step: z.number().int().nonnegative().optional(), at: IsoDate })
    .optional(),
  /** The committed answer of the current attempt (its latest revision). */
  quiz: z
    .strictObject({
      answers: z.array(z.string()),
      /** What the learner wrote as findings before committing (optional: files from before it existed lack it). */
      findings: z.string().optional(),
      score: z.number().nonnegative(),
      maxScore: z.number().nonnegative(),
      answeredAt: IsoDate,
      /** Every commit of this attempt, first to last, with the step it was made at (absent in version 1). */
      revisions: z.array(RevisionSchema).optional(),
      /** Committed after the answers had been shown in this attempt: compared, but never graded as recall. */
      seen: z.boolean().optional(),
      /** When the answer met the reveal and was graded; until then it may be revised. */
      revealedAt: IsoDate.optional(),
    })
    .optional(),
  /** The last time the case's differential was on screen. */
  answersShownAt: IsoDate.optional(),
  notes: z.string().default(''),
  /** Set when every step of the case had been reached. */
  completedAt: IsoDate.optional(),
  sm2: Sm2Schema.optional(),
  /** The last change; on import the newer record of a case wins. */
  updatedAt: IsoDate,
});

export const ProgressFileSchema = z
  .strictObject({
    progressVersion: z.union([z.literal(1), z.literal(PROGRESS_VERSION)]),
    exportedAt: IsoDate.optional(),
    cases: z.record(z.string(), CaseProgressSchema),
  })
  .superRefine((file, ctx) => {
    for (const [key, p] of Object.entries(file.cases)) {
      if (p.caseId !== key) {
        ctx.addIssue({ code: 'custom', path: ['cases', key, 'caseId'], message: `"${p.caseId}" differs from its key "${key}"` });
      }
    }
  });

export type CaseProgress = z.output<typeof CaseProgressSchema>;
export type QuizRecord = NonNullable<CaseProgress['quiz']>;
export type QuizRevision = z.output<typeof RevisionSchema>;
/** All cases' progress, by case id. */
export type ProgressMap = Readonly<Record<string, CaseProgress>>;

export function emptyProgress(caseId: string, now: Date): CaseProgress {
  return { caseId, stepsSeen: [], furthestStep: -1, notes: '', updatedAt: now.toISOString() };
}

/**
 * The progress after the learner reached a step (index `stepIndex`; `caseSteps` are the ids of all the case's
 * steps). The case is complete once every one of them was reached, not merely the last (a link or a chapter mark
 * can jump there).
 */
export function markStep(p: CaseProgress, stepId: string, stepIndex: number, caseSteps: readonly string[], now: Date): CaseProgress {
  const at = now.toISOString();
  const stepsSeen = p.stepsSeen.includes(stepId) ? p.stepsSeen : [...p.stepsSeen, stepId];
  const all = caseSteps.every((id) => stepsSeen.includes(id));
  return {
    ...p,
    stepsSeen,
    furthestStep: Math.max(p.furthestStep, stepIndex),
    completedAt: p.completedAt ?? (all ? at : undefined),
    updatedAt: at,
  };
}

/**
 * A version 1 record in today's terms: its answer was graded when committed (so it is closed), and its
 * `completedAt` (then: the last step reached) stands only if every step up to the last was seen.
 */
export function migrateV1(p: CaseProgress): CaseProgress {
  const { completedAt, quiz, ...rest } = p;
  return {
    ...rest,
    ...(quiz ? { quiz: { ...quiz, revealedAt: quiz.revealedAt ?? quiz.answeredAt } } : {}),
    ...(completedAt !== undefined && p.stepsSeen.length > p.furthestStep ? { completedAt } : {}),
  };
}

export function exportProgress(all: ProgressMap, now: Date = new Date()): string {
  return JSON.stringify({ progressVersion: PROGRESS_VERSION, exportedAt: now.toISOString(), cases: all }, null, 2);
}

export type LibraryStatus = 'new' | 'in progress' | 'done';

/** The library card's badge: done once every step was reached (revealing or answering does not finish a case). */
export function libraryStatus(progress: CaseProgress | undefined): LibraryStatus {
  if (!progress) return 'new';
  if (progress.completedAt !== undefined) return 'done';
  const started = progress.furthestStep >= 0 || progress.stepsSeen.length > 0 || progress.position !== undefined || progress.notes !== '';
  return started ? 'in progress' : 'new';
}
