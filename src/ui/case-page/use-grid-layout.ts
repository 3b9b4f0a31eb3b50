/**
 * The grid the learner sees: the cue's cells, or the learner's own layout and series, and which cell is
 * maximised. The learner's choices belong to the cue and the cue epoch they were made in, so a new cue or
 * "Return to lesson" (a cueEpoch bump) brings the cue's layout back without an effect racing the viewer.
 */
import { useMemo, useState } from 'react';
import type { Cue } from '../../case/schema';
import type { SeriesSource } from '../../viewer/types';
import { cueCells, resizeCells, withSeries, type Cell, type LayoutId } from './grid-layout';

interface Owned<T> {
  cue: Cue;
  epoch: number;
  value: T;
}

export interface GridLayout {
  cells: Cell[];
  /** The cell shown alone, the others hidden (their viewports live on), or null. */
  maximised: string | null;
  setLayout(layout: LayoutId): void;
  showSeries(cellId: string, source: SeriesSource): void;
  toggleMaximised(cellId: string): void;
  /** Restores the grid if a cell is maximised; says whether it was. */
  restore(): boolean;
}

export function useGridLayout(cue: Cue, epoch: number, series: readonly SeriesSource[], takeOver: () => void): GridLayout {
  const [own, setOwn] = useState<Owned<Cell[]> | null>(null);
  const [max, setMax] = useState<Owned<string> | null>(null);
  const current = <T,>(o: Owned<T> | null): o is Owned<T> => o !== null && o.cue === cue && o.epoch === epoch;
  const fromCue = useMemo(() => cueCells(cue), [cue]);
  const cells = current(own) ? own.value : fromCue;
  const maximised = current(max) && cells.some((c) => c.id === max.value) ? max.value : null;

  return {
    cells,
    maximised,
    setLayout(layout) {
      takeOver();
      setOwn({ cue, epoch, value: resizeCells(cells, layout, series) });
      setMax(null);
    },
    showSeries(cellId, source) {
      takeOver();
      setOwn({ cue, epoch, value: withSeries(cells, cellId, source) });
    },
    toggleMaximised(cellId) {
      if (maximised === cellId) return setMax(null);
      takeOver();
      setMax({ cue, epoch, value: cellId });
    },
    restore() {
      if (!maximised) return false;
      setMax(null);
      return true;
    },
  };
}
