/**
 * Cornerstone 5.14 leaves a promise rejection unhandled for every image that fails to load: its cache
 * (`putImageLoadObject`) re-throws the failure on a promise nobody holds. The same failure is announced with
 * IMAGE_LOAD_FAILED, and the viewer shows it in the viewport (naming the file), so those rejections, and only
 * those, are marked handled here. Any other unhandled rejection still reaches the console as before.
 */
import { eventTarget, Enums } from '@cornerstonejs/core';

/** Failures announced by Cornerstone; objects are held weakly, primitives (thrown strings) in a short list. */
const announced = new WeakSet<object>();
const announcedPrimitives: unknown[] = [];

function remember(error: unknown): void {
  if (error !== null && (typeof error === 'object' || typeof error === 'function')) announced.add(error);
  else {
    announcedPrimitives.push(error);
    if (announcedPrimitives.length > 50) announcedPrimitives.shift();
  }
}

function wasAnnounced(reason: unknown): boolean {
  if (reason !== null && (typeof reason === 'object' || typeof reason === 'function')) return announced.has(reason);
  return announcedPrimitives.includes(reason);
}

let installed = false;

export function quietAnnouncedLoadRejections(): void {
  if (installed) return;
  installed = true;
  eventTarget.addEventListener(Enums.Events.IMAGE_LOAD_FAILED, (event: Event) => {
    remember((event as CustomEvent<{ error?: unknown }>).detail?.error);
  });
  window.addEventListener('unhandledrejection', (event) => {
    if (wasAnnounced(event.reason)) event.preventDefault();
  });
}
