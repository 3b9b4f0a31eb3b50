/**
 * Calls `onResize` once per animation frame after the element's size changed: Cornerstone sizes its canvas from
 * the element, and layouts change without a window resize. Returns the function that stops watching.
 */
export function watchResize(element: HTMLElement, onResize: () => void): () => void {
  let frame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(onResize);
  });
  observer.observe(element);
  return () => {
    cancelAnimationFrame(frame);
    observer.disconnect();
  };
}
