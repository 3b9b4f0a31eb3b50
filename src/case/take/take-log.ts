/**
 * What happened during a take, with times on the recording's clock (seconds, paused time left out). The recorder
 * writes it as the author teaches; `take-lesson.ts` turns it into segments and cues.
 */
import type { Arrow, ViewportCue } from '../schema';

/** What one viewport showed: a cue's fields without arrows or sweep (those come from other events). */
export type ViewState = Omit<ViewportCue, 'arrows' | 'sweep'>;

/** An arrow on screen, by an identity that lasts while it is moved or relabelled; `arrow.imageIndex` is always set. */
export interface TakeArrow {
  id: number;
  /** The series it was placed on. */
  series: string;
  arrow: Arrow & { imageIndex: number };
}

export type TakeEvent =
  /** Every viewport shown, in layout order (a layout, series, image, window or framing change). */
  | { t: number; kind: 'view'; viewports: Record<string, ViewState> }
  | { t: number; kind: 'step'; step: string }
  /** The arrows one viewport shows now. */
  | { t: number; kind: 'arrows'; viewportId: string; arrows: TakeArrow[] }
  /** The speaker's mark (M): a new segment starts here. */
  | { t: number; kind: 'mark' };
