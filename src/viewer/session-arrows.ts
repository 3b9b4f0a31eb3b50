/**
 * Author mode's part of a session: the arrows the author is editing, shown in place of the cues' (kept per
 * viewport id, so a viewport made later gets them too), and the editor the mouse reports to.
 */
import type { Arrow } from '../case/schema';
import type { ArrowEditor } from './types';
import type { ViewportSlot } from './viewport-slot';

export interface SessionArrows {
  showArrows(viewportId: string, arrows: readonly Arrow[] | null, selected: number | null): void;
  setArrowEditor(editor: ArrowEditor | null): void;
  /** The editor while the mouse may move arrows. */
  editor(): ArrowEditor | null;
  /** Gives a new slot what the author shows in its viewport. */
  adopt(slot: ViewportSlot): void;
}

export function sessionArrows(slots: ReadonlyMap<string, ViewportSlot>, alive: () => boolean): SessionArrows {
  const shown = new Map<string, { arrows: readonly Arrow[]; selected: number | null }>();
  let editor: ArrowEditor | null = null;

  const same = (a: readonly Arrow[], b: readonly Arrow[]): boolean => JSON.stringify(a) === JSON.stringify(b);

  return {
    showArrows(viewportId, arrows, selected) {
      if (arrows) shown.set(viewportId, { arrows, selected });
      else shown.delete(viewportId);
      const slot = slots.get(viewportId);
      if (!alive() || !slot) return;
      slot.arrows.override = arrows;
      const wanted = arrows ?? slot.lastApplied?.target.cue.arrows ?? [];
      // Nothing on screen yet, or a cue being applied: it draws them when its image is up.
      if (!slot.showsImage()) return void (slot.arrows.selected = selected);
      if (same(wanted, slot.arrows.shown)) return slot.arrows.select(selected);
      slot.arrows.selected = selected;
      const generation = slot.generation;
      void slot.arrows.show(slot.viewport, wanted, slot.arrows.imageIndex, () => alive() && slots.get(viewportId) === slot && slot.generation === generation);
    },
    setArrowEditor(next) {
      editor = next;
    },
    editor: () => editor,
    adopt(slot) {
      const own = shown.get(slot.id);
      slot.arrows.override = own?.arrows ?? null;
      slot.arrows.selected = own?.selected ?? null;
    },
  };
}
