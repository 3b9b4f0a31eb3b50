import type { DragEvent, KeyboardEvent } from 'react';
import type { ViewportCue } from '../../case/schema';
import type { SeriesSource } from '../../viewer/types';
import { doubleClickAction } from '../../viewer/gestures';
import { useViewportStatus } from '../viewport-status';
import { countRender } from '../render-count';
import { messages } from '../i18n/messages';

const m = messages.viewer;

interface Props {
  viewportId: string;
  cue: ViewportCue;
  source: SeriesSource | undefined;
  listingError: string | undefined;
  register(viewportId: string, el: HTMLDivElement | null): void;
  /** A key pressed while this viewport has the focus. */
  onKey(viewportId: string, e: KeyboardEvent<HTMLDivElement>): void;
  /** Undefined when the cue links this viewport to no other; else whether it scrolls with them now. */
  linked: boolean | undefined;
  onToggleLink(viewportId: string): void;
  /** Undefined when the viewport is in no link group now; else whether its group shares window/level. */
  sharesWindow: boolean | undefined;
  onToggleShareWindow(viewportId: string): void;
  /** Hidden while another cell is maximised: the viewport lives on, out of sight. */
  hidden?: boolean;
  /** Not the cell a narrow screen shows alone (responsive.css hides it there). */
  soloOut?: boolean;
  /** Double-click: maximise this viewport, or restore the grid. */
  onToggleMaximised(viewportId: string): void;
  /** The frame (or Cornerstone's element in it) took the focus: the series strip's target. */
  onFocusCell(viewportId: string): void;
  onDragOver(e: DragEvent): void;
  onDrop(viewportId: string, e: DragEvent): void;
}

/**
 * One viewport: the element Cornerstone draws into, and the corner overlay (series, modality, zoom, image n / N,
 * slice location, W/L). No patient data is shown: only the case's own series label. The stable hooks (role,
 * aria-label, data-*) describe what the viewer reports it shows, not what the cue asks for, so a test waiting on
 * them waits for the pixels. The frame takes the keyboard focus (Tab, or a click) for the viewport's own keys.
 * The link buttons sit beside the frame, not in it (an image's children are not reachable by role), under the
 * series name they act on, clear of every corner.
 */
export function ViewportFrame(props: Props) {
  countRender('ViewportFrame');
  const { viewportId, cue, source, listingError, register, onKey, linked, onToggleLink, sharesWindow } = props;
  const status = useViewportStatus((s) => s.byId[viewportId]);
  const label = source?.label ?? cue.series;
  const shown = status && status.seriesKey === cue.series ? status : undefined;
  const state = listingError ? 'error' : (shown?.state ?? 'loading');
  const error = listingError ? `${cue.series}: ${listingError}` : shown?.error;
  const ariaLabel =
    state === 'ready' && shown
      ? m.viewport.ready(label, shown.imageIndex + 1, shown.imageCount)
      : state === 'error'
        ? m.viewport.failed(label)
        : m.viewport.loading(label);
  const ready = shown && shown.state === 'ready' ? shown : undefined;

  return (
    <div className={props.soloOut ? 'viewport-cell solo-out' : 'viewport-cell'} hidden={props.hidden}>
      <div
        className={`viewport viewport-${state}`}
        role="img"
        tabIndex={0}
        aria-label={ariaLabel}
        data-viewport={viewportId}
        data-series={shown?.seriesKey ?? ''}
        data-image-index={shown ? String(shown.imageIndex) : ''}
        data-state={state}
        data-renderer={shown?.renderer}
        // Cornerstone's mouse handling keeps the browser from focusing the element on a click: do it here.
        onMouseDown={(e) => e.currentTarget.focus({ preventScroll: true })}
        onKeyDown={(e) => onKey(viewportId, e)}
        onFocus={() => props.onFocusCell(viewportId)}
        onDoubleClick={() => doubleClickAction() === 'maximise' && props.onToggleMaximised(viewportId)}
        onDragOver={props.onDragOver}
        onDrop={(e) => props.onDrop(viewportId, e)}
      >
        <div className="viewport-element" ref={(el) => register(viewportId, el)} onContextMenu={(e) => e.preventDefault()} />
        <div className="viewport-overlay" aria-hidden="true">
          {/* One row: the series name gives way (ellipsis) to the modality and zoom, never runs under them. */}
          <span className="overlay-top">
            <span className="corner top-left">{label}</span>
            <span className="corner top-right">
              <span className="corner-line">{source?.modality ?? ''}</span>
              {ready?.zoom !== undefined && <span className="corner-line zoom">{m.overlay.zoom(ready.zoom)}</span>}
              {ready?.cineFps !== undefined && <span className="corner-line cine">{m.overlay.cine(ready.cineFps)}</span>}
              {ready?.inverted && <span className="corner-line">{m.overlay.inverted}</span>}
            </span>
          </span>
          {ready && (
            <>
              <span className="corner bottom-left">
                <span className="corner-line">{m.overlay.image(ready.imageIndex + 1, ready.imageCount)}</span>
                {ready.sliceLocation !== undefined && (
                  <span className="corner-line location">{m.overlay.location(ready.sliceLocation)}</span>
                )}
              </span>
              {ready.voi && (
                <span className="corner bottom-right">
                  {m.overlay.window(Math.round(ready.voi.width), Math.round(ready.voi.center))}
                </span>
              )}
            </>
          )}
        </div>
        {state === 'loading' && (
          <div className="viewport-progress">
            <progress max={1} value={shown?.progress ?? 0} aria-label={m.viewport.progress(label)} />
          </div>
        )}
        {state === 'error' && error && (
          <p className="viewport-message" role="alert">
            {error}
          </p>
        )}
      </div>
      {linked !== undefined && (
        <div className="link-buttons">
          <button
            type="button"
            className="link-button"
            title={linked ? m.link.linkedHint : m.link.aloneHint}
            onClick={() => onToggleLink(viewportId)}
          >
            {linked ? m.link.unlink : m.link.link}
          </button>
          {sharesWindow !== undefined && (
            <button
              type="button"
              className="link-button"
              aria-pressed={sharesWindow}
              title={sharesWindow ? m.link.sharedHint : m.link.shareHint}
              onClick={() => props.onToggleShareWindow(viewportId)}
            >
              {sharesWindow ? m.link.unshareWindow : m.link.shareWindow}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
