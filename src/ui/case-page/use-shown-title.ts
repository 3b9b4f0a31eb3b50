/**
 * The case title as the page may show it: in unknown mode the neutral unknown-mode title until the final
 * diagnosis is revealed (the real title can name the answer), then the real one. The same while presenting.
 */
import { useStore } from 'zustand';
import { visibleRevealItems } from '../../case/reveal';
import type { ParsedCase } from '../../case/schema';
import type { LessonStore } from '../../state/lesson-store';
import { useUnknownMode } from '../unknown-mode';

/** @param presenting on a projector the title waits for the diagnosis too: no spoilers for the room */
export function useShownTitle(store: LessonStore, lesson: ParsedCase, presenting = false): string {
  const unknown = useUnknownMode();
  const diagnosisShown = useStore(store, (s) =>
    s.lesson.reveal.some((r) => r.kind === 'diagnosis')
      ? visibleRevealItems(s.lesson, s.revealedThrough, s.revealedByHand, s.revealFloor).some((r) => r.kind === 'diagnosis')
      : s.revealedThrough >= s.timeline.steps.length - 1, // no diagnosis item: the title comes with the last step
  );
  return (unknown || presenting) && !diagnosisShown ? lesson.unknownTitle : lesson.title;
}
