import { useCallback, useEffect, useRef, useState } from 'react';

export interface SegmentPlayer {
  audio: React.RefObject<HTMLAudioElement | null>;
  /** The segment playing (its index), or null. */
  playing: number | null;
  /** The recording's time while a segment plays, for the play head. */
  time: number | null;
  play(index: number, start: number, end: number): void;
  stop(): void;
}

/**
 * Plays one segment of the narration: from its start, paused at its end. The end is watched every animation
 * frame (`timeupdate` comes only every quarter second, which would run into the next sentence).
 */
export function useSegmentPlayer(): SegmentPlayer {
  const audio = useRef<HTMLAudioElement | null>(null);
  const [playing, setPlaying] = useState<number | null>(null);
  const [time, setTime] = useState<number | null>(null);
  const frame = useRef(0);

  const stop = useCallback(() => {
    cancelAnimationFrame(frame.current);
    audio.current?.pause();
    setPlaying(null);
    setTime(null);
  }, []);

  const play = useCallback(
    (index: number, start: number, end: number) => {
      const el = audio.current;
      if (!el) return;
      cancelAnimationFrame(frame.current);
      el.currentTime = start;
      setPlaying(index);
      setTime(start);
      const watch = (): void => {
        if (el.currentTime >= end || el.ended) {
          el.pause();
          setPlaying(null);
          setTime(null);
          return;
        }
        setTime(el.currentTime);
        frame.current = requestAnimationFrame(watch);
      };
      el.play().then(
        () => void (frame.current = requestAnimationFrame(watch)),
        () => stop(),
      );
    },
    [stop],
  );

  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  return { audio, playing, time, play, stop };
}
