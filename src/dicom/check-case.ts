/** The whole check of one case: its file, then its images, then the references between them. */
import { parseCase } from '../case/parse';
import { checkAgainstImages } from '../case/cross-check';
import type { CaseProblem } from '../case/errors';
import type { ParsedCase } from '../case/schema';
import type { CaseFileReader } from './case-files';
import { readCaseSeries } from './series-facts';
import { expandCase } from '../case/expand';

export interface CaseCheckReport {
  value?: ParsedCase;
  problems: CaseProblem[];
}

export async function checkCase(json: unknown, reader: CaseFileReader): Promise<CaseCheckReport> {
  const expanded = await expandCase(json, (p) => reader.readText(p));
  if (expanded.problems.length) return { problems: expanded.problems };
  const parsed = parseCase(expanded.json);
  if (!parsed.ok) return { problems: parsed.problems };
  const { facts, problems } = await readCaseSeries(parsed.value, reader);
  problems.push(...checkAgainstImages(parsed.value, facts));
  return { value: parsed.value, problems };
}
