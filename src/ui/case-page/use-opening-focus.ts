/**
 * Where the keyboard starts on a case page: at its top, so the first Tab reaches the skip link to the lesson's
 * controls. A page opened from the library keeps the browser's starting point wherever the clicked card was, and
 * the first Tab could land mid-transcript; the page itself takes the focus when nothing else holds it.
 */
import { useEffect, type RefObject } from 'react';

export function useOpeningFocus(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) root.current?.focus({ preventScroll: true });
  }, [root]);
}
