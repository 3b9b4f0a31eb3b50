/**
 * One take: asks for the microphone (or records without audio when there is none), runs the take's clock, the
 * recorder of what the author does and the sound; pause and resume; M marks a new segment; stop (or a failure, or
 * the take's limit) turns it all into the draft (finish-take.ts).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Draft } from '../../../case/authoring';
import { formatClock } from '../../../case/time';
import { pauseClock, resumeClock, startClock, takeTime, type TakeClock } from '../../../case/take/take-clock';
import { MIN_TAKE_SECONDS, pastLimit, takeLimit, type TakeLimit } from '../../../case/take/take-limits';
import type { AuthorStore } from '../../../state/author-store';
import type { LessonStore } from '../../../state/lesson-store';
import { typingInto } from '../../case-page/use-lesson-keys';
import { messages } from '../../i18n/messages';
import { finishTake } from './finish-take';
import { openMicrophone, startAudio, type TakeAudio } from './take-audio';
import { startTakeRecorder, type TakeRecorder } from './take-recorder';

const m = messages.record;

export type TakePhase = 'idle' | 'asking' | 'recording' | 'paused' | 'finishing';

export interface Take {
  phase: TakePhase;
  /** Seconds on the take's clock. */
  seconds: number;
  /** The microphone's level in dB, or null without audio. */
  level: number | null;
  /** What happened: the take's result, a failure, a limit reached. */
  message: string | null;
  /** Why the microphone could not be used: the bar then offers a take without audio. */
  micProblem: string | null;
  start(withAudio: boolean): void;
  pause(): void;
  resume(): void;
  stop(): void;
  /** `wall`: when the key or click happened (its event's timeStamp), so a busy page does not mark late. */
  mark(wall?: number): void;
  step(by: -1 | 1): void;
}

interface Live {
  clock: TakeClock;
  audio: TakeAudio | null;
  recorder: TakeRecorder;
  before: Draft;
  limit: TakeLimit;
  /** Said with the result: why the take ended early. */
  ended: string | null;
}

const TICK_MS = 100;

export function useTake(author: AuthorStore, player: LessonStore, draftKey: string, onRecording: (file: File) => void): Take {
  const [phase, setPhase] = useState<TakePhase>('idle');
  const [seconds, setSeconds] = useState(0);
  const [level, setLevel] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [micProblem, setMicProblem] = useState<string | null>(null);
  const live = useRef<Live | null>(null);

  const stop = useCallback((): void => {
    const take = live.current;
    if (!take) return;
    live.current = null;
    setPhase('finishing');
    const clockSeconds = takeTime(take.clock, performance.now());
    const log = take.recorder.finish();
    void (async () => {
      const audio = take.audio ? await take.audio.stop() : null;
      const done = await finishTake({ author, draftKey, before: take.before, log, audio, clockSeconds });
      if (done.file) onRecording(done.file);
      const said = [
        take.ended,
        m.done(done.segments, formatClock(done.duration)),
        done.undecodable ? m.undecodable : null,
        done.notKept ? m.notKept(done.notKept) : null,
      ];
      setMessage(said.filter(Boolean).join(' '));
      setLevel(null);
      setPhase('idle');
    })();
  }, [author, draftKey, onRecording]);

  const start = useCallback(
    (withAudio: boolean): void => {
      if (live.current) return;
      setMessage(null);
      setMicProblem(null);
      setPhase('asking');
      void (async () => {
        const limit = takeLimit(await navigator.storage?.estimate?.().catch(() => undefined));
        if (limit.seconds < MIN_TAKE_SECONDS) {
          setMessage(m.noRoom);
          return setPhase('idle');
        }
        let audio: TakeAudio | null = null;
        if (withAudio) {
          try {
            const stream = await openMicrophone();
            audio = startAudio(stream, (reason) => {
              if (live.current) live.current.ended = m.failed(reason);
              stop();
            });
          } catch (e) {
            setMicProblem(e instanceof Error ? e.message || e.name : String(e));
            return setPhase('idle');
          }
        }
        const clock = startClock(audio?.startedAt ?? performance.now());
        const take: Live = { clock, audio, before: author.getState().draft, limit, ended: null, recorder: null as unknown as TakeRecorder };
        take.recorder = startTakeRecorder(author, player, (wall = performance.now()) => takeTime(take.clock, wall));
        live.current = take;
        setSeconds(0);
        setLevel(audio ? -100 : null);
        setPhase('recording');
      })();
    },
    [author, player, stop],
  );

  // The clock and the meter, and the take's limit.
  useEffect(() => {
    if (phase !== 'recording' && phase !== 'paused') return;
    const timer = window.setInterval(() => {
      const take = live.current;
      if (!take) return;
      const t = takeTime(take.clock, performance.now());
      setSeconds(t);
      if (take.audio) setLevel(take.audio.level());
      if (pastLimit(take.limit, t, take.audio?.bytes() ?? 0)) {
        const at = formatClock(t);
        take.ended = take.limit.by === 'length' ? m.tooLong(at) : m.storageFull(at);
        stop();
      }
    }, TICK_MS);
    return () => window.clearInterval(timer);
  }, [phase, stop]);

  const mark = useCallback((wall?: number) => live.current?.recorder.mark(wall), []);

  // M marks a new segment, wherever the focus is (but in a text field).
  useEffect(() => {
    if (phase !== 'recording' && phase !== 'paused') return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key.toLowerCase() !== 'm' || e.ctrlKey || e.metaKey || e.altKey || typingInto(e.target)) return;
      e.preventDefault();
      mark(e.timeStamp);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [phase, mark]);

  // A take left running when the page goes keeps what it had.
  useEffect(
    () => () => {
      live.current?.recorder.finish();
      void live.current?.audio?.stop();
    },
    [],
  );

  return {
    phase,
    seconds,
    level,
    message,
    micProblem,
    start,
    stop,
    mark,
    pause() {
      const take = live.current;
      if (!take || phase !== 'recording') return;
      take.clock = pauseClock(take.clock, performance.now());
      take.audio?.pause();
      setPhase('paused');
    },
    resume() {
      const take = live.current;
      if (!take || phase !== 'paused') return;
      take.clock = resumeClock(take.clock, performance.now());
      take.audio?.resume();
      setPhase('recording');
    },
    step(by) {
      // The step's first segment, selected: the viewer shows its cue, and its arrows, as when the author picks it.
      const p = player.getState();
      const target = p.timeline.steps[p.stepIndex + by];
      const first = target ? p.timeline.segments[target.firstSegment] : undefined;
      if (first) author.getState().select(first.id);
    },
  };
}
