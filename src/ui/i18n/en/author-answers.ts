import type { ParsedCase } from '../../../case/schema';

/**
 * Author mode's editors of the answers and the case's other fields: vocabulary and its ties, differential
 * entries, placeholders of empty fields, steps (delete, reorder, speaker notes), tags, audience, difficulty,
 * summary, image credit.
 */
export const authorAnswers = {
  /** Shown in an empty field, never saved: what to write there. */
  placeholders: {
    history: 'Age, sex, presenting complaint, relevant history',
    teachingPoint: 'The one thing to remember from this case',
    diagnosis: 'The final diagnosis, as learners should name it',
    proof: 'How it was established (biopsy, surgery, follow-up)',
    reason: 'Why (optional)',
    entry: 'A diagnosis',
    stepTitle: 'What this step shows',
    speakerNotes: 'For the presenter only: what to say, what to ask the audience',
    segment: 'What is said in this segment',
    vocabularyName: 'A diagnosis, as the case names it',
    synonyms: 'Other names, one per line (e.g. Chloroma)',
    summary: 'One or two sentences for the library card',
    audience: 'e.g. residents',
    imageCredit: 'Where the images come from and their licence, e.g. synthetic phantom, made for this case (not a patient).',
    tags: 'e.g. Neuroradiology, MRI, Pediatrics',
    title: 'The case as the library lists it (it may name the diagnosis)',
    unknownTitle: 'A title that does not give the answer away',
  },
  differential: {
    entries: 'Diagnoses, most likely first',
    diagnosis: (n: number) => `Diagnosis ${n} of the differential`,
    reason: (n: number) => `Why, for diagnosis ${n}`,
    moveUp: (n: number) => `Move diagnosis ${n} up`,
    moveDown: (n: number) => `Move diagnosis ${n} down`,
    remove: (n: number) => `Remove diagnosis ${n}`,
    add: 'Add a diagnosis',
  },
  tie: {
    /** The label of the choice of vocabulary entry; `of` names the diagnosis it belongs to. */
    label: (of: string) => `Vocabulary entry of ${of}`,
    finalDiagnosis: 'the final diagnosis',
    entry: (n: number) => `diagnosis ${n}`,
    automatic: (name: string | null) => (name === null ? 'Automatic: no entry has this name' : `Automatic: ${name}`),
    unnamed: (id: string) => `(unnamed entry ${id})`,
  },
  vocabulary: {
    region: 'Vocabulary editor',
    heading: 'Vocabulary and synonyms',
    intro:
      'Each diagnosis and the other names a learner may give it. The quiz counts every name, and suggests them while the learner types. A diagnosis whose text is one of these names is tied to it automatically.',
    name: (n: number) => `Name of vocabulary entry ${n}`,
    synonyms: (n: number) => `Synonyms of vocabulary entry ${n}, one per line`,
    remove: (n: number) => `Remove vocabulary entry ${n}`,
    add: 'Add vocabulary entry',
    addFromDiagnosis: 'Add the final diagnosis to the vocabulary',
  },
  steps: {
    speakerNotes: (n: number) => `Speaker notes of step ${n}`,
    moveUp: (n: number) => `Move step ${n} up`,
    moveDown: (n: number) => `Move step ${n} down`,
    remove: (n: number) => `Delete step ${n}`,
    /** Said after a step is deleted: where what it held went. */
    removed: (n: number, into: string | null, held: { segments: number; answers: number; notes: boolean }) => {
      if (into === null) return `Step ${n} deleted (it held nothing).`;
      const plural = (k: number, what: string): string => (k > 0 ? `${k} ${what}${k > 1 ? 's' : ''}` : '');
      const parts = [plural(held.segments, 'segment'), plural(held.answers, 'answer'), held.notes ? 'speaker notes' : ''].filter(Boolean);
      const listed = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts.join('');
      return `Step ${n} deleted: its ${listed} now belong to step “${into}”. Undo brings it back.`;
    },
    untitled: (n: number) => `step ${n} (untitled)`,
  },
  details: {
    summary: 'Summary (library card)',
    audience: 'Audience',
    difficulty: 'Difficulty',
    difficulties: {
      introductory: 'Introductory',
      intermediate: 'Intermediate',
      advanced: 'Advanced',
    } satisfies Record<ParsedCase['difficulty'], string>,
    imageCredit: 'Image credit (shown under the images, like a figure caption)',
    tags: 'Tags, separated by commas',
    spoilers: 'Tags that give the answer away (hidden in unknown mode)',
    spoiler: (tag: string) => `“${tag}” gives the answer away`,
  },
};
