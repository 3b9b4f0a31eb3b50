/**
 * Reads each segment aloud with the browser's speech synthesis while the lesson plays, for cases without
 * recorded narration. Off by default; offered only where the browser has voices.
 */
import { useEffect, useState } from 'react';
import type { LessonStore } from '../../state/lesson-store';

export function useVoicesAvailable(): boolean {
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    if (!('speechSynthesis' in window)) return;
    const check = (): void => setAvailable(window.speechSynthesis.getVoices().length > 0);
    check();
    window.speechSynthesis.addEventListener('voiceschanged', check);
    return () => window.speechSynthesis.removeEventListener('voiceschanged', check);
  }, []);
  return available;
}

export function useReadAloud(store: LessonStore, enabled: boolean): void {
  useEffect(() => {
    if (!enabled || !('speechSynthesis' in window)) return;
    const synth = window.speechSynthesis;
    const speak = (segmentIndex: number, rate: number): void => {
      synth.cancel();
      const seg = store.getState().timeline.segments[segmentIndex];
      if (!seg) return;
      const utterance = new SpeechSynthesisUtterance(seg.text);
      utterance.rate = rate;
      synth.speak(utterance);
    };
    const s0 = store.getState();
    if (s0.clock.playing) speak(s0.segmentIndex, s0.clock.rate);
    const unsubscribe = store.subscribe((s, prev) => {
      if (!s.clock.playing) {
        if (prev.clock.playing) synth.cancel();
        return;
      }
      if (s.segmentIndex !== prev.segmentIndex || !prev.clock.playing) speak(s.segmentIndex, s.clock.rate);
    });
    return () => {
      unsubscribe();
      synth.cancel();
    };
  }, [store, enabled]);
}
