import type { Cell } from './grid-layout';
import type { SeriesSource } from '../../viewer/types';
import { messages } from '../i18n/messages';

const m = messages.layout;

interface Props {
  cells: readonly Cell[];
  series: Map<string, SeriesSource>;
  /** The cell shown while the grid is too narrow for all of its images. */
  shown: string;
  onShow(cellId: string): void;
}

/**
 * One button per cell, named after its series. Rendered always, shown only when the viewer is too narrow for the
 * cue's images side by side (responsive.css decides by the viewer's width): then only the chosen cell shows, and the
 * others live on hidden, so linked scrolling and arrows keep going.
 */
export function ViewportSwitch({ cells, series, shown, onShow }: Props) {
  return (
    <div className={`viewport-switch count-${cells.length}`} role="group" aria-label={m.viewportSwitch}>
      {cells.map((c) => (
        <button key={c.id} type="button" aria-pressed={c.id === shown} onClick={() => onShow(c.id)}>
          {c.cue ? (series.get(c.cue.series)?.label ?? c.cue.series) : m.emptyCell}
        </button>
      ))}
    </div>
  );
}
