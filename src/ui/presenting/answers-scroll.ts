/**
 * The audience's answers panel and the console, through the sync hook: the console's "Scroll answers" reaches the
 * panel (one per window), and the panel says whether more of the answers lie above or below what it shows, so the
 * console can say so (the presenter rarely sees the projector well). A scroll moves a screenful less a little, so
 * the room keeps its place in the text.
 */
type Direction = 'up' | 'down';
export interface AnswersEdges {
  above: boolean;
  below: boolean;
}

let scrollListener: ((direction: Direction) => void) | null = null;
let edgesListener: ((edges: AnswersEdges) => void) | null = null;
let lastEdges: AnswersEdges = { above: false, below: false };

export function scrollAnswers(direction: Direction): void {
  scrollListener?.(direction);
}

/** Lets `element` take the commands while it is on screen; returns the unsubscribe. */
export function takeAnswersScroll(element: HTMLElement): () => void {
  const own = (direction: Direction): void => {
    const page = Math.max(40, element.clientHeight * 0.8);
    element.scrollBy({ top: direction === 'down' ? page : -page, behavior: 'auto' });
  };
  scrollListener = own;
  return () => {
    if (scrollListener === own) scrollListener = null;
  };
}

/** From the panel: what it shows now. */
export function reportAnswersEdges(edges: AnswersEdges): void {
  if (edges.above === lastEdges.above && edges.below === lastEdges.below) return;
  lastEdges = edges;
  edgesListener?.(edges);
}

export function answersEdges(): AnswersEdges {
  return lastEdges;
}

/** For the sync hook: hears the panel's reports; returns the unsubscribe. */
export function onAnswersEdges(listener: (edges: AnswersEdges) => void): () => void {
  edgesListener = listener;
  return () => {
    if (edgesListener === listener) edgesListener = null;
  };
}
