/** Unknown mode's addresses, the library's combined filters, and the reveal's findings checklist and "why not". */
export const caseReview = {
  /** Followed by the link back to the library. */
  noCaseAlias: 'No case of this library has this address. It may have been removed, or the link was cut short.',
  filters: {
    /** The tags on, joined by `tagJoin`: "Showing cases tagged Spine and CT." */
    tagsOn: (tags: string) => `Showing cases tagged ${tags}.`,
    tagJoin: ' and ',
    clear: 'Clear tags',
  },
  findings: {
    region: 'Findings checklist',
    heading: 'Findings checklist',
    intro: 'Tick what you found. Items your written findings named are ticked already.',
    fromText: '(in your findings)',
    /** Link to the step that shows an item. */
    showMe: (step: number) => `Show me (step ${step})`,
    tally: (had: number, total: number) => `You had ${had} of ${total}.`,
    missedHeading: 'Missed',
    allFound: 'You had every finding.',
  },
  whyNot: {
    region: 'Why not',
    heading: 'Why not …',
    intro: 'You named these; here is why the case argues against them.',
    /** "Abscess (your #2)" */
    yours: (diagnosis: string, rank: number) => `${diagnosis} (your #${rank})`,
  },
};
