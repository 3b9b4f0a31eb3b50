/** What the quiz says of an answer's course: a wrong answer an earlier revision named, later dropped. */
export const quizWalk = {
  /** In "Why not …": "Abscess (in your answer at step 1, dropped later)". */
  dropped: (diagnosis: string, step: number) => `${diagnosis} (in your answer at step ${step}, dropped later)`,
};
