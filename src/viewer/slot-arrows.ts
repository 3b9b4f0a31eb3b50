/**
 * The cue arrows one viewport shows: the cue's own, or in author mode the arrows the author is editing, which
 * replace them (and keep replacing them when a cue is applied again) until the author's view ends.
 */
import type { Types } from '@cornerstonejs/core';
import { utilities as toolUtilities } from '@cornerstonejs/tools';
import type { Arrow } from '../case/schema';
import { addArrows, removeArrows } from './arrows';
import { arrowInfoOf } from './cue-arrow-tool';

export class SlotArrows {
  private uids: string[] = [];
  /** The arrows on screen, in the order their indices count. */
  shown: readonly Arrow[] = [];
  /** The image an arrow without its own imageIndex belongs to: the cue's. */
  imageIndex = 0;
  /** Author mode: shown instead of the cue's arrows (ViewerSession.showArrows); null: the cue's. */
  override: readonly Arrow[] | null = null;
  /** Author mode: the picked arrow's index, drawn with handles. */
  selected: number | null = null;
  private generation = 0;

  constructor(
    private readonly viewportId: string,
    private readonly ownerKey: string,
  ) {}

  /** The arrows a cue with `own` arrows shows here. */
  forCue(own: readonly Arrow[]): readonly Arrow[] {
    return this.override ?? own;
  }

  /**
   * Replaces what is drawn with `arrows` (on `imageIndex` unless an arrow names its image). The old arrows stay
   * until the new ones are added, so an edit never blinks. Resolves false when a newer call, or `isCurrent`, won.
   */
  async show(viewport: Types.IStackViewport, arrows: readonly Arrow[], imageIndex: number, isCurrent: () => boolean): Promise<boolean> {
    const generation = ++this.generation;
    const current = (): boolean => generation === this.generation && isCurrent();
    const uids = await addArrows(viewport, this.ownerKey, arrows, imageIndex, current, this.selected);
    if (!current()) {
      removeArrows(uids, this.viewportId);
      return false;
    }
    removeArrows(this.uids, this.viewportId);
    this.uids = uids;
    this.shown = arrows;
    this.imageIndex = imageIndex;
    return true;
  }

  /** Marks the arrow at `index` picked (null: none) and draws the change. */
  select(index: number | null): void {
    this.selected = index;
    for (const uid of this.uids) {
      const info = arrowInfoOf(uid);
      if (info) info.selected = info.index === index;
    }
    toolUtilities.triggerAnnotationRenderForViewportIds([this.viewportId]);
  }

  /** Takes the arrows off the screen at once (a new cue is coming, or the viewport goes). */
  clear(): void {
    this.generation++;
    removeArrows(this.uids, this.viewportId);
    this.uids = [];
    this.shown = [];
  }
}
