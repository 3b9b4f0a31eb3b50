/**
 * "Capture view": what the viewports show now, as the cue of a segment. The viewer reports each viewport's
 * series, image, window and framing; the order is the grid's, as laid out on the page.
 *
 * The framing is stored as a `region`: the image pixels the author's viewport showed, which the viewer fits into
 * the learner's viewport, centred. Zoom alone dropped the pan; zoom plus a centre point would crop another part
 * in a viewport of another shape (zoom counts from the fit, and the fit depends on the shape). A region shows the
 * learner at least everything the author saw, centred on the same point, so an arrow near the edge of the
 * author's view stays on screen; on a viewport of the author's size it is the author's view exactly.
 */
import type { Cue, ViewportCue } from '../../case/schema';
import type { ViewportStatus } from '../../viewer/types';

export function capturedViewports(
  order: readonly string[],
  statuses: Readonly<Record<string, ViewportStatus>>,
  previous: Cue | undefined,
): Record<string, ViewportCue> {
  const viewports: Record<string, ViewportCue> = {};
  for (const id of order) {
    const st = statuses[id];
    if (!st || st.state !== 'ready' || !st.seriesKey) continue;
    // Arrows stay when the viewport still shows the image they were placed on.
    const before = previous?.viewports[id];
    const keep = before && before.series === st.seriesKey ? before.arrows.filter((a) => (a.imageIndex ?? before.imageIndex) === st.imageIndex) : [];
    viewports[id] = {
      series: st.seriesKey,
      imageIndex: st.imageIndex,
      ...(st.voi ? { window: { center: Math.round(st.voi.center * 10) / 10, width: Math.max(1, Math.round(st.voi.width * 10) / 10) } } : {}),
      ...framing(st),
      arrows: keep.map(({ imageIndex: _unused, ...a }) => a),
    };
  }
  return viewports;
}

/** The viewport ids of the grid as shown, in page order. */
export function shownViewportIds(root: ParentNode = document): string[] {
  return [...root.querySelectorAll<HTMLElement>('[role="img"][data-viewport]')].map((e) => e.dataset.viewport ?? '').filter(Boolean);
}

/** The view fitted and centred (as a cue without framing shows it): nothing to write. Else the region in view. */
function framing(st: ViewportStatus): Pick<ViewportCue, 'region' | 'zoom'> {
  const zoomed = st.zoom !== undefined && Math.abs(st.zoom - 1) > 0.01;
  if (!zoomed && !st.panned) return {};
  if (st.visibleBox) return { region: { box: st.visibleBox } };
  return st.zoom !== undefined ? { zoom: Math.round(st.zoom * 100) / 100 } : {};
}
