/**
 * Keeps `#/case/<id>/step/<n>` (in unknown mode `#/unknown/<alias>/step/<n>`) and the lesson's step in agreement:
 * moving to a step pushes a history entry, and the browser's back/forward (a hash change) moves the lesson. An
 * id address opened in unknown mode is replaced by the alias at once, so the id does not stay in view.
 */
import { useEffect } from 'react';
import type { LessonStore } from '../../state/lesson-store';
import { caseAddress, isRouteOf, parseHash } from '../route';
import { later } from '../later';

export function useStepInUrl(store: LessonStore, caseId: string): void {
  useEffect(() => {
    /** The step number this hook last put in the address; its hashchange is not the browser moving. */
    let ownStep: number | null = null;
    const syncUrl = (stepIndex: number): void => {
      const route = parseHash(window.location.hash);
      const want = stepIndex + 1;
      if (!isRouteOf(route, caseId)) return;
      if (route.step === null || caseAddress(caseId, route.step) !== window.location.hash) window.history.replaceState(null, '', caseAddress(caseId, want));
      else if (route.step !== want) {
        ownStep = want;
        window.location.hash = caseAddress(caseId, want);
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
      const own = ownStep !== null && isRouteOf(route, caseId) && route.step === ownStep;
      ownStep = null;
      if (own) return;
      // The browser moved (back, forward, a typed address): an entry still waiting is for a step left behind.
      pending.cancel();
      if (isRouteOf(route, caseId) && route.step !== null) {
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
