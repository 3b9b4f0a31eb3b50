/** The problem list's one-click cleanup of steps no segment belongs to (steps a recorded take never reached). */
export const stepsCleanup = {
  remove: (n: number) => (n === 1 ? 'Remove the step without segments' : `Remove the ${n} steps without segments`),
  /** Why they have none, most often. */
  why: 'A recorded take leaves the steps it never reached without segments.',
  removed: (n: number, answers: number) =>
    `${n === 1 ? 'One step removed' : `${n} steps removed`}${answers === 0 ? '' : answers === 1 ? '; an answer it revealed moved to the nearest step kept' : `; the ${answers} answers they revealed moved to the nearest steps kept`}. Undo brings ${n === 1 ? 'it' : 'them'} back.`,
};
