/**
 * What an ATFI report gives the case (docs/case-import.md has the table): every free text de-identified by the
 * scrubber first. Fields the case has no place for (affiliation, contact) are not read at all.
 */
import type { CaseFile } from '../../case/schema';
import { LEVELS, type AtfiField } from './codes';
import type { Atfi, AtfiValue } from './atfi';
import type { TextScrubber } from './free-text';

type Reveal = NonNullable<CaseFile['reveal']>[number];

/** How the importer names each field in its notes (and the case's words for the reveal titles). */
export const FIELD_NAMES: Record<AtfiField, string> = {
  author: 'Author',
  abstract: 'Abstract',
  keywords: 'Keywords',
  history: 'History',
  findings: 'Findings',
  discussion: 'Discussion',
  differential: 'Differential diagnosis',
  diagnosis: 'Diagnosis',
  anatomy: 'Anatomy',
  pathology: 'Pathology',
  category: 'Category',
  level: 'Level',
};

export interface AtfiCaseFields {
  fields: Partial<Pick<CaseFile, 'title' | 'summary' | 'tags' | 'difficulty' | 'imageCredit' | 'findings'>>;
  reveal: Reveal[];
}

/** Splits a list written as text ("a; b, c" or one per line) into its entries. */
function entries(values: readonly AtfiValue[], scrubbed: (v: AtfiValue) => string, split: RegExp): string[] {
  return values.flatMap((v) => scrubbed(v).split(split)).map((s) => s.trim()).filter(Boolean);
}

export function atfiCaseFields(atfi: Atfi, scrubber: TextScrubber, steps: { first: string; last: string }): AtfiCaseFields {
  const f = atfi.fields;
  const scrub = (field: AtfiField) => (v: AtfiValue): string => (v.code ? v.text : scrubber.scrub(FIELD_NAMES[field], v.text));
  const joined = (field: AtfiField): string | undefined => {
    const values = f[field];
    return values?.length ? values.map(scrub(field)).join('\n\n') : undefined;
  };
  const out: AtfiCaseFields = { fields: {}, reveal: [] };
  const author = joined('author');
  if (author) out.fields.imageCredit = `Teaching file of ${author}, imported from the archive (IHE TCE).`;
  const abstract = joined('abstract');
  if (abstract) out.fields.summary = abstract;
  const tags = [
    ...entries(f.keywords ?? [], scrub('keywords'), /[;,\n]/),
    ...(['anatomy', 'pathology', 'category'] as const).flatMap((k) => entries(f[k] ?? [], scrub(k), /[;\n]/)),
  ];
  if (tags.length) out.fields.tags = [...new Set(tags)];
  const level = f.level?.find((v) => v.code && LEVELS[v.code]);
  if (level?.code) out.fields.difficulty = LEVELS[level.code];
  const findings = entries(f.findings ?? [], scrub('findings'), /\n+/);
  if (findings.length) out.fields.findings = findings.map((text) => ({ text, match: [], step: steps.first }));
  const history = joined('history');
  if (history) out.reveal.push({ id: 'history', kind: 'history', revealAt: steps.first, title: 'Clinical history', text: history });
  const ddx = entries(f.differential ?? [], scrub('differential'), /[;\n]/);
  if (ddx.length) {
    out.reveal.push({ id: 'differential', kind: 'differential', revealAt: steps.last, title: 'Differential', entries: ddx.map((diagnosis) => ({ diagnosis })) });
  }
  const diagnosis = joined('diagnosis');
  if (diagnosis) {
    out.fields.title = diagnosis.split('\n')[0]!.slice(0, 120);
    out.reveal.push({
      id: 'diagnosis',
      kind: 'diagnosis',
      revealAt: steps.last,
      title: 'Diagnosis',
      diagnosis,
      proof: 'As given in the teaching-file report',
    });
  }
  const discussion = joined('discussion');
  if (discussion) out.reveal.push({ id: 'discussion', kind: 'teaching-point', revealAt: steps.last, title: 'Discussion', text: discussion });
  return out;
}
