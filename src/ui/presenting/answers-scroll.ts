/**
 * The console's "Scroll answers" reaching the audience's answers panel: the sync hook receives the command, the
 * panel (one per window) listens. A screenful less a line, so the room keeps its place in the text.
 */
type Direction = 'up' | 'down';
let listener: ((direction: Direction) => void) | null = null;

export function scrollAnswers(direction: Direction): void {
  listener?.(direction);
}

/** Lets `element` take the commands while it is on screen; returns the unsubscribe. */
export function takeAnswersScroll(element: HTMLElement): () => void {
  const own = (direction: Direction): void => {
    const page = Math.max(40, element.clientHeight * 0.8);
    element.scrollBy({ top: direction === 'down' ? page : -page, behavior: 'auto' });
  };
  listener = own;
  return () => {
    if (listener === own) listener = null;
  };
}
