/** Recording a lesson in one take (author mode): the button, the recording bar, and what the take became. */
export const record = {
  record: 'Record lesson',
  region: 'Recording',
  pause: 'Pause recording',
  resume: 'Resume recording',
  stop: 'Stop recording',
  mark: 'New segment',
  clock: 'Recording time',
  level: 'Microphone level',
  paused: 'Paused',
  previousStep: 'Previous step',
  nextStep: 'Next step',
  hint: 'Talk through the case: scroll, window, change the layout, place arrows. A pause or M starts a new segment.',
  noAudio: 'Recording without audio: segments start at your marks (M) and step changes, timed by the clock.',
  asking: 'Asking for the microphone…',
  finishing: 'Making the draft lesson from the take…',
  micProblem: (reason: string) =>
    `The microphone could not be used (${reason}). You can still record without audio: the views, arrows and steps are timed by the clock, and segments start at your marks (M).`,
  withoutAudio: 'Record without audio',
  done: (segments: number, duration: string) =>
    `The take is the draft now: ${segments} segment${segments === 1 ? '' : 's'} over ${duration}, each with the view shown at its start. Their texts are empty: write what was said in each. Undo brings the draft before the take back.`,
  failed: (reason: string) => `The recording stopped part-way (${reason}). What was recorded until then is kept.`,
  tooLong: (limit: string) => `The take was stopped at ${limit}: a take may last 30 minutes at most. Record the rest as another lesson.`,
  storageFull: (limit: string) => `The take was stopped at ${limit}: the browser's storage has no room for more of the recording.`,
  noRoom: 'The browser has no room left to keep a recording. Free some space (or export and discard other drafts) first.',
  undecodable: 'The recording could not be read back, so segments start at your marks and step changes only.',
  notKept: (reason: string) => `The browser's storage refused the recording (${reason}): it lasts for this page only, so export it before leaving.`,
};
