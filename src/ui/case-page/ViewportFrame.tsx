import type { ViewportCue } from '../../case/schema';
import type { SeriesSource } from '../../viewer/types';
import { useViewportStatus } from '../viewport-status';

interface Props {
  viewportId: string;
  cue: ViewportCue;
  source: SeriesSource | undefined;
  listingError: string | undefined;
  register(viewportId: string, el: HTMLDivElement | null): void;
}

/**
 * One viewport: the element Cornerstone draws into, and the corner overlay (series, image n / N, W/L). No patient
 * data is shown: only the case's own series label. The stable hooks (role, aria-label, data-*) describe what the
 * viewer reports it shows, not what the cue asks for, so a test waiting on them waits for the pixels.
 */
export function ViewportFrame({ viewportId, cue, source, listingError, register }: Props) {
  const status = useViewportStatus((s) => s.byId[viewportId]);
  const label = source?.label ?? cue.series;
  const shown = status && status.seriesKey === cue.series ? status : undefined;
  const state = listingError ? 'error' : (shown?.state ?? 'loading');
  const error = listingError ? `${cue.series}: ${listingError}` : shown?.error;
  const ariaLabel =
    state === 'ready' && shown
      ? `${label}, image ${shown.imageIndex + 1} of ${shown.imageCount}`
      : state === 'error'
        ? `${label}, failed to load`
        : `${label}, loading`;

  return (
    <div
      className={`viewport viewport-${state}`}
      role="img"
      aria-label={ariaLabel}
      data-viewport={viewportId}
      data-series={shown?.seriesKey ?? ''}
      data-image-index={shown ? String(shown.imageIndex) : ''}
      data-state={state}
    >
      <div className="viewport-element" ref={(el) => register(viewportId, el)} onContextMenu={(e) => e.preventDefault()} />
      <div className="viewport-overlay" aria-hidden="true">
        <span className="corner top-left">{label}</span>
        <span className="corner top-right">{source?.modality ?? ''}</span>
        {shown && shown.state === 'ready' && (
          <>
            <span className="corner bottom-left">
              Im {shown.imageIndex + 1} / {shown.imageCount}
            </span>
            {shown.voi && (
              <span className="corner bottom-right">
                W {Math.round(shown.voi.width)} L {Math.round(shown.voi.center)}
              </span>
            )}
          </>
        )}
      </div>
      {state === 'loading' && (
        <div className="viewport-progress">
          <progress max={1} value={shown?.progress ?? 0} aria-label={`Loading ${label}`} />
        </div>
      )}
      {state === 'error' && error && (
        <p className="viewport-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
