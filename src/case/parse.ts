/** Reads a case file: schema first, then the structural cross-checks. */
import { CaseSchema, type ParsedCase } from './schema';
import { formatPath, type CaseProblem } from './errors';
import { checkStructure, type CaseContext } from './cross-check';

export type CaseResult = { ok: true; value: ParsedCase } | { ok: false; problems: CaseProblem[] };

/** `context` adds the checks that depend on the deployment (which DICOMweb servers exist). */
export function parseCase(json: unknown, context?: CaseContext): CaseResult {
  const parsed = CaseSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    };
  }
  const problems = checkStructure(parsed.data, context);
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed.data };
}

/** Parses JSON text, reporting a syntax error as a problem of the whole file rather than throwing. */
export function parseCaseText(text: string, context?: CaseContext): CaseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: '(file)', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return parseCase(json, context);
}
