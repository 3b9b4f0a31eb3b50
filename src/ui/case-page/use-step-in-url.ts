/**
 * Keeps `#/case/<id>/step/<n>` (in unknown mode `#/unknown/<alias>/step/<n>`) and the lesson's step in agreement:
 * moving to a step pushes a history entry, and the browser's back/forward (a hash change) moves the lesson. An
 * id address opened in unknown mode is replaced by the alias at once, so the id does not stay in view.
 */
import { useEffect } from 'react';
import type { LessonStore } from '../../state/lesson-store';
import { caseAddress, isRouteOf, parseHash } from '../route';
import { later } from '../later';

/** The fragment of a URL as `location.hash` spells it ('#/case/...'). */
function hashOf(url: string): string {
  try {
    return new URL(url).hash;
  } catch {
    return '';
  }
}

export function useStepInUrl(store: LessonStore, caseId: string): void {
  useEffect(() => {
    /**
     * Addresses this hook assigned whose hashchange has not arrived yet, oldest first. Several can be waiting: the
     * browser runs a learner's keys before queued hashchange events, so quick steps set the hash twice before the
     * first event. Each event is matched by its own newURL (the current hash may already be a later one): a single
     * "last set" slot took the second event for the browser going back and moved the lesson back a step.
     */
    const own: string[] = [];
    const syncUrl = (stepIndex: number): void => {
      const route = parseHash(window.location.hash);
      const want = stepIndex + 1;
      if (!isRouteOf(route, caseId)) return;
      if (route.step === null || caseAddress(caseId, route.step) !== window.location.hash) window.history.replaceState(null, '', caseAddress(caseId, want));
      else if (route.step !== want) {
        const address = caseAddress(caseId, want);
        own.push(address);
        window.location.hash = address;
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
    const onHash = (e: HashChangeEvent): void => {
      const arrived = own.indexOf(hashOf(e.newURL));
      if (arrived >= 0) {
        own.splice(0, arrived + 1);
        return;
      }
      own.length = 0;
      const route = parseHash(window.location.hash);
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
