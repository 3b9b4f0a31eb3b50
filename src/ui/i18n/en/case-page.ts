import { revealKinds } from './reveal-kinds';

/** A full stop, unless the text already ends a sentence: a title such as "One level or many?" is read as it is. */
const sentence = (text: string): string => (/[.!?…]$/.test(text.trim()) ? text : `${text}.`);

/** The case page around the viewer: header, steps, transcript, playback, answers, notes and announcements. */
export const casePage = {
  backToLibrary: '← Library',
  synthetic: 'Synthetic phantom images, made for teaching: not a patient.',
  authorMode: 'Author mode',
  returnToLesson: 'Return to lesson',
  imageCredit: (credit: string) => `Images: ${credit}`,
  steps: {
    nav: 'Steps',
    previous: 'Previous step',
    next: 'Next step',
    position: (step: number, count: number) => `Step ${step} of ${count}`,
  },
  /** A deep link to a step the case does not have. */
  stepLink: (asked: number, count: number, shown: number) =>
    `This link asks for step ${asked}, but the case has ${count} step${count === 1 ? '' : 's'} (1 to ${count}): showing step ${shown}.`,
  /** What a screen reader hears when the cue changes: the step, then the findings its arrows point at. */
  announcer: {
    step: (step: number, title: string) => sentence(`Step ${step}: ${title}`),
    arrows: (labels: string) => ` ${sentence(`Arrows: ${labels}`)}`,
  },
  transcript: {
    region: 'Transcript',
    heading: 'Transcript',
    follow: 'Follow',
    notReached: (step: number) => `Step ${step} (not reached yet)`,
  },
  playback: {
    group: 'Playback',
    play: 'Play',
    pause: 'Pause',
    time: 'Lesson time',
    timeOf: (time: string, duration: string) => `${time} of ${duration}`,
    chapters: 'Chapters',
    /** A chapter mark's tooltip before its step is reached: the title could name the answer. */
    hiddenChapter: (step: number) => `Step ${step}`,
    chapter: (step: number, title: string | null) => (title === null ? `Chapter ${step}` : `Chapter ${step}: ${title}`),
    speed: 'Speed',
    readAloud: 'Read aloud',
    captions: 'Download captions (WebVTT)',
  },
  reveal: {
    region: 'Answers',
    heading: 'Answers',
    /** Fixed accessible names of the revealed items, whatever title the case gives them. */
    kinds: revealKinds,
    stillHidden: (n: number) => `${n} answer${n > 1 ? 's' : ''} still hidden.`,
    revealNow: 'Reveal now',
    confirmName: 'Reveal the answers?',
    confirmText: 'Commit to your own answer first: once shown, the answers stay shown.',
    show: 'Show answers',
    cancel: 'Cancel',
    hide: 'Hide answers',
  },
  notes: {
    region: 'My notes',
    label: 'My notes',
    placeholder: 'Your own notes: kept in this browser with your progress',
  },
};
