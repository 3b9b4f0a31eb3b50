import type { RevealItem } from '../../../case/schema';

/** The quiz's course through a case: revising before the reveal, the reveal's question, and what changed when. */
export const quizFlow = {
  /** Before the reveal, under the committed answer. */
  revise: 'Revise answer',
  commitRevision: 'Commit revision',
  cancelRevision: 'Keep the committed answer',
  reviseHint: 'You may revise it until the answers are revealed, as later images come.',
  revisedAt: (step: number) => `Last revised at step ${step}.`,
  /** A committed answer the reveal has closed: `when` is the quiz's `justNow` or `onDate(...)`. */
  closedCommitted: (when: string) => `Committed ${when}, and compared when the answers were shown:`,
  /** The quiz after "Hide answers", when the answers were seen and no answer was committed before. */
  seenBefore:
    'You have seen the answers. You may still commit a differential: it is compared, but marked as answered after the reveal and counted as not recalled, so the case comes back tomorrow for a blind attempt.',
  /** Beside an answer committed after the answers were shown. */
  seenMark: 'Committed after the answers were shown: counted as not recalled in your review schedule (the case comes back tomorrow for a blind attempt).',
  history: {
    region: 'How your answer changed',
    heading: 'How your answer changed',
    first: (step: number) => `First committed at step ${step}.`,
    unchanged: 'Not revised after that.',
    /** One revision, e.g. "At step 6 you added “lymphoma” and removed “abscess”." (`what`: the changes, listed). */
    at: (step: number, what: string) => `At step ${step} you ${what}.`,
    /** `names`: the entries, listed. */
    added: (names: string) => `added ${names}`,
    removed: (names: string) => `removed ${names}`,
    reordered: 'changed the order',
    findings: 'changed your findings',
    quoted: (name: string) => `“${name}”`,
  },
  /** The question before a step that reveals answers. */
  ask: {
    /** `what`: the kinds' names below, listed. */
    question: (what: string) => `This step reveals ${what}: commit your answer first?`,
    kinds: {
      history: 'the history',
      differential: 'the differential',
      diagnosis: 'the final diagnosis',
      'teaching-point': 'the teaching points',
    } satisfies Record<RevealItem['kind'], string>,
    explain: 'Once shown, an answer you commit counts as answered after the reveal.',
    commitFirst: 'Commit my answer first',
    revealAnyway: 'Reveal anyway',
    dontAsk: "Reveal, and don't ask again",
  },
  /** The "Reveal now" confirmation, once an answer is committed. */
  revealCommitted: 'Your answer is committed: revealing compares it with the case’s. Once shown, the answers stay shown.',
  /** Why a progress file cannot be imported, naming the file. */
  importRefused: {
    notJson: (file: string) => `${file} is not a progress file: it is not JSON text, so this app cannot read it.`,
    caseFile: (file: string) => `${file} is a case file, not a progress file. Choose a file made with “Export progress”.`,
    notProgress: (file: string) =>
      `${file} is a JSON file, but not a progress file made with “Export progress”: it has no progress version or cases in it.`,
    newer: (file: string, version: number) =>
      `${file} was written by a newer version of this app (progress format ${version}). Update this app to import it.`,
    unknownVersion: (file: string, version: string) =>
      `${file} says its progress format is ${version}, which this app does not know: it was not made with “Export progress”, or was changed by hand.`,
    damagedCase: (file: string, caseId: string, field: string, detail: string) =>
      `${file} is a progress file, but its record of case “${caseId}” is damaged: “${field}” ${detail}.`,
    damagedFile: (file: string, field: string, detail: string) => `${file} is a progress file, but it is damaged: “${field}” ${detail}.`,
    more: (n: number) => ` There ${n === 1 ? 'is 1 more problem' : `are ${n} more problems`} after this one.`,
    unchanged: ' Nothing was imported: your progress is unchanged.',
  },
};
