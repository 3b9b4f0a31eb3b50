/** The quiz's live recognition hint and the scored comparison (rule, points, how each line counted). */
export const quizScore = {
  /** Under each diagnosis field while typing: what the shared vocabulary reads it as. */
  recognised: (name: string) => `recognised: ${name}`,
  recognisedSpelling: (name: string) => `recognised: ${name} (spelling)`,
  /** The same whatever the case: the case's own names for a diagnosis are never hinted at before the reveal. */
  notInCommonList: "not in the common list: compared with the case's answer when scored",
  /** Followed by the score in bold, then `scoreOf`. */
  score: 'Score:',
  scoreOf: (maxScore: number) => `of ${maxScore}`,
  rule: (cost: number) =>
    "How it is scored: each diagnosis of the case's differential you named earns points, more for a likelier one " +
    "(the final diagnosis most) and more the higher you ranked it; all of them in the case's order make 100. " +
    `Each entry neither on the list nor a reasonable alternative costs ${cost}. ` +
    'Reasonable alternatives, diagnoses that belong only with another history, and repeats earn and cost nothing.',
  /** "Your #2 “NHL”: counted as Lymphoma (synonym), the case's #2: +22 points". */
  countedAs: (yours: string, diagnosis: string, how: string, rank: number, points: number) =>
    `${yours}: counted as ${diagnosis} (${how}), the case's #${rank}: +${points} points`,
  how: {
    name: 'same name',
    synonym: 'synonym',
    spelling: 'spelling',
    contains: 'named within your answer',
    partial: 'part of its name',
  },
  /** Joins two of `how`: "synonym, spelling". */
  joinHow: (first: string, next: string) => `${first}, ${next}`,
  earnedCost: (earned: number, cost: number) => `(${earned} earned, −${cost} for entries not on the list)`,
  conditional: 'Counts only with a history',
  conditionalNamed: (diagnosis: string, rank: number, condition: string, yours: string) =>
    `${diagnosis} (the case's #${rank}) belongs on the list only with ${condition}, which this patient does not have: you named it (${yours}); no points, no cost.`,
  conditionalNotNamed: (diagnosis: string, rank: number, condition: string) =>
    `${diagnosis} (the case's #${rank}) belongs on the list only with ${condition}, which this patient does not have: not naming it costs nothing.`,
  acceptable: 'Reasonable alternatives (no points, no cost)',
  acceptableItem: (yours: string, diagnosis: string) => `${yours}: counted as ${diagnosis}`,
  repeats: 'Named twice (no points, no cost)',
  repeatItem: (yours: string, diagnosis: string) => `${yours}: ${diagnosis} again`,
  unmatched: (cost: number) => `Not in the case's differential (−${cost} each)`,
};

