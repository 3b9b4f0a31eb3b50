/**
 * Edits of the teaching fields a learner meets after the first wave of issue 19: a step's landing, a differential
 * entry's condition and the differential's acceptable alternatives, the findings checklist and "why not". Pure
 * functions like `authoring.ts`; an optional field set to nothing is left out of the case, as a hand-written case
 * would leave it out, rather than written as an empty value the format refuses.
 */
import type { Draft } from './authoring';
import type { ChecklistItem, DifferentialEntry, RevealItem, Step, WhyNot } from './schema';

type Differential = Extract<RevealItem, { kind: 'differential' }>;

/** Where "Next step" lands on a step; `undefined` is the default (its findings), left out of the case. */
export function setStepLanding(d: Draft, stepId: string, landing: Step['landing']): Draft {
  return {
    ...d,
    steps: d.steps.map((s) => {
      if (s.id !== stepId) return s;
      const { landing: _old, ...rest } = s;
      return landing === undefined || landing === 'findings' ? rest : { ...rest, landing };
    }),
  };
}

/** "Only with <history>": an empty history makes the entry unconditional again. */
export function withCondition(e: DifferentialEntry, history: string): DifferentialEntry {
  const { conditional: _old, ...rest } = e;
  return history.trim() === '' ? rest : { ...rest, conditional: history };
}

/** The differential's acceptable alternatives; none leaves the field out. */
export function withAcceptable(item: Differential, names: readonly string[]): Differential {
  const { acceptable: _old, ...rest } = item;
  return names.length === 0 ? rest : { ...rest, acceptable: [...names] };
}

/** A new checklist item, its text empty until written (the checker asks for it), shown at `step`. */
export function addFinding(d: Draft, step: string): Draft {
  return { ...d, findings: [...d.findings, { text: '', match: [], step }] };
}

export function setFinding(d: Draft, index: number, change: Partial<ChecklistItem>): Draft {
  return { ...d, findings: d.findings.map((f, i) => (i === index ? { ...f, ...change } : f)) };
}

export function removeFinding(d: Draft, index: number): Draft {
  return { ...d, findings: d.findings.filter((_, i) => i !== index) };
}

/** A new wrong answer, diagnosis and reason empty until written. */
export function addWhyNot(d: Draft): Draft {
  return { ...d, whyNot: [...d.whyNot, { diagnosis: '', reason: '' }] };
}

/** Changes a wrong answer; a `vocabularyId` of `undefined` ties it by name again ("Automatic"). */
export function setWhyNot(d: Draft, index: number, change: Partial<WhyNot>): Draft {
  return {
    ...d,
    whyNot: d.whyNot.map((w, i) => {
      if (i !== index) return w;
      const next = { ...w, ...change };
      if ('vocabularyId' in change && change.vocabularyId === undefined) {
        const { vocabularyId: _gone, ...rest } = next;
        return rest;
      }
      return next;
    }),
  };
}

export function removeWhyNot(d: Draft, index: number): Draft {
  return { ...d, whyNot: d.whyNot.filter((_, i) => i !== index) };
}
