/**
 * Counts renders of the components that must not re-render on every clock tick (the viewer's grid and frames),
 * for `npm run bench`: it sets `window.__renderCounts = {}` before the app starts, and reads the counts after a
 * few seconds of playback. Without that object (every ordinary page) this does nothing.
 */
interface Counted {
  __renderCounts?: Record<string, number>;
}

export function countRender(component: string): void {
  const counts = (window as Counted).__renderCounts;
  if (counts) counts[component] = (counts[component] ?? 0) + 1;
}
