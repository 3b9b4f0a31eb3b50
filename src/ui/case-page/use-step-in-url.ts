/**
 * Keeps `#/case/<id>/step/<n>` and the lesson's step in agreement: moving to a step pushes a history entry,
 * and the browser's back/forward (a hash change) moves the lesson.
 */
import { useEffect } from 'react';
import type { LessonStore } from '../../state/lesson-store';
import { caseHref, parseHash } from '../route';

export function useStepInUrl(store: LessonStore, caseId: string): void {
  useEffect(() => {
    const syncUrl = (stepIndex: number): void => {
      const route = parseHash(window.location.hash);
      const want = stepIndex + 1;
      if (route.page !== 'case' || route.caseId !== caseId) return;
      if (route.step === null) window.history.replaceState(null, '', caseHref(caseId, want));
      else if (route.step !== want) window.location.hash = caseHref(caseId, want);
    };
    syncUrl(store.getState().stepIndex);
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.stepIndex !== prev.stepIndex) syncUrl(s.stepIndex);
    });
    const onHash = (): void => {
      const route = parseHash(window.location.hash);
      if (route.page === 'case' && route.caseId === caseId && route.step !== null) {
        if (route.step - 1 !== store.getState().stepIndex) store.getState().goToStep(route.step - 1);
      }
    };
    window.addEventListener('hashchange', onHash);
    return () => {
      unsubscribe();
      window.removeEventListener('hashchange', onHash);
    };
  }, [store, caseId]);
}
