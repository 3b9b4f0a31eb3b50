/** The recorded-segments editor: the narration's waveform, its segment boundaries, and each segment's words. */
export const recordedSegments = {
  region: 'Recorded segments editor',
  heading: 'Recorded segments',
  list: 'Recorded segments',
  intro: 'Drag a boundary on the waveform (or focus it and use ← →, with Shift for whole seconds), play a segment, and write what was said.',
  decoding: 'Reading the recording…',
  failed: (reason: string) => `This browser could not read the recording (${reason}): the segments can still be written, without the waveform.`,
  startOf: (segment: number) => `Start of recorded segment ${segment}`,
  endOf: (segment: number) => `End of recorded segment ${segment}`,
  play: (segment: number) => `Play segment ${segment}`,
  stop: (segment: number) => `Stop segment ${segment}`,
  words: (segment: number) => `What is said in segment ${segment}`,
  scale: 'Waveform scale',
  scaleText: (times: number) => (times === 1 ? 'the whole recording' : `${times} times wider`),
  toWrite: 'to write',
  pastEnd: 'starts after the recording ends',
  toWriteCount: (n: number) => (n === 0 ? 'Every segment has its words.' : n === 1 ? 'One segment is still to write.' : `${n} segments are still to write.`),
  noRecording: (path: string) =>
    `The narration (${path}) is not kept in this browser: to edit its segments on the waveform and export it, choose the file again under Tap to time.`,
  times: (start: string, end: string) => `${start} – ${end}`,
};
