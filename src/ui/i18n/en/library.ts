import type { LibraryStatus } from '../../../case/progress';

/** The library page: search and filters, the case cards, progress export/import, reviews and data credits. */
export const library = {
  heading: 'Teaching cases',
  tagline: 'Narrated radiology cases on real, interactive DICOM images.',
  search: 'Search cases',
  unknownMode: 'Unknown mode',
  unknownModeHint: 'Hide titles and revealing tags until the diagnosis is revealed',
  filterByTag: 'Filter by tag',
  allTags: 'All',
  loading: 'Loading the library…',
  loadFailed: (reason: string) => `The case library could not be loaded: ${reason}`,
  noMatch: 'No case matches.',
  cannotOpen: (problem: string) => `This case cannot be opened: ${problem}`,
  /** A card's heading in unknown mode (n counts from 1). */
  unknownCase: (n: number) => `Unknown case ${n}`,
  /** The same case named inside a sentence ("Offline copy of unknown case 2"). */
  unknownCaseInline: (n: number) => `unknown case ${n}`,
  stepCount: (n: number) => `${n} steps`,
  syntheticImages: 'Synthetic images',
  status: { new: 'New', 'in progress': 'In progress', done: 'Done' } satisfies Record<LibraryStatus, string>,
  progress: {
    export: 'Export progress',
    import: 'Import progress',
    imported: (fileName: string, updated: number, kept: number) => `${fileName}: imported ${updated} case(s), kept ${kept} newer here.`,
  },
  review: {
    heading: 'Review again',
    explanation: 'Soonest due first, scheduled from your quiz scores (SM-2).',
    dueToday: 'due today',
    overdue: (days: number) => `due, ${days} day${days > 1 ? 's' : ''} overdue`,
    dueOn: (date: string) => `due ${date}`,
    lastScore: (score: number, maxScore: number) => ` · last score ${score} of ${maxScore}`,
  },
  credits: {
    heading: 'Data credits',
  },
};
