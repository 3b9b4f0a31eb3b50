/** Reads a case file: schema first, then the structural cross-checks. */
import { CaseSchema, type ParsedCase } from './schema';
import { formatPath, type CaseProblem } from './errors';
import { checkStructure } from './cross-check';

export type CaseResult = { ok: true; value: ParsedCase } | { ok: false; problems: CaseProblem[] };

export function parseCase(json: unknown): CaseResult {
  const parsed = CaseSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    };
  }
  const problems = checkStructure(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed.data };
}

/** Parses JSON text, reporting a syntax error as a problem of the whole file rather than throwing. */
export function parseCaseText(text: string): CaseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: '(file)', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return parseCase(json);
}
