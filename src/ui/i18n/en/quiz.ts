import type { QuizResult } from '../../../case/quiz';

/** Study mode's quiz: the form, the committed answer, and the comparison once the differential is revealed. */
export const quiz = {
  region: 'Your answer',
  heading: 'Your answer',
  notCommitted: 'You did not commit a differential before the answers were revealed.',
  revealComesNext: 'The answers come with the next step: commit your differential now, or skip.',
  intro: 'Commit your findings and a ranked differential before the answers are revealed; it is scored then.',
  /** `when` is `justNow` or `onDate(...)`. */
  committed: (when: string) => `Committed ${when}; scored when the differential is revealed:`,
  justNow: 'just now',
  onDate: (date: string) => `on ${date}`,
  answerAgain: 'Due for review: answer again',
  skipped: 'Quiz skipped.',
  answerAfterAll: 'Answer after all',
  form: {
    findings: 'Findings',
    differential: 'Differential, most likely first',
    diagnosis: (n: number) => `Diagnosis ${n}`,
    suggestions: (n: number) => `Suggestions for diagnosis ${n}`,
    moveUp: (n: number) => `Move diagnosis ${n} up`,
    moveDown: (n: number) => `Move diagnosis ${n} down`,
    remove: (n: number) => `Remove diagnosis ${n}`,
    add: 'Add a diagnosis',
    commit: 'Commit answer',
    skip: 'Skip',
  },
  comparison: {
    region: 'Quiz comparison',
    heading: "Your differential against the case's",
    /** Followed by the score in bold, then `scoreOf`. */
    score: 'Score:',
    scoreOf: (maxScore: number) => `of ${maxScore}`,
    finalFirst: (diagnosis: string) => `Your first choice was the final diagnosis, ${diagnosis}.`,
    finalRanked: (diagnosis: string, rank: number) => `You ranked the final diagnosis, ${diagnosis}, number ${rank}.`,
    finalMissing: (diagnosis: string) => `The final diagnosis, ${diagnosis}, was not in your list.`,
    finalWaits: 'Where the final diagnosis stood in your list is shown with the final diagnosis.',
    named: 'You named',
    namedNone: "None of the case's diagnoses.",
    /** The learner's entry: "Your #2 “lymphoma”". */
    yours: (rank: number, text: string) => `Your #${rank} “${text}”`,
    /** After the case's diagnosis a match stands for: where the case ranks it, and how the names matched. */
    caseRankHow: (rank: number, how: string) => `(the case's #${rank}, ${how})`,
    how: { exact: 'same name', contains: 'named within your answer', partial: 'partial name' } satisfies Record<
      QuizResult['matched'][number]['how'],
      string
    >,
    missed: 'You missed',
    missedItem: (diagnosis: string, rank: number) => `${diagnosis} (the case's #${rank})`,
    unmatched: "Not in the case's differential",
    findings: 'Your findings',
  },
};
