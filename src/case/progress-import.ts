/**
 * Reading a progress file (an export, or this browser's own record): everything is checked before anything is
 * touched, and a file that cannot be used says what it is and why, in words a learner can act on.
 */
import type { z } from 'zod';
import { formatPath } from './errors';
import { migrateV1, PROGRESS_VERSION, ProgressFileSchema, type CaseProgress, type ProgressMap } from './progress';

/** Why a file cannot be used; the UI words each kind. */
export type ImportRefusal =
  | { kind: 'not-json'; detail: string }
  /** A case file (case.json) picked by mistake. */
  | { kind: 'case-file' }
  /** JSON, but not a progress file at all. */
  | { kind: 'not-progress' }
  | { kind: 'newer'; version: number }
  | { kind: 'unknown-version'; version: string }
  /** A progress file with a damaged part: the case whose record it is (null: the file itself), where, and what. */
  | { kind: 'damaged'; caseId: string | null; field: string; detail: string; more: number };

export type ImportResult =
  | { ok: true; progress: ProgressMap; updated: string[]; kept: string[] }
  | { ok: false; refusal: ImportRefusal; error: string; problems: Array<{ path: string; message: string }> };

const TYPE_WORDS: Readonly<Record<string, string>> = {
  number: 'a number',
  string: 'text',
  array: 'a list',
  object: 'an object',
  boolean: 'true or false',
};

/** One schema problem in plain words: "should be a number", not "Invalid input: expected number". */
function plainDetail(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `should be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
  if (issue.code === 'unrecognized_keys') return `has fields this app does not know (${issue.keys.join(', ')})`;
  return issue.message;
}

function refuse(refusal: ImportRefusal, error: string, problems: Array<{ path: string; message: string }> = []): ImportResult {
  return { ok: false, refusal, error, problems };
}

/** Reads an exported file and merges it into `current`: per case, the newer `updatedAt` wins. Never throws. */
export function importProgress(text: string, current: ProgressMap): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const detail = (e as Error).message;
    return refuse({ kind: 'not-json', detail }, `not valid JSON: ${detail}`);
  }
  const top = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
  if (top && 'formatVersion' in top && 'steps' in top) return refuse({ kind: 'case-file' }, 'a case file, not a progress file');
  if (!top || !('progressVersion' in top) || !('cases' in top)) {
    return refuse({ kind: 'not-progress' }, 'not a progress file: it has no "progressVersion" and "cases"');
  }
  const version = top.progressVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > PROGRESS_VERSION) {
    return refuse({ kind: 'newer', version }, `version ${version} was written by a newer app (this one reads version ${PROGRESS_VERSION})`);
  }
  if (version !== 1 && version !== PROGRESS_VERSION) {
    return refuse({ kind: 'unknown-version', version: JSON.stringify(version) }, `unknown progress version ${JSON.stringify(version)}`);
  }
  const parsed = ProgressFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const problems = issues.map((i) => ({ path: formatPath(i.path).replace('(case)', '(file)'), message: i.message }));
    const first = issues[0]!;
    const [root, caseId, ...rest] = first.path;
    const inCase = root === 'cases' && typeof caseId === 'string' && rest.length > 0;
    const refusal: ImportRefusal = {
      kind: 'damaged',
      caseId: inCase ? caseId : null,
      field: inCase ? formatPath(rest) : formatPath(first.path).replace('(case)', '(file)'),
      detail: plainDetail(first),
      more: issues.length - 1,
    };
    return refuse(refusal, `not a progress file: ${problems[0]?.path}: ${problems[0]?.message}`, problems);
  }
  const merged: Record<string, CaseProgress> = { ...current };
  const updated: string[] = [];
  const kept: string[] = [];
  for (const [id, read] of Object.entries(parsed.data.cases)) {
    const incoming = parsed.data.progressVersion === 1 ? migrateV1(read) : read;
    const mine = current[id];
    if (!mine || Date.parse(incoming.updatedAt) > Date.parse(mine.updatedAt)) {
      merged[id] = incoming;
      updated.push(id);
    } else kept.push(id);
  }
  return { ok: true, progress: merged, updated, kept };
}
