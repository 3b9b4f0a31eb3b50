/**
 * The learner's own grid: which cells are shown and what each shows, when it differs from the cue. Pure, so the
 * rules (what a new cell shows, what a picked series replaces) are read in one place.
 */
import type { Cue, ViewportCue } from '../../case/schema';
import type { SeriesSource } from '../../viewer/types';

export type LayoutId = '1x1' | '1x2' | '1x3' | '2x2';

/** The grids a learner may pick, in menu order; their names are in the UI dictionary (`viewer.layouts`). */
export const LAYOUTS: readonly { id: LayoutId; count: number }[] = [
  { id: '1x1', count: 1 },
  { id: '1x2', count: 2 },
  { id: '1x3', count: 3 },
  { id: '2x2', count: 4 },
];

/** One grid cell: a viewport name and what it shows, or null for an empty cell waiting for a series. */
export interface Cell {
  id: string;
  cue: ViewportCue | null;
}

/** The cue's own cells, in layout order; the cue objects are the cue's (the viewer compares them by identity). */
export function cueCells(cue: Cue): Cell[] {
  return Object.entries(cue.viewports).map(([id, vp]) => ({ id, cue: vp }));
}

export function layoutOfCount(count: number): LayoutId {
  return LAYOUTS.find((l) => l.count === count)?.id ?? '2x2';
}

/** A series as the learner picks it: its middle image, the series' default window, fit to the viewport. */
export function learnerCue(source: SeriesSource): ViewportCue {
  // A DICOMweb series' image count is known only once the viewer has its metadata: it opens at the first image.
  return { series: source.key, imageIndex: 'files' in source ? Math.floor(source.files.length / 2) : 0, arrows: [] };
}

/**
 * The cells of `layout`: the current cells first (kept as they are), then new cells showing the first series
 * the strip offers that no cell shows yet, or empty once every series is on screen.
 */
export function resizeCells(cells: readonly Cell[], layout: LayoutId, series: readonly SeriesSource[]): Cell[] {
  const count = LAYOUTS.find((l) => l.id === layout)?.count ?? 1;
  const next = cells.slice(0, count);
  for (let n = 1; next.length < count; n++) {
    const id = `cell-${n}`;
    if (next.some((c) => c.id === id)) continue;
    const unseen = series.find((s) => !next.some((c) => c.cue?.series === s.key));
    next.push({ id, cue: unseen ? learnerCue(unseen) : null });
  }
  return next;
}

/** `cells` with `source` shown in cell `id`. */
export function withSeries(cells: readonly Cell[], id: string, source: SeriesSource): Cell[] {
  return cells.map((c) => (c.id === id ? { id, cue: learnerCue(source) } : c));
}
