/**
 * Author mode's editors of the teaching fields of issue 19: where a step lands, a differential entry's condition,
 * the acceptable alternatives, the findings checklist and "why not", and how their problems are named.
 */
export const authorTeaching = {
  landing: {
    label: (step: number) => `Step ${step} lands on`,
    findings: 'Its findings: the first view with arrows (default)',
    first: 'Its first segment',
    /** A segment of the step, by number and the start of its words. */
    segment: (n: number, text: string) => `Segment ${n}: ${text.length > 40 ? `${text.slice(0, 40)}…` : text || '(no text yet)'}`,
    /** The landing names a segment that left the step (the checker says so too). */
    elsewhere: (n: number) => (n > 0 ? `Segment ${n} (no longer in this step)` : 'A segment that no longer exists'),
  },
  conditional: {
    label: (n: number) => `Only with this history, for diagnosis ${n}`,
    placeholder: 'e.g. multiple myeloma (empty: always on the list)',
  },
  acceptable: {
    label: 'Also acceptable, one per line: reasonable answers not on the list, neither rewarded nor penalised',
    placeholder: 'e.g. Epidural metastasis',
  },
  findings: {
    region: 'Findings checklist editor',
    heading: 'Findings checklist',
    intro:
      'What a learner should have seen, shown after the reveal as a checklist. Words or phrases found as whole words in the learner’s written findings tick an item for them (exactly: “L2” never ticks “L3”); each item leads to the step that shows it.',
    text: (n: number) => `Finding ${n}`,
    textPlaceholder: 'e.g. Soft tissue in the anterior epidural space at L2',
    match: (n: number) => `Words that tick finding ${n}, one per line`,
    matchPlaceholder: 'e.g. L2',
    step: (n: number) => `Step that shows finding ${n}`,
    remove: (n: number) => `Remove finding ${n}`,
    add: 'Add a finding',
  },
  whyNot: {
    region: 'Why not editor',
    heading: 'Why not (common wrong answers)',
    intro:
      'Wrong answers learners often give, each with the one line that argues against it. After the reveal a learner who named one reads its reason. The quiz’s matching counts: synonyms from the vocabulary entry, spelling slips.',
    diagnosis: (n: number) => `Wrong answer ${n}`,
    diagnosisPlaceholder: 'A short name, e.g. Abscess',
    /** For the vocabulary choice's label. */
    of: (n: number) => `wrong answer ${n}`,
    reason: (n: number) => `Why not, for wrong answer ${n}`,
    reasonPlaceholder: 'e.g. No rim enhancement, no fever',
    remove: (n: number) => `Remove wrong answer ${n}`,
    add: 'Add a wrong answer',
  },
  /** Fields as the problem list names them. */
  problems: {
    finding: (n: number) => `Finding ${n}`,
    findingField: { text: 'text', match: 'words that tick it', step: 'step' } as Record<string, string>,
    whyNot: (n: number) => `Wrong answer ${n}`,
    whyNotField: { diagnosis: 'diagnosis', reason: 'why not', vocabularyId: 'vocabulary entry' } as Record<string, string>,
    landing: 'lands on',
    acceptable: 'also acceptable',
    line: (n: number) => `line ${n}`,
    entryField: { diagnosis: 'name', reason: 'why', conditional: 'only with', vocabularyId: 'vocabulary entry' } as Record<string, string>,
    landingElsewhere: 'lands on a segment that is no longer in this step: choose again where the step lands',
    unknownStep: 'names a step the case no longer has: choose one',
    unknownVocabulary: 'names a vocabulary entry the case does not have: choose one, or Automatic',
    /** In the vocabulary choice, for such an entry. */
    lostEntry: (id: string) => `(no entry “${id}”)`,
  },
};
