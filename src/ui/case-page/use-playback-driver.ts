/**
 * Drives the lesson clock: every animation frame while playing, or, when the case has recorded narration, by
 * following the medium (its currentTime is the master; our play/pause/seek/speed are passed on to it).
 */
import { useEffect, type RefObject } from 'react';
import type { LessonStore } from '../../state/lesson-store';

export function usePlaybackDriver(store: LessonStore, media: RefObject<HTMLMediaElement | null>): void {
  useEffect(() => {
    let frame = 0;
    const loop = (): void => {
      const el = media.current;
      if (el) store.getState().followMedia(el.currentTime, !el.paused && !el.ended);
      else store.getState().tick();
      frame = store.getState().clock.playing || (el && !el.paused) ? requestAnimationFrame(loop) : 0;
    };
    const start = (): void => {
      if (!frame) frame = requestAnimationFrame(loop);
    };
    // Commands from the UI reach the medium; the medium's own events restart the loop.
    const unsubscribe = store.subscribe((s, prev) => {
      const el = media.current;
      if (el) {
        if (s.seekEpoch !== prev.seekEpoch) el.currentTime = s.time;
        if (s.clock.rate !== el.playbackRate) el.playbackRate = s.clock.rate;
        if (s.clock.playing && !prev.clock.playing && el.paused) void el.play().catch(() => s.pause());
        if (!s.clock.playing && prev.clock.playing && !el.paused) el.pause();
      }
      if (s.clock.playing) start();
    });
    const el = media.current;
    el?.addEventListener('play', start);
    el?.addEventListener('seeked', start);
    if (store.getState().clock.playing) start();
    return () => {
      unsubscribe();
      el?.removeEventListener('play', start);
      el?.removeEventListener('seeked', start);
      cancelAnimationFrame(frame);
    };
  }, [store, media]);
}
