/**
 * Tells real user input apart from what the viewer does itself: only DOM input on the element counts (a wheel
 * turn, a drag that actually moves). Programmatic apply()/scrollTo() fire Cornerstone events but no DOM input,
 * so they never look like the learner taking over.
 */
import type { UserInteraction } from './types';

/** Middle and right buttons as MouseEvent.button numbers them, mapped to what the tool group binds to them. */
const DRAG_KINDS: Record<number, UserInteraction> = { 1: 'pan', 2: 'zoom' };
/** A press that moves less than this (CSS pixels) is a click, not a drag. */
const DRAG_THRESHOLD = 3;

/** `leftKind` says what the left button does now: the learner picks its tool in the toolbar. */
export function watchUserInput(
  element: HTMLElement,
  report: (kind: UserInteraction) => void,
  leftKind: () => UserInteraction = () => 'window',
): () => void {
  const onWheel = (): void => report('scroll');

  let endDrag: (() => void) | null = null;
  const onMouseDown = (down: MouseEvent): void => {
    // Shift+left pans whatever the left button's tool (tools.ts binds it so).
    const kind = down.button === 0 ? (down.shiftKey ? 'pan' : leftKind()) : DRAG_KINDS[down.button];
    if (!kind) return;
    endDrag?.();
    // A measuring press is the learner's even without a move: a probe is placed by a click.
    if (kind === 'measure') return report(kind);
    let reported = false;
    const onMove = (move: MouseEvent): void => {
      if (reported) return;
      if (Math.hypot(move.clientX - down.clientX, move.clientY - down.clientY) < DRAG_THRESHOLD) return;
      reported = true;
      report(kind);
    };
    const stop = (): void => {
      window.removeEventListener('mousemove', onMove, true);
      window.removeEventListener('mouseup', stop, true);
      endDrag = null;
    };
    // Window-level listeners, as Cornerstone's own: a drag goes on when the pointer leaves the element.
    window.addEventListener('mousemove', onMove, true);
    window.addEventListener('mouseup', stop, true);
    endDrag = stop;
  };
  // Touch (tools.ts): one finger scrolls, two pinch to zoom. The first move of a touch is the learner's.
  let touchReported = false;
  const onTouchStart = (): void => {
    touchReported = false;
  };
  const onTouchMove = (e: TouchEvent): void => {
    if (touchReported) return;
    touchReported = true;
    report(e.touches.length >= 2 ? 'zoom' : 'scroll');
  };
  // Right-drag zooms: the browser's context menu would interrupt it.
  const onContextMenu = (e: Event): void => e.preventDefault();

  element.addEventListener('wheel', onWheel, { passive: true });
  element.addEventListener('mousedown', onMouseDown);
  element.addEventListener('contextmenu', onContextMenu);
  element.addEventListener('touchstart', onTouchStart, { passive: true });
  element.addEventListener('touchmove', onTouchMove, { passive: true });
  return () => {
    element.removeEventListener('touchstart', onTouchStart);
    element.removeEventListener('touchmove', onTouchMove);
    endDrag?.();
    element.removeEventListener('wheel', onWheel);
    element.removeEventListener('mousedown', onMouseDown);
    element.removeEventListener('contextmenu', onContextMenu);
  };
}

/** A flag that is up from start() until the next mouse button release anywhere in the window (or end()). */
export class UntilMouseUp {
  active = false;
  private readonly release = (): void => this.end();

  start(): void {
    if (this.active) return;
    this.active = true;
    window.addEventListener('mouseup', this.release, true);
  }

  end(): void {
    this.active = false;
    window.removeEventListener('mouseup', this.release, true);
  }
}
