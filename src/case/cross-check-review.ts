/** Cross-checks of the reveal's feedback fields: the findings checklist's steps and "why not"'s vocabulary ties. */
import type { CaseProblem } from './errors';
import type { ParsedCase } from './schema';

export function checkReviewFields(c: ParsedCase): CaseProblem[] {
  const problems: CaseProblem[] = [];
  const stepIds = c.steps.map((s) => s.id);
  const vocabIds = c.vocabulary.map((v) => v.id);
  c.findings.forEach((item, i) => {
    if (!stepIds.includes(item.step)) {
      problems.push({ path: `findings[${i}].step`, message: `unknown step "${item.step}" (known: ${stepIds.join(', ')})` });
    }
  });
  c.whyNot.forEach((item, i) => {
    if (item.vocabularyId !== undefined && !vocabIds.includes(item.vocabularyId)) {
      problems.push({ path: `whyNot[${i}].vocabularyId`, message: `unknown vocabulary entry "${item.vocabularyId}" (known: ${vocabIds.join(', ') || 'none'})` });
    }
  });
  return problems;
}
