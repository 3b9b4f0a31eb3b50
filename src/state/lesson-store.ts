/**
 * Where the learner is in the lesson (time, segment, step), what has been revealed, and whether they took the
 * viewports over. Pure zustand: the teaching rules live in src/case, this only holds the state. The wall clock
 * is injected so tests can drive time.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ParsedCase } from '../case/schema';
import { buildTimeline, clampIndex, segmentIndexAt, type Timeline } from '../case/timeline';
import { clickerNext, clickerPrevious } from '../case/cues';
import * as clock from '../case/clock';
import { revealedByReaching } from '../case/reveal';

/** A move held back until the learner says whether to reveal: where it was going, and whether it was playing. */
export interface RevealAsk {
  time: number;
  stepIndex: number;
  play: boolean;
}

export interface LessonState {
  lesson: ParsedCase;
  timeline: Timeline;
  segmentIndex: number;
  stepIndex: number;
  /** Steps up to this one reveal their items by themselves; "Hide answers" sets it back to -1. */
  revealedThrough: number;
  /** Items the learner asked to see early. */
  revealedByHand: ReadonlySet<string>;
  /** Steps up to this one do not reveal by being reached (a presentation started with the answers hidden); -1: none. */
  revealFloor: number;
  /** Set when the learner moves a viewport by hand; cleared by "Return to lesson" or any navigation. */
  tookOver: boolean;
  /** Bumped whenever the viewports must be made to match the cue again, even if the cue is the same. */
  cueEpoch: number;
  clock: clock.ClockState;
  /** The play head (s) as of the last tick or command. */
  time: number;
  /** Bumped by every seek, so a narration medium can follow jumps it did not make. */
  seekEpoch: number;
  /** Presentation mode: large type, no overlays or transcript, reveals only by the presenter's step or command. */
  presenting: boolean;
  /** The audience screen is blanked (B), while presenting. */
  blanked: boolean;
  /** A move into a step that would reveal answers waits for the learner's word (the quiz sets it; never presenting). */
  askBeforeRevealing: boolean;
  /** The move waiting for that word, if any. */
  revealAsk: RevealAsk | null;
  /** The learner said "reveal anyway" in this visit: the question is asked once, so later reveals come unasked. */
  revealAskAnswered: boolean;
}

export interface LessonActions {
  goToStep(stepIndex: number): void;
  goToSegment(segmentIndex: number): void;
  nextStep(): void;
  previousStep(): void;
  nextSegment(): void;
  previousSegment(): void;
  seekTo(time: number): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setRate(rate: number): void;
  /** Advances the play head to now (the UI calls it every frame while playing). */
  tick(): void;
  /** Follows a narration medium, which is then the clock's master. */
  followMedia(time: number, playing: boolean): void;
  /** A clicker's next: the step's next cue (an arrow the speaker holds back), else the next step. */
  nextCue(): void;
  /** A clicker's back: the step's previous cue, else the previous step's last cue. */
  previousCue(): void;
  revealNow(): void;
  /** One reveal item, by the presenter's command. */
  revealItem(id: string): void;
  hideAnswers(): void;
  /** Hides every answer, and steps up to this one give none out by being reached again: the presenter reveals. */
  concealFromHere(): void;
  takeOver(): void;
  returnToLesson(): void;
  /** Entering presentation mode pauses the narration: the presenter drives. Leaving it also unblanks. */
  setPresenting(on: boolean): void;
  /**
   * Starts presenting from a state the presenter chose, never from what a rehearsal revealed: at the first step or
   * the current one, with every answer hidden.
   */
  startPresenting(from: 'start' | 'here'): void;
  setBlanked(on: boolean): void;
  /** Takes another window's reveal state (the presenter console's), as it stands. */
  setReveal(revealedThrough: number, revealedByHand: ReadonlySet<string>, revealFloor?: number): void;
  /**
   * An author changed the case: the timeline is rebuilt, the play head stays on the segment with the same id
   * (else the same place), and the viewports are made to match the cue again.
   */
  replaceLesson(lesson: ParsedCase): void;
  setAskBeforeRevealing(on: boolean): void;
  /** Holds a move to `time` (in `stepIndex`) for the learner's word, as a blocked step does (a deep link). */
  holdForReveal(ask: RevealAsk): void;
  /**
   * The learner's word: `go` makes the waiting move (playing on if it was), and no later move asks again in this
   * visit; else the move is dropped (and the next one asks again).
   */
  answerRevealAsk(go: boolean): void;
}

export type LessonStore = StoreApi<LessonState & LessonActions>;

export function createLessonStore(
  lesson: ParsedCase,
  startStep = 0,
  now: () => number = () => performance.now(),
): LessonStore {
  let timeline = buildTimeline(lesson);
  const first = clampIndex(startStep, timeline.steps.length);
  // A link to a step lands where "Next step" would: on the step's teaching view.
  const startSegment = timeline.steps[first]?.landingSegment ?? 0;
  const startTime = timeline.segments[startSegment]?.start ?? 0;

  return createStore<LessonState & LessonActions>()((set, get) => {
    /**
     * Puts the play head at t; `jump` marks a seek (navigation), as opposed to time simply passing. A move into a
     * step that would reveal answers, while the learner is to be asked, stops where it is (paused, and a narration
     * medium sent back) and waits in `revealAsk`, whatever made it: a key, a button, a chapter mark, playback.
     */
    const moveTo = (t: number, c: clock.ClockState, jump: boolean, ask = true): void => {
      const i = segmentIndexAt(timeline, t);
      const s = get();
      if (!jump && i === s.segmentIndex) {
        set({ clock: c, time: t });
        return;
      }
      const stepIndex = timeline.segments[i]?.stepIndex ?? 0;
      if (
        ask &&
        s.askBeforeRevealing &&
        !s.revealAskAnswered &&
        !s.presenting &&
        stepIndex !== s.stepIndex &&
        revealedByReaching(s.lesson, stepIndex, s.revealedThrough, s.revealedByHand, s.revealFloor).length > 0
      ) {
        if (s.revealAsk) return;
        const held = clock.seek(clock.pause(s.clock, now()), s.time, now());
        set({ revealAsk: { time: t, stepIndex, play: c.playing }, clock: held, seekEpoch: s.seekEpoch + 1 });
        return;
      }
      set({
        clock: c,
        time: t,
        segmentIndex: i,
        stepIndex,
        revealedThrough: Math.max(s.revealedThrough, stepIndex),
        tookOver: false,
        cueEpoch: s.cueEpoch + 1,
        seekEpoch: jump ? s.seekEpoch + 1 : s.seekEpoch,
      });
    };
    const seekTo = (t: number): void => {
      const c = clock.seek(get().clock, t, now());
      moveTo(clock.timeAt(c, now()), c, true);
    };
    const goToSegment = (segmentIndex: number): void => {
      const seg = timeline.segments[clampIndex(segmentIndex, timeline.segments.length)];
      seekTo(seg?.start ?? 0);
    };
    const goToStep = (stepIndex: number): void => {
      const step = timeline.steps[clampIndex(stepIndex, timeline.steps.length)];
      goToSegment(step?.landingSegment ?? 0);
    };

    return {
      lesson,
      timeline,
      segmentIndex: startSegment,
      stepIndex: first,
      revealedThrough: first,
      revealedByHand: new Set<string>(),
      revealFloor: -1,
      tookOver: false,
      cueEpoch: 0,
      clock: clock.stoppedClock(timeline.duration, startTime),
      time: startTime,
      seekEpoch: 0,
      presenting: false,
      blanked: false,
      askBeforeRevealing: false,
      revealAsk: null,
      revealAskAnswered: false,
      goToStep,
      goToSegment,
      nextStep: () => goToStep(get().stepIndex + 1),
      previousStep: () => goToStep(get().stepIndex - 1),
      nextSegment: () => goToSegment(get().segmentIndex + 1),
      previousSegment: () => goToSegment(get().segmentIndex - 1),
      nextCue: () => {
        const to = clickerNext(timeline, get().segmentIndex);
        if (to !== null) goToSegment(to);
      },
      previousCue: () => {
        const to = clickerPrevious(timeline, get().segmentIndex);
        if (to !== null) goToSegment(to);
      },
      seekTo,
      play: () => {
        const c = clock.play(get().clock, now());
        // Playing after taking over starts from the lesson's state again.
        if (get().tookOver) set((s) => ({ tookOver: false, cueEpoch: s.cueEpoch + 1 }));
        moveTo(clock.timeAt(c, now()), c, c.anchorTime !== get().time);
      },
      pause: () => set((s) => ({ clock: clock.pause(s.clock, now()), time: clock.timeAt(s.clock, now()) })),
      togglePlay: () => (get().clock.playing ? get().pause() : get().play()),
      setRate: (rate) => set((s) => ({ clock: clock.setRate(s.clock, rate, now()) })),
      tick: () => {
        const s = get();
        if (!s.clock.playing) return;
        const t = clock.timeAt(s.clock, now());
        moveTo(t, clock.ended(s.clock, now()) ? clock.pause(s.clock, now()) : s.clock, false);
      },
      followMedia: (t, playing) => {
        const c: clock.ClockState = { ...get().clock, playing, anchorTime: t, anchorWall: now() };
        moveTo(t, c, false);
      },
      revealNow: () =>
        set({ revealedByHand: new Set(get().lesson.reveal.map((r) => r.id)), revealedThrough: timeline.steps.length - 1 }),
      revealItem: (id) => {
        if (get().revealedByHand.has(id) || !get().lesson.reveal.some((r) => r.id === id)) return;
        set({ revealedByHand: new Set([...get().revealedByHand, id]) });
      },
      hideAnswers: () => set({ revealedThrough: -1, revealedByHand: new Set<string>(), revealFloor: -1 }),
      concealFromHere: () => set((s) => ({ revealedThrough: s.stepIndex, revealFloor: s.stepIndex, revealedByHand: new Set<string>() })),
      takeOver: () => set((s) => ({ tookOver: true, clock: clock.pause(s.clock, now()), time: clock.timeAt(s.clock, now()) })),
      returnToLesson: () => set((s) => ({ tookOver: false, cueEpoch: s.cueEpoch + 1 })),
      setPresenting: (on) =>
        set((s) =>
          on
            ? { presenting: true, revealAsk: null, clock: clock.pause(s.clock, now()), time: clock.timeAt(s.clock, now()) }
            : { presenting: false, blanked: false },
        ),
      startPresenting: (from) => {
        // A presenter starts at the very start: what a step holds back (its arrow) comes by the clicker.
        if (from === 'start') goToSegment(0);
        get().setPresenting(true);
        get().concealFromHere();
        set({ blanked: false });
      },
      setBlanked: (on) => set((s) => ({ blanked: on && s.presenting })),
      replaceLesson: (next) => {
        const s = get();
        const segId = s.timeline.segments[s.segmentIndex]?.id;
        // Cues the change left as they were keep their identity: the viewer re-applies only a cue that changed, so
        // an author typing in the transcript keeps the view they panned and zoomed to.
        const before = new Map(s.timeline.cues.map((c) => [c.at, c]));
        const built = buildTimeline(next);
        timeline = {
          ...built,
          cues: built.cues.map((c) => {
            const old = before.get(c.at);
            return old && JSON.stringify(old) === JSON.stringify(c) ? old : c;
          }),
        };
        const found = timeline.segments.findIndex((seg) => seg.id === segId);
        const i = found >= 0 ? found : clampIndex(s.segmentIndex, timeline.segments.length);
        const seg = timeline.segments[i];
        const sameCue = s.timeline.cues[s.timeline.segments[s.segmentIndex]?.cueIndex ?? 0] === timeline.cues[seg?.cueIndex ?? 0];
        set({
          lesson: next,
          timeline,
          segmentIndex: i,
          stepIndex: seg?.stepIndex ?? 0,
          time: seg?.start ?? 0,
          clock: clock.stoppedClock(timeline.duration, seg?.start ?? 0),
          ...(sameCue ? {} : { cueEpoch: s.cueEpoch + 1, tookOver: false }),
        });
      },
      setAskBeforeRevealing: (on) => {
        if (get().askBeforeRevealing !== on) set({ askBeforeRevealing: on });
      },
      holdForReveal: (ask) => set({ revealAsk: ask }),
      answerRevealAsk: (go) => {
        const ask = get().revealAsk;
        if (!ask) return;
        set({ revealAsk: null });
        if (!go) return;
        set({ revealAskAnswered: true });
        const c = clock.seek(get().clock, ask.time, now());
        moveTo(ask.time, ask.play ? clock.play(c, now()) : c, true, false);
      },
      setReveal: (revealedThrough, revealedByHand, revealFloor = -1) =>
        set({
          revealedThrough: Math.max(-1, Math.min(Math.trunc(revealedThrough), timeline.steps.length - 1)),
          revealFloor: Math.max(-1, Math.min(Math.trunc(revealFloor), timeline.steps.length - 1)),
          revealedByHand: new Set(get().lesson.reveal.map((r) => r.id).filter((id) => revealedByHand.has(id))),
        }),
    };
  });
}
