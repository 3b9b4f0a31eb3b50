/**
 * Author mode's mouse on cue arrows: a press on an arrow's tip, tail, label or shaft picks it and drags that part
 * (the shaft moves the whole arrow); the drawing follows the pointer, and the drag's end is reported to the
 * author's editor, which stores it as an undoable edit. A press elsewhere unpicks and goes on to the image tools.
 *
 * The press is caught on the viewport's element in the capture phase, before Cornerstone's own listeners and
 * watchUserInput's (both on the element, bubbling): a drag on an arrow never windows the image, nor counts as the
 * learner taking over. Learners' arrows never take the mouse: without an editor nothing here runs.
 */
import { cache, utilities, type Types } from '@cornerstonejs/core';
import { annotation, utilities as toolUtilities } from '@cornerstonejs/tools';
import type { Arrow } from '../case/schema';
import { defaultTail } from '../case/arrow-geometry';
import type { ArrowEditor } from './types';
import type { SlotArrows } from './slot-arrows';
import { arrowInfoOf, drawnArrows } from './cue-arrow-tool';
import { hitArrow, type ArrowPart } from './arrow-hit';
import { pixelCentreToWorld } from './arrows';
import type { Point } from './label-placement';
import { cssToWorld } from './canvas-units';

export interface EditableSlot {
  readonly id: string;
  readonly element: HTMLDivElement;
  readonly viewport: Types.IStackViewport;
  readonly arrows: SlotArrows;
  /** Whether an image is shown (nothing to edit on an empty or failed viewport). */
  showsImage(): boolean;
}

/** A press that moves less than this (CSS pixels) only picks the arrow. */
const DRAG_THRESHOLD = 2;
const CURSORS: Record<ArrowPart, string> = { tip: 'crosshair', tail: 'crosshair', label: 'move', line: 'move' };

const tenth = (v: number): number => Math.round(v * 10) / 10;

export function watchArrowEditing(slot: EditableSlot, editor: () => ArrowEditor | null): () => void {
  const { element } = slot;
  let dragging: (() => void) | null = null;
  let hoverCursor: string | null = null;
  let cursorBefore = '';

  const canvasPoint = (e: MouseEvent): Point => {
    const rect = slot.viewport.canvas.getBoundingClientRect();
    return [e.clientX - rect.left, e.clientY - rect.top];
  };
  const hitAt = (e: MouseEvent): ReturnType<typeof hitArrow> =>
    editor() && slot.showsImage() && e.button === 0 && !e.shiftKey ? hitArrow(drawnArrows(element), canvasPoint(e)) : undefined;

  const onDown = (e: MouseEvent): void => {
    const active = editor();
    if (!active || !slot.showsImage() || e.button !== 0 || e.shiftKey) return;
    const hit = hitAt(e);
    if (!hit) {
      if (slot.arrows.selected !== null) active.select(slot.id, null);
      return;
    }
    e.stopPropagation();
    e.preventDefault();
    // No text selection while dragging, but the focus leaves a text field as a click would: Delete then
    // removes the picked arrow, not a character of the field last typed in.
    const focusable = element.closest<HTMLElement>('[tabindex]');
    if (focusable) focusable.focus({ preventScroll: true });
    else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    active.select(slot.id, hit.index);
    const arrow = slot.arrows.shown[hit.index];
    const imageId = slot.viewport.getCurrentImageId();
    if (!arrow || !imageId) return;
    const image = cache.getImage(imageId);
    const [columns, rows] = image ? [image.columns, image.rows] : [Infinity, Infinity];
    const toPixel = (p: Point): Point | undefined => {
      const ij = utilities.worldToImageCoords(imageId, cssToWorld(slot.viewport, p));
      return ij && [ij[0] - 0.5, ij[1] - 0.5];
    };
    const start = toPixel(canvasPoint(e));
    if (!start) return;
    const tip: Point = [...arrow.tip];
    const tail: Point = arrow.tail ? [...arrow.tail] : defaultTail(arrow.tip, columns, rows);
    const drawnLabel = drawnArrows(element).find((d) => d.uid === hit.uid)?.label;
    const labelStart = arrow.labelAt ?? (drawnLabel && toPixel([drawnLabel.x + drawnLabel.width / 2, drawnLabel.y + drawnLabel.height / 2]));
    const inside = (v: number, size: number): number => Math.min(Math.max(0, v), size - 1);
    let moved: Arrow | null = null;

    const onMove = (m: MouseEvent): void => {
      const now = toPixel(canvasPoint(m));
      if (!now || (!moved && Math.hypot(m.clientX - e.clientX, m.clientY - e.clientY) < DRAG_THRESHOLD)) return;
      let [dx, dy] = [now[0] - start[0], now[1] - start[1]];
      const next: Arrow = { ...arrow, tip, tail };
      if (hit.part === 'tip' || hit.part === 'tail') {
        next[hit.part] = [inside(now[0], columns), inside(now[1], rows)];
      } else if (hit.part === 'label') {
        if (labelStart) next.labelAt = [labelStart[0] + dx, labelStart[1] + dy];
      } else {
        // The whole arrow, kept on the image: the move stops where an end would leave it.
        dx = Math.min(Math.max(dx, -Math.min(tip[0], tail[0])), columns - 1 - Math.max(tip[0], tail[0]));
        dy = Math.min(Math.max(dy, -Math.min(tip[1], tail[1])), rows - 1 - Math.max(tip[1], tail[1]));
        next.tip = [tip[0] + dx, tip[1] + dy];
        next.tail = [tail[0] + dx, tail[1] + dy];
        if (arrow.labelAt) next.labelAt = [arrow.labelAt[0] + dx, arrow.labelAt[1] + dy];
      }
      moved = next;
      drawLive(hit.uid, imageId, next);
    };
    const stop = (): void => {
      window.removeEventListener('mousemove', onMove, true);
      window.removeEventListener('mouseup', stop, true);
      dragging = null;
      if (!moved) return;
      const round = (p: readonly [number, number] | undefined): [number, number] | undefined => p && [tenth(p[0]), tenth(p[1])];
      const { labelAt, ...rest } = moved;
      const label = round(labelAt);
      editor()?.change(slot.id, hit.index, { ...rest, tip: round(moved.tip) ?? moved.tip, tail: round(moved.tail), ...(label ? { labelAt: label } : {}) });
    };
    dragging?.();
    window.addEventListener('mousemove', onMove, true);
    window.addEventListener('mouseup', stop, true);
    dragging = stop;
  };

  /** Moves the annotation's drawing to `arrow` at once; the edit that follows the drag redraws it the same. */
  const drawLive = (uid: string, imageId: string, arrow: Arrow): void => {
    const a = annotation.state.getAnnotation(uid);
    const info = arrowInfoOf(uid);
    if (!a?.data.handles || !info || !arrow.tail) return;
    a.data.handles.points = [pixelCentreToWorld(imageId, arrow.tip), pixelCentreToWorld(imageId, arrow.tail)];
    if (arrow.labelAt) info.labelWorld = pixelCentreToWorld(imageId, arrow.labelAt);
    toolUtilities.triggerAnnotationRenderForViewportIds([slot.id]);
  };

  // The pointer says what a press would take: a cross over an end, a move cursor over a label or shaft.
  const onHover = (e: MouseEvent): void => {
    if (e.buttons !== 0 || dragging) return;
    const hit = hitAt(e);
    const cursor = hit ? CURSORS[hit.part] : null;
    if (cursor === hoverCursor) return;
    // The element's own cursor (Cornerstone may set one for the left tool) comes back when the pointer leaves.
    if (hoverCursor === null) cursorBefore = element.style.cursor;
    hoverCursor = cursor;
    element.style.cursor = cursor ?? cursorBefore;
  };

  element.addEventListener('mousedown', onDown, true);
  element.addEventListener('mousemove', onHover);
  return () => {
    dragging?.();
    element.removeEventListener('mousedown', onDown, true);
    element.removeEventListener('mousemove', onHover);
  };
}
