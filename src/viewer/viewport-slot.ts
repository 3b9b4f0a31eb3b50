/**
 * One viewport of a session: its element, its Cornerstone StackViewport, what it shows, and the status it
 * reports. Status is sent whenever something a user can see changes (state, image, window, zoom), and only then.
 */
import { Enums, type RenderingEngine, type Types } from '@cornerstonejs/core';
import type { Types as ToolTypes } from '@cornerstonejs/tools';
import type { ViewportCue } from '../case/schema';
import type { SeriesSource, UserInteraction, ViewerCallbacks, ViewportStatus, ViewportTarget } from './types';
import type { LoadedSeries } from './series-loader';
import { setElementOwner } from './cue-arrow-tool';
import { SlotArrows } from './slot-arrows';
import { watchArrowEditing } from './arrow-editing';
import { frameCue, framingStatus } from './camera';
import { UntilMouseUp, watchUserInput } from './user-input';
import { sliceLocation } from './slice-position';
import { Cine } from './cine';
import { toWindow } from './voi';
import { watchResize } from './resize-watch';
import { followColourRange } from './colour-range';
import { SlotStatus } from './slot-status';
import { cpuDrawsRight, cpuPreferred, enableStackViewport, useCpuFor } from './render-path';
import type { WindowLevel } from '../case/presets';
import type { SlotHooks } from './slot-hooks';

export type { SlotHooks };

export class ViewportSlot {
  private readonly statusOut: SlotStatus;
  /** The series whose imageIds are on the viewport's stack, if any. */
  shown: LoadedSeries | null = null;
  /** Parallel scale of the camera at fit, recorded when a cue framed the viewport: zoom 1. */
  fitScale = 0;
  /** The cue that framed the viewport, re-applied when the element changes size... */
  framing: ViewportCue | null = null;
  /** Whether the shown series is displayed inverted by nature (MONOCHROME1), before any learner's "Invert". */
  naturalInvert = false;
  /** The element size (CSS pixels) the image was last framed for. */
  private framedSize = '';
  /** ...unless the user zoomed or panned since: then their framing is kept. */
  userFramed = false;
  /** Bumped by every apply; an apply that finds it changed after an await gives up (a newer cue won). */
  generation = 0;
  /** Set while the displayed image failed to decode: scrolling to a good image clears it. */
  private imageError = false;
  /** The last cue applied here and its series, for reset(). */
  lastApplied: { target: ViewportTarget; source: SeriesSource | undefined } | null = null;
  readonly cine: Cine;
  /** The image the viewer itself asked for: the STACK_NEW_IMAGE that brings it is not the learner's scroll. */
  private expectedIndex: number | null = null;
  /** The full-range window of the colour image last shown (colour-range.ts). */
  private colourWindow: WindowLevel | undefined;
  /** Only the VOI changes during the learner's windowing drag are theirs (a cue, reset or preset sets it too). */
  private readonly learnerWindowing = new UntilMouseUp();
  /** The cue arrows shown here (the cue's, or the author's while editing). */
  readonly arrows: SlotArrows;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    readonly id: string,
    readonly element: HTMLDivElement,
    /** Page-unique key (session + viewport), for arrow ownership. */
    readonly ownerKey: string,
    private readonly engine: RenderingEngine,
    private readonly toolGroup: ToolTypes.IToolGroup,
    private readonly callbacks: ViewerCallbacks,
    private readonly hooks: SlotHooks,
  ) {
    this.statusOut = new SlotStatus(id, (status) => callbacks.onStatus(status));
    this.cine = new Cine(
      () => this.step(),
      (fps) => this.update({ cineFps: fps }),
    );
    this.arrows = new SlotArrows(id, ownerKey);
    setElementOwner(element, ownerKey);
    // Most series are grey: where the CPU renderer is preferred, start there (chooseRenderer switches if need be).
    this.enable(cpuPreferred());
    this.listen();
  }

  get viewport(): Types.IStackViewport {
    return this.engine.getViewport<Types.IStackViewport>(this.id);
  }

  get status(): ViewportStatus {
    return this.statusOut.current;
  }

  /** Sends the status if anything in it changed since the last call. */
  update(change: Partial<ViewportStatus>): void {
    this.statusOut.update(change);
  }

  /** Puts the viewport in error; `imageOnly` errors clear when the user reaches a good image. */
  fail(message: string, imageOnly = false): void {
    this.imageError = imageOnly;
    this.update({ state: 'error', error: message, progress: imageOnly ? 1 : this.status.progress });
  }

  /** Marks `index` as the viewer's own move (a cue, a sweep, a linked viewport), made right after this call. */
  expectViewerImage(index: number): void {
    this.expectedIndex = index;
  }

  /** Moves to an image; `byViewer` false means the learner asked (keys, cine): linked viewports follow. */
  go(index: number, byViewer: boolean): Promise<void> {
    const count = this.shown?.imageIds.length ?? 0;
    if (count === 0) return Promise.resolve();
    const target = Math.min(Math.max(0, Math.round(index)), count - 1);
    const viewport = this.viewport;
    if (viewport.getTargetImageIdIndex() === target) return Promise.resolve();
    this.expectedIndex = byViewer ? target : null;
    // Failures are reported through IMAGE_LOAD_ERROR, as for a wheel scroll.
    return viewport.setImageIdIndex(target).then(
      () => undefined,
      () => undefined,
    );
  }

  /** Inverts the grey scale (`on`) relative to how the image is shown by nature (MONOCHROME1 already is). */
  setInverted(on: boolean): void {
    if (!this.shown) return;
    const viewport = this.viewport;
    const invert = on !== this.naturalInvert;
    if (Boolean(viewport.getProperties().invert) !== invert) {
      viewport.setProperties({ invert });
      viewport.render();
    }
    this.update({ inverted: on || undefined });
  }

  /** The status fields that follow the shown image. */
  imageFields(index: number): Partial<ViewportStatus> {
    const header = this.shown?.images[index]?.header;
    const location = header ? sliceLocation(header) : undefined;
    return { imageIndex: index, sliceLocation: location === undefined ? undefined : Math.round(location * 10) / 10 };
  }

  /** One cine frame: the next image, back to the first after the last. */
  private step(): Promise<void> {
    const count = this.shown?.imageIds.length ?? 0;
    if (count < 2) return Promise.resolve();
    return this.go((this.viewport.getTargetImageIdIndex() + 1) % count, false);
  }

  /**
   * Empties the viewport (a series that cannot be shown must not leave the previous one on screen). `fresh`:
   * Cornerstone's viewport is made anew too (see applyCue); otherwise the next setStack replaces what it shows.
   */
  blank(fresh = true): void {
    this.arrows.clear();
    this.cine.stop();
    this.shown = null;
    this.fitScale = 0;
    this.framing = null;
    // Nothing is shown, so there is no window, zoom or position to report (sent with the next update).
    delete this.status.voi;
    delete this.status.zoom;
    delete this.status.visibleBox;
    delete this.status.panned;
    delete this.status.sliceLocation;
    delete this.status.inverted;
    delete this.status.renderer;
    this.colourWindow = undefined;
    if (!fresh) return;
    // The same renderer again: the next series is most often of the same kind (chooseRenderer changes it if not).
    const cpu = this.viewport.getUseCustomRenderingPipeline();
    this.engine.disableElement(this.id);
    this.enable(cpu);
  }

  /**
   * Puts a fresh viewport (before its setStack) on the renderer that draws `image` right and fastest on this
   * machine (render-path.ts), and says which in the status. Without an image (it could not be decoded), WebGL:
   * Cornerstone's error handling while scrolling is the one the viewer is built and tested on.
   */
  chooseRenderer(image: Types.IImage | undefined): void {
    const cpu = image !== undefined && useCpuFor(image);
    if (this.viewport.getUseCustomRenderingPipeline() !== cpu) {
      this.engine.disableElement(this.id);
      this.enable(cpu);
    }
    this.update({ renderer: cpu ? 'cpu' : 'webgl' });
  }

  /** Reads window and zoom back from Cornerstone, e.g. after apply() set them. */
  syncFromViewport(): void {
    const viewport = this.viewport;
    const range = viewport.getProperties().voiRange;
    const voi = range ? toWindow(range) : undefined;
    this.update({ voi, ...this.framingFields() });
  }

  dispose(): void {
    this.generation++; // an apply still in flight for this viewport stops at its next check
    this.arrows.clear();
    this.cine.stop();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.learnerWindowing.end();
    this.toolGroup.removeViewports(this.engine.id, this.id);
    this.engine.disableElement(this.id);
    // Cornerstone keeps its canvas and SVG layer in the element for a later enable; give the element back bare.
    this.element.querySelector(':scope > div.viewport-element')?.remove();
  }

  private sizeKey(): string {
    return `${this.element.clientWidth}x${this.element.clientHeight}`;
  }

  /**
   * Frames image `imageId` as `cue` says (fit, zoom or region) for the element's present size: the viewer's framing,
   * not the learner's. Camera events fired meanwhile report no zoom (fitScale is 0 until the fit is known).
   */
  frame(imageId: string, cue: ViewportCue): void {
    this.fitScale = 0;
    this.fitScale = frameCue(this.viewport, imageId, cue);
    this.framing = cue;
    this.userFramed = false;
    this.framedSize = this.sizeKey();
  }

  /** After a resize: the current image framed again as its cue says. */
  private reframe(cue: ViewportCue): void {
    const imageId = this.viewport.getCurrentImageId();
    if (!imageId) return;
    this.frame(imageId, cue);
    this.viewport.render();
    this.update(this.framingFields());
  }

  private framingFields(): Partial<ViewportStatus> {
    return framingStatus(this.viewport, this.fitScale);
  }

  showsImage(): boolean {
    return this.shown !== null && this.status.state !== 'loading';
  }

  private enable(cpu = false): void {
    enableStackViewport(this.engine, this.id, this.element, cpu);
    this.toolGroup.addViewport(this.id, this.engine.id);
  }

  private listen(): void {
    const { element } = this;
    const on = <T extends Event>(type: string, handler: (e: T) => void): void => {
      element.addEventListener(type, handler as EventListener);
      this.cleanups.push(() => element.removeEventListener(type, handler as EventListener));
    };
    on<Types.EventTypes.StackNewImageEvent>(Enums.Events.STACK_NEW_IMAGE, (e) => {
      const index = e.detail.imageIdIndex;
      if (this.status.renderer === 'cpu' && !cpuDrawsRight(e.detail.image)) return this.hooks.onCpuCannotDraw(this, index);
      const byViewer = this.expectedIndex === index;
      this.expectedIndex = null;
      this.colourWindow = followColourRange(this.viewport, this.colourWindow, e.detail.image);
      const change = this.imageFields(index);
      if (this.imageError) {
        this.imageError = false;
        change.state = 'ready';
      }
      this.update(change);
      if (!byViewer && this.shown) this.hooks.onLearnerImage(this, index);
    });
    on<Types.EventTypes.VoiModifiedEvent>(Enums.Events.VOI_MODIFIED, (e) => {
      this.update({ voi: toWindow(e.detail.range) });
      if (this.learnerWindowing.active && this.shown) this.hooks.onLearnerWindow(this, e.detail.range);
    });
    on<Types.EventTypes.CameraModifiedEvent>(Enums.Events.CAMERA_MODIFIED, () => {
      if (this.shown && this.fitScale) this.update(this.framingFields());
    });
    // Author mode: before watchUserInput and Cornerstone, a press on a cue arrow is the arrow editor's.
    this.cleanups.push(watchArrowEditing(this, () => this.hooks.arrowEditor()));
    this.cleanups.push(
      watchUserInput(
        element,
        (kind: UserInteraction) => {
          if (!this.shown) return;
          if (kind === 'zoom' || kind === 'pan') this.userFramed = true;
          // The wheel's scroll is the learner's, even onto the image a cue last asked for.
          if (kind === 'scroll') this.expectedIndex = null;
          // Said on the drag's first move, before Cornerstone's own handler for it (watchUserInput listens on
          // window in the capture phase): the first VOI change of the drag is already the learner's.
          if (kind === 'window') this.learnerWindowing.start();
          this.callbacks.onUserInteraction(this.id, kind);
        },
        () => this.hooks.leftKind(),
      ),
    );
    // A step that changes the layout has sized and framed its viewports already (frame): no second render.
    this.cleanups.push(
      watchResize(element, () => {
        if (this.engine.hasBeenDestroyed || this.sizeKey() === this.framedSize) return;
        this.engine.resize(true, true);
        if (this.shown && this.framing && !this.userFramed) this.reframe(this.framing);
      }),
    );
  }
}
