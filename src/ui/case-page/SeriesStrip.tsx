import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { SeriesSource, ViewerSession } from '../../viewer/types';
import { messages } from '../i18n/messages';

const m = messages.viewer.series;

/** The drag-and-drop type a thumbnail carries: the series key. */
export const SERIES_DRAG_TYPE = 'application/x-case-series';

/** True when a drag carries a series from the strip (viewports accept only those drops). */
export function carriesSeries(e: DragEvent): boolean {
  return e.dataTransfer.types.includes(SERIES_DRAG_TYPE);
}

interface Props {
  series: readonly SeriesSource[];
  /** Null until the first cue is on screen: thumbnails wait, so they do not compete with it. */
  session: ViewerSession | null;
  onPick(source: SeriesSource): void;
}

/**
 * The case's series as thumbnails (their middle image): a click shows the series in the focused viewport, a drag
 * onto a viewport shows it there.
 */
export function SeriesStrip({ series, session, onPick }: Props) {
  return (
    <ul className="series-strip" role="list" aria-label={m.strip}>
      {series.map((s) => (
        <Thumbnail key={s.key} source={s} session={session} onPick={onPick} />
      ))}
    </ul>
  );
}

function Thumbnail({ source, session, onPick }: { source: SeriesSource; session: ViewerSession | null; onPick(s: SeriesSource): void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');

  useEffect(() => {
    const el = canvas.current;
    if (!session || !el) return;
    let alive = true;
    session.renderThumbnail(source, el).then(
      () => alive && setState('ready'),
      (e: unknown) => {
        // The viewport that shows this series names the file and the reason; the strip only says it failed.
        console.warn(e);
        if (alive) setState('error');
      },
    );
    return () => {
      alive = false;
    };
  }, [session, source]);

  return (
    <li className="series-thumb" data-series={source.key} data-thumbnail={state}>
      <button
        type="button"
        draggable
        title={m.thumbnailHint(source.label)}
        onClick={() => onPick(source)}
        onDragStart={(e) => {
          e.dataTransfer.setData(SERIES_DRAG_TYPE, source.key);
          e.dataTransfer.effectAllowed = 'copy';
        }}
      >
        <canvas ref={canvas} width={96} height={96} aria-hidden="true" />
        <span className="series-thumb-label">{source.label}</span>
      </button>
    </li>
  );
}
