/**
 * The contract between the React UI and the Cornerstone layer. The UI hands the viewer elements and cues; the
 * viewer reports what each viewport shows. Nothing here imports Cornerstone or React.
 */
import type { ViewportCue } from '../case/schema';

/** One series as the viewer loads it: the files in listed order; the viewer sorts them by position. */
export interface SeriesSource {
  key: string;
  label: string;
  modality: string;
  /** `name` is the file as the user knows it (shown in errors); `url` is where to fetch it. */
  files: { name: string; url: string }[];
}

export type ViewportLoadState = 'loading' | 'ready' | 'error';

export interface ViewportStatus {
  viewportId: string;
  seriesKey: string | null;
  seriesLabel: string;
  modality: string;
  /** 0-based index in position order. */
  imageIndex: number;
  imageCount: number;
  state: ViewportLoadState;
  /** 0..1 while loading. */
  progress: number;
  /** Names the file and the reason, when state is 'error'. */
  error?: string;
  voi?: { center: number; width: number };
  /** 1 = fit to the viewport. */
  zoom?: number;
}

/** What a user did to a viewport by hand; playback pauses on it (the learner took over). */
export type UserInteraction = 'scroll' | 'window' | 'zoom' | 'pan';

export interface ViewerCallbacks {
  onStatus(status: ViewportStatus): void;
  onUserInteraction(viewportId: string, kind: UserInteraction): void;
}

/** A cue for one viewport, with the image to show now already resolved (sweeps are resolved by the caller). */
export interface ViewportTarget {
  viewportId: string;
  element: HTMLDivElement;
  cue: ViewportCue;
  imageIndex: number;
}

export interface ViewerSession {
  /**
   * Makes the viewports match the targets: enables new elements, disables viewports no longer listed, loads
   * series (reporting progress), sets the image, window/level (explicit, preset, or the series default), zoom or
   * region, and shows exactly the cue's arrows. Resolves when every listed viewport is ready or in error.
   */
  apply(targets: ViewportTarget[], series: ReadonlyMap<string, SeriesSource>): Promise<void>;
  /** Moves one viewport to an image without touching anything else (sweeps, linked scrolling). */
  scrollTo(viewportId: string, imageIndex: number): void;
  /** Frees GPU and DOM resources. */
  destroy(): void;
}
