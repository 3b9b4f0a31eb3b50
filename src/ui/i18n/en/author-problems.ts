/**
 * The checker's problems as author mode says them: which field, in the author's words, and the message without
 * ids or JSON paths (`npm run cases:check` keeps the paths; they are for case files).
 */
export const authorProblems = {
  listHeading: (n: number) => (n === 1 ? 'The problem' : `The ${n} problems`),
  show: 'Show',
  case: 'Case',
  fields: {
    title: 'title',
    unknownTitle: 'title in unknown mode',
    id: 'case id',
    summary: 'summary',
    duration: 'length of the lesson',
    series: 'series',
    modalities: 'modalities',
    cues: 'views',
    tags: 'tags',
    spoilerTags: 'tags hidden in unknown mode',
    vocabulary: 'vocabulary',
    speakerNotes: 'speaker notes',
    narration: 'narration recording',
    imageCredit: 'image credit',
  } as Record<string, string>,
  segment: (n: number) => `Segment ${n}`,
  segmentField: {
    start: 'start',
    end: 'end',
    step: 'step',
    text: 'text',
    speaker: 'speaker',
  } as Record<string, string>,
  step: (n: number, title: string) => (title ? `Step ${n} “${title}”` : `Step ${n}`),
  stepField: { title: 'title' } as Record<string, string>,
  viewOf: (segment: number) => `View of segment ${segment}`,
  viewport: (name: string) => `viewport “${name}”`,
  arrow: (n: number) => `arrow ${n}`,
  answer: (title: string) => `Answer “${title}”`,
  answerField: {
    title: 'title',
    text: 'text',
    revealAt: 'revealed at step',
    entries: 'diagnoses',
    diagnosis: 'diagnosis',
    proof: 'proof',
  } as Record<string, string>,
  entry: (n: number) => `diagnosis ${n}`,
  /** The zod and checker wordings that read like code, as an author would say them. */
  empty: 'is empty: write something here',
  noneYet: 'needs at least one',
  positive: 'must be more than 0',
  stepRef: (n: number, title: string) => `step ${n} (“${title}”)`,
  segmentRef: (n: number) => `segment ${n}`,
  seriesRef: (label: string) => `series “${label}”`,
  stepWithoutSegment: 'has no segment of the transcript yet: give a segment this step (“Step of segment …”), or remove the step',
  durationBeforeLast: (duration: number, last: number) =>
    `the lesson is set to end at ${duration} s, before the last segment starts (${last} s): it now follows the transcript`,
};
