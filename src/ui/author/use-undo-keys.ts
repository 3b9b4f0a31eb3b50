import { useEffect } from 'react';
import type { AuthorStore } from '../../state/author-store';

/**
 * Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y) walk the author store's history, the same one the Undo and Redo buttons walk,
 * wherever the focus is, text fields included: the browser's own undo in a field would replay its typing against
 * the store and leave two histories that disagree.
 */
export function useUndoKeys(author: AuthorStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) author.getState().undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') author.getState().redo();
      else return;
      e.preventDefault();
      e.stopPropagation();
    };
    // Capture: before a field or Cornerstone's own key handling sees it.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [author]);
}
