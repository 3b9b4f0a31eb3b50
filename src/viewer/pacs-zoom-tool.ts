/**
 * Cornerstone's ZoomTool at a reading-room speed. Its drag zooms by a factor (1 - 5·dy/height) per mouse move, so a
 * 300 px right-drag gave about 5x on a desktop viewport, and more on a small one. In PACS a fixed drag doubles the
 * zoom whatever the viewport's size: `doublingDistance` CSS pixels of drag (300 by default) zoom 2x, 600 px 4x.
 *
 * ZoomTool 5.14 has no speed option, so the drag's vertical distance is rescaled before its own handler runs: its
 * zoom-to-the-pointer and CPU-renderer paths stay Cornerstone's. Pinch (two fingers) is left as it is.
 */
import { ZoomTool, type Types as ToolTypes } from '@cornerstonejs/tools';

const DEFAULT_DOUBLING_DISTANCE = 300;
/** ZoomTool's own factor: a move of dy pixels scales by (1 - ZOOM_RATE·dy/height). */
const ZOOM_RATE = 5;

export class PacsZoomTool extends ZoomTool {
  static override toolName = 'PacsZoom';
  /** How far down the press being dragged has zoomed so far, in CSS pixels. */
  private applied = 0;

  constructor(toolProps?: ToolTypes.PublicToolProps) {
    super(toolProps);
    const pressed = this.preMouseDownCallback;
    this.preMouseDownCallback = (evt) => {
      this.applied = 0;
      return pressed(evt);
    };
  }

  override _dragCallback(evt: ToolTypes.EventTypes.InteractionEventType): void {
    const { detail } = evt;
    const height = Math.max(1, detail.element.clientHeight);
    const configured: unknown = this.configuration.doublingDistance;
    const doubling = typeof configured === 'number' && configured > 0 ? configured : DEFAULT_DOUBLING_DISTANCE;
    // The distance from the press, not this move's delta: moves Cornerstone drops or merges (its drag starts past
    // a tolerance) would otherwise be lost, and the zoom would depend on how the browser sliced the motion.
    const total = detail.currentPoints.canvas[1] - detail.startPoints.canvas[1];
    const dy = total - this.applied;
    this.applied = total;
    // The move ZoomTool must see so that its (1 - k) equals 2^(-dy/doubling): exponential, so the zoom depends
    // only on how far the mouse went.
    const k = 1 - 2 ** (-dy / doubling);
    const scaled = new CustomEvent(evt.type, {
      detail: { ...detail, deltaPoints: { ...detail.deltaPoints, canvas: [detail.deltaPoints.canvas[0], (k * height) / ZOOM_RATE] as [number, number] } },
    });
    super._dragCallback(scaled);
  }
}
