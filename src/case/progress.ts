/**
 * A learner's progress, per case, as stored in the browser and moved between browsers by export/import.
 *
 * Versioned so a later app can read (or refuse with a clear message) what an earlier one wrote. Import validates
 * everything before it touches anything: a bad file leaves the current progress exactly as it was.
 */
import { z } from 'zod';
import { formatPath } from './errors';
import { MIN_EASE, review, type Sm2State } from './spaced-repetition';
import { recallQuality, type QuizResult } from './score';

export const PROGRESS_VERSION = 1;

const IsoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date (ISO 8601, e.g. "2026-01-31T12:00:00Z")');

const Sm2Schema = z.strictObject({
  repetitions: z.number().int().nonnegative(),
  intervalDays: z.number().nonnegative(),
  easeFactor: z.number().min(MIN_EASE),
  dueAt: IsoDate,
  lastReviewedAt: IsoDate,
}) satisfies z.ZodType<Sm2State>;

export const CaseProgressSchema = z.strictObject({
  caseId: z.string().min(1),
  /** Step ids the learner has been shown. */
  stepsSeen: z.array(z.string()).default([]),
  /** Index of the furthest step reached (-1: none yet). */
  furthestStep: z.number().int().min(-1).default(-1),
  /** The lesson clock (seconds) where the learner left off, and when. */
  position: z.strictObject({ seconds: z.number().nonnegative(), at: IsoDate }).optional(),
  quiz: z
    .strictObject({
      answers: z.array(z.string()),
      /** What the learner wrote as findings before committing (optional: files from before it existed lack it). */
      findings: z.string().optional(),
      score: z.number().nonnegative(),
      maxScore: z.number().nonnegative(),
      answeredAt: IsoDate,
    })
    .optional(),
  notes: z.string().default(''),
  /** Set when the learner reached the last step. */
  completedAt: IsoDate.optional(),
  sm2: Sm2Schema.optional(),
  /** The last change; on import the newer record of a case wins. */
  updatedAt: IsoDate,
});

export const ProgressFileSchema = z
  .strictObject({
    progressVersion: z.literal(PROGRESS_VERSION),
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
/** All cases' progress, by case id. */
export type ProgressMap = Readonly<Record<string, CaseProgress>>;

export type ImportResult =
  | { ok: true; progress: ProgressMap; updated: string[]; kept: string[] }
  | { ok: false; error: string; problems: Array<{ path: string; message: string }> };

export function emptyProgress(caseId: string, now: Date): CaseProgress {
  return { caseId, stepsSeen: [], furthestStep: -1, notes: '', updatedAt: now.toISOString() };
}

/** The progress after the learner reached a step (index `stepIndex` of `stepCount`). */
export function markStep(p: CaseProgress, stepId: string, stepIndex: number, stepCount: number, now: Date): CaseProgress {
  const at = now.toISOString();
  return {
    ...p,
    stepsSeen: p.stepsSeen.includes(stepId) ? p.stepsSeen : [...p.stepsSeen, stepId],
    furthestStep: Math.max(p.furthestStep, stepIndex),
    completedAt: p.completedAt ?? (stepIndex >= stepCount - 1 ? at : undefined),
    updatedAt: at,
  };
}

/**
 * The progress after the learner committed a differential: the answer and its score are kept, and the case is
 * scheduled for review by SM-2 with the score as the recall grade (see `recallQuality`).
 */
export function recordQuiz(
  p: CaseProgress,
  answers: readonly string[],
  findings: string,
  result: Pick<QuizResult, 'score' | 'maxScore'>,
  now: Date,
): CaseProgress {
  const at = now.toISOString();
  return {
    ...p,
    quiz: { answers: [...answers], findings, score: result.score, maxScore: result.maxScore, answeredAt: at },
    sm2: review(p.sm2, recallQuality(result), now),
    updatedAt: at,
  };
}

export function exportProgress(all: ProgressMap, now: Date = new Date()): string {
  return JSON.stringify({ progressVersion: PROGRESS_VERSION, exportedAt: now.toISOString(), cases: all }, null, 2);
}

/** Reads an exported file and merges it into `current`: per case, the newer `updatedAt` wins. Never throws. */
export function importProgress(text: string, current: ProgressMap): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = `not valid JSON: ${(e as Error).message}`;
    return { ok: false, error: `(file): ${message}`, problems: [{ path: '(file)', message }] };
  }
  const version = typeof json === 'object' && json !== null ? (json as { progressVersion?: unknown }).progressVersion : undefined;
  if (typeof version === 'number' && version > PROGRESS_VERSION) {
    const message = `version ${version} was written by a newer app (this one reads version ${PROGRESS_VERSION})`;
    return { ok: false, error: `progressVersion: ${message}`, problems: [{ path: 'progressVersion', message }] };
  }
  const parsed = ProgressFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ path: formatPath(i.path).replace('(case)', '(file)'), message: i.message }));
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    return { ok: false, error: `not a progress file: ${first?.path}: ${first?.message}${more}`, problems };
  }
  const merged: Record<string, CaseProgress> = { ...current };
  const updated: string[] = [];
  const kept: string[] = [];
  for (const [id, incoming] of Object.entries(parsed.data.cases)) {
    const mine = current[id];
    if (!mine || Date.parse(incoming.updatedAt) > Date.parse(mine.updatedAt)) {
      merged[id] = incoming;
      updated.push(id);
    } else kept.push(id);
  }
  return { ok: true, progress: merged, updated, kept };
}

export type LibraryStatus = 'new' | 'in progress' | 'done';

/** The library card's badge: done once the last step was reached or the quiz answered. */
export function libraryStatus(progress: CaseProgress | undefined): LibraryStatus {
  if (!progress) return 'new';
  if (progress.completedAt !== undefined || progress.quiz !== undefined) return 'done';
  const started = progress.furthestStep >= 0 || progress.stepsSeen.length > 0 || progress.position !== undefined || progress.notes !== '';
  return started ? 'in progress' : 'new';
}
