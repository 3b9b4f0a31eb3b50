/** The contract between a viewer session and its viewport slots: what the session lends each one. */
import type { Types } from '@cornerstonejs/core';
import type { ArrowEditor, UserInteraction } from './types';
import type { ViewportSlot } from './viewport-slot';

/** What the session lends each slot: what the left button does now, and where the learner's scrolls go. */
export interface SlotHooks {
  leftKind(): UserInteraction;
  /** The learner (wheel, keys, cine) brought a new image up; linked viewports follow. */
  onLearnerImage(slot: ViewportSlot, index: number): void;
  /** The learner's drag changed this viewport's window; viewports sharing window/level follow. */
  onLearnerWindow(slot: ViewportSlot, range: Types.VOIRange): void;
  /** Image `index` came up on the CPU renderer, which would draw it wrong (render-path.ts): show it with WebGL. */
  onCpuCannotDraw(slot: ViewportSlot, index: number): void;
  /** Author mode's arrow editor, if the mouse may move arrows now. */
  arrowEditor(): ArrowEditor | null;
}
