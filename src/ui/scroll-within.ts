/**
 * Brings `el` into view (as `scrollIntoView({ block: 'nearest' })` would) by scrolling only its nearest scrolling
 * ancestor, never the page: the transcript follows the clock inside its panel while the images stay on screen.
 * Which ancestor scrolls depends on the layout (the transcript itself, or the whole side panel on a phone).
 */
export function scrollWithin(el: HTMLElement): void {
  for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
    const { overflowY } = getComputedStyle(box);
    if ((overflowY !== 'auto' && overflowY !== 'scroll') || box.scrollHeight <= box.clientHeight) continue;
    const b = box.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    if (r.top < b.top) box.scrollTop -= b.top - r.top;
    else if (r.bottom > b.bottom) box.scrollTop += Math.min(r.bottom - b.bottom, r.top - b.top);
    return;
  }
}
