/**
 * Keeps `#/case/<id>/step/<n>` and the lesson's step in agreement: moving to a step pushes a history entry,
 * and the browser's back/forward (a hash change) moves the lesson.
 */
import { useEffect } from 'react';
import type { LessonStore } from '../../state/lesson-store';
import { caseHref, parseHash } from '../route';
import { later } from '../later';

export function useStepInUrl(store: LessonStore, caseId: string): void {
  useEffect(() => {
    /** The step number this hook last put in the address; its hashchange is not the browser moving. */
    let ownStep: number | null = null;
    const syncUrl = (stepIndex: number): void => {
      const route = parseHash(window.location.hash);
      const want = stepIndex + 1;
      if (route.page !== 'case' || route.caseId !== caseId) return;
      if (route.step === null) window.history.replaceState(null, '', caseHref(caseId, want));
      else if (route.step !== want) {
        ownStep = want;
        window.location.hash = caseHref(caseId, want);
      }
    };
    syncUrl(store.getState().stepIndex);
    // A new history entry costs a few milliseconds: it comes a moment after the step, so the viewer's work for the
    // step is not held behind it. A step taken meanwhile makes the waiting entry at once: every step keeps its own.
    const pending = later(100);
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.stepIndex !== prev.stepIndex) pending.schedule(() => syncUrl(s.stepIndex));
      // A move the learner declined at the reveal's question (the back button, say) leaves the address on the step shown.
      else if (prev.revealAsk !== null && s.revealAsk === null) pending.schedule(() => syncUrl(s.stepIndex));
    });
    const onHash = (): void => {
      const route = parseHash(window.location.hash);
      const own = ownStep !== null && route.page === 'case' && route.step === ownStep;
      ownStep = null;
      if (own) return;
      // The browser moved (back, forward, a typed address): an entry still waiting is for a step left behind.
      pending.cancel();
      if (route.page === 'case' && route.caseId === caseId && route.step !== null) {
        if (route.step - 1 !== store.getState().stepIndex) store.getState().goToStep(route.step - 1);
      }
    };
    window.addEventListener('hashchange', onHash);
    return () => {
      pending.cancel();
      unsubscribe();
      window.removeEventListener('hashchange', onHash);
    };
  }, [store, caseId]);
}
