import { useEffect } from 'react';
import type { ParsedCase } from '../../case/schema';
import type { AuthorStore } from '../../state/author-store';
import { discardDraft, saveDraft } from './draft-storage';

/**
 * Nothing a user made is lost: the draft is saved under its key shortly after each change, and at once when the
 * page goes (a reload or a closed tab does not unmount React). Opening author mode and leaving leaves nothing.
 */
/** `start`: the draft author mode opened with; a draft back at it is no work to keep. */
export function useDraftPersistence(author: AuthorStore, draftKey: string, start: ParsedCase): void {
  useEffect(() => {
    let timer = 0;
    const unsubscribe = author.subscribe((s, prev) => {
      if (s.draft === prev.draft) return;
      window.clearTimeout(timer);
      // Back to the case as it was ("Discard draft", or undone to it): no draft is left behind.
      timer = window.setTimeout(() => (s.draft === start ? discardDraft(draftKey) : saveDraft(draftKey, s.draft)), 300);
    });
    const now = (): void => {
      window.clearTimeout(timer);
      if (author.getState().draft !== start) saveDraft(draftKey, author.getState().draft);
    };
    window.addEventListener('pagehide', now);
    return () => {
      now();
      window.removeEventListener('pagehide', now);
      unsubscribe();
    };
  }, [author, draftKey, start]);
}
