/** The user's "reduce motion" setting: sweeps then show their image without scrolling through the series. */
export function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
