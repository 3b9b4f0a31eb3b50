/** The whole check of one case: its file, then its images, then the references between them. */
import { parseCase } from '../case/parse';
import { checkAgainstImages, type CaseContext } from '../case/cross-check';
import type { CaseProblem } from '../case/errors';
import type { ParsedCase } from '../case/schema';
import type { CaseFileReader } from './case-files';
import { readCaseSeries } from './series-facts';
import { expandCase } from '../case/expand';

export interface CaseCheckReport {
  value?: ParsedCase;
  problems: CaseProblem[];
  /** What could not be checked (e.g. the images of a DICOMweb series), for the checker to say so. */
  notes: CaseProblem[];
}

/** `context` says which DICOMweb servers the app's config allows; without it their ids are not checked. */
export async function checkCase(json: unknown, reader: CaseFileReader, context?: CaseContext): Promise<CaseCheckReport> {
  const expanded = await expandCase(json, (p) => reader.readText(p));
  if (expanded.problems.length) return { problems: expanded.problems, notes: [] };
  const parsed = parseCase(expanded.json, context);
  if (!parsed.ok) return { problems: parsed.problems, notes: [] };
  const { facts, problems, notes } = await readCaseSeries(parsed.value, reader);
  problems.push(...checkAgainstImages(parsed.value, facts));
  return { value: parsed.value, problems, notes };
}
