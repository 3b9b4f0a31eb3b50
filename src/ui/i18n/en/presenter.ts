/** Presenting: the audience screen's controls and blank screen, and the presenter console. */
export const presenter = {
  present: 'Present',
  stopPresenting: 'Stop presenting',
  openConsole: 'Open presenter console',
  /** The choice "Present" and "Open presenter console" offer first: presenting never starts with answers shown. */
  startMenu: 'Start presenting',
  fromStart: 'From the start, answers hidden',
  fromHere: 'From this step, answers hidden',
  blanked: 'Screen blanked. Press B to show it again.',
  sessionUnknown: 'This presentation is not open in this tab any more.',
  waitingForAudience: 'Waiting for the audience window… Keep the window you pressed "Open presenter console" in open.',
  console: {
    heading: 'Presenter console',
    audienceConnected: 'Audience window: connected',
    audienceNotConnected: 'Audience window: not connected',
    blank: 'Blank audience screen',
    unblank: 'Show audience screen',
  },
  cues: {
    nav: 'Cues',
    previous: 'Previous cue',
    next: 'Next cue',
    position: (cue: number, count: number) => `Cue ${cue} of ${count} in this step`,
  },
  reveal: {
    region: 'Answers',
    heading: 'Answers',
    reveal: 'Reveal',
    /** The accessible name of one item's "Reveal": "Reveal Differential diagnosis". */
    revealItem: (kind: string) => `Reveal ${kind}`,
    onScreen: 'On the audience screen',
    /** When the case gives the item out by itself. */
    atStep: (step: number) => `(step ${step})`,
    scrollUp: 'Scroll answers up',
    scrollDown: 'Scroll answers down',
    /** What the audience cannot see of its answers without a scroll. */
    more: (above: boolean, below: boolean) =>
      `The audience screen has more answers ${above && below ? 'above and below' : above ? 'above' : 'below'} what it shows.`,
  },
  timer: {
    name: 'Time presenting',
    reset: 'Reset timer',
  },
  script: {
    notesRegion: 'Speaker notes',
    notesHeading: 'Speaker notes',
    noNotes: 'No notes for this step.',
    transcript: 'Transcript',
    step: (step: number, title: string) => `Step ${step}: ${title}`,
  },
  next: {
    region: 'Next step',
    heading: 'Next',
    step: (step: number, title: string) => `Step ${step}: ${title}`,
    /**
     * What one viewport of the next step shows: "<series>: image 3 of 20, ct-bone window, 2 arrows". `count` is
     * null when the series' size is not known yet (DICOMweb), `preset` when the cue names none.
     */
    view: (series: string, image: number, count: number | null, preset: string | null, arrows: number) =>
      `${series}: image ${image}${count === null ? '' : ` of ${count}`}${preset === null ? '' : `, ${preset} window`}${
        arrows > 0 ? `, ${arrows} arrow${arrows > 1 ? 's' : ''}` : ''
      }`,
    last: 'This is the last step.',
  },
};
