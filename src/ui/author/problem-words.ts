/**
 * A checker problem in the author's words: which field ("Segment 3 · start", "Step 2 “CT” · title") and what is
 * wrong, with the case's ids (`step "step-2"`, `series "s1"`) turned into what the author sees on screen and the
 * schema's wording ("Too small: expected string…") into plain sentences. The JSON path stays for `cases:check`.
 */
import type { CaseProblem } from '../../case/errors';
import type { Draft } from '../../case/authoring';
import { messages } from '../i18n/messages';

const m = messages.authorProblems;
const t = messages.authorTeaching.problems;

export interface AuthorProblem {
  path: string;
  /** The field, as the author finds it on the page. */
  field: string;
  message: string;
}

function segmentNumber(d: Draft, id: string): number {
  return d.transcript.findIndex((s) => s.id === id) + 1;
}

function fieldOf(path: string, d: Draft): string {
  const parts = [...path.matchAll(/([A-Za-z][\w-]*)|\[(\d+)\]/g)].map((x) => x[1] ?? Number(x[2]));
  const [head, index, field, ...rest] = parts;
  const word = (table: Record<string, string>, key: unknown): string => (typeof key === 'string' ? (table[key] ?? key) : '');
  const join = (...bits: string[]): string => bits.filter(Boolean).join(' · ');
  if (head === 'transcript' && typeof index === 'number') return join(m.segment(index + 1), word(m.segmentField, field));
  if (head === 'steps' && typeof index === 'number') {
    return join(m.step(index + 1, d.steps[index]?.title ?? ''), field === 'landing' ? t.landing : word(m.stepField, field));
  }
  if (head === 'reveal' && typeof index === 'number') {
    const entry = field === 'entries' && typeof rest[0] === 'number' ? join(m.entry(rest[0] + 1), word(t.entryField, rest[1])) : '';
    const line = field === 'acceptable' && typeof rest[0] === 'number' ? t.line(rest[0] + 1) : '';
    return join(m.answer(d.reveal[index]?.title ?? ''), field === 'acceptable' ? t.acceptable : word(m.answerField, field), entry, line);
  }
  if (head === 'findings' && typeof index === 'number') {
    const line = field === 'match' && typeof rest[0] === 'number' ? t.line(rest[0] + 1) : '';
    return join(t.finding(index + 1), word(t.findingField, field), line);
  }
  if (head === 'whyNot' && typeof index === 'number') return join(t.whyNot(index + 1), word(t.whyNotField, field));
  if (head === 'cues' && typeof index === 'number') {
    const cue = d.cues[index];
    const at = cue ? segmentNumber(d, cue.at) : 0;
    const vp = field === 'viewports' && typeof rest[0] === 'string' ? m.viewport(rest[0]) : '';
    const arrow = rest[1] === 'arrows' && typeof rest[2] === 'number' ? m.arrow(rest[2] + 1) : '';
    return join(at > 0 ? m.viewOf(at) : m.fields.cues ?? '', vp, arrow);
  }
  return join(m.case, word(m.fields, head));
}

function plainMessage(message: string, d: Draft): string {
  if (/^Too small: expected string/.test(message)) return m.empty;
  if (/^Too small: expected array/.test(message)) return m.noneYet;
  if (/^Too small: expected number to be >0/.test(message)) return m.positive;
  if (/has no transcript segment$/.test(message)) return m.stepWithoutSegment;
  if (/is not a segment of step "[^"]+" \(use "first"/.test(message)) return t.landingElsewhere;
  return message
    .replace(/step "([^"]+)"/g, (all, id: string) => {
      const i = d.steps.findIndex((s) => s.id === id);
      return i < 0 ? all : m.stepRef(i + 1, d.steps[i]!.title);
    })
    .replace(/segment "([^"]+)"/g, (all, id: string) => {
      const n = segmentNumber(d, id);
      return n < 1 ? all : m.segmentRef(n);
    })
    .replace(/series "([^"]+)"/g, (all, key: string) => {
      const s = d.series.find((x) => x.key === key);
      return s ? m.seriesRef(s.label) : all;
    });
}

export function authorProblem(p: CaseProblem, d: Draft): AuthorProblem {
  // A finding's step or a vocabulary entry that is gone: its id means nothing to the author, the select beside it shows it.
  const message =
    /^findings\[\d+\]\.step$/.test(p.path) && /^unknown step/.test(p.message)
      ? t.unknownStep
      : /^unknown vocabulary entry/.test(p.message)
        ? t.unknownVocabulary
        : plainMessage(p.message, d);
  return { path: p.path, field: fieldOf(p.path, d), message };
}

/** Whether a problem's path is `prefix` or lies under it (the fields a ProblemText stands by). */
export function problemUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}
