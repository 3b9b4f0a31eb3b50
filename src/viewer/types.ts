/**
 * The contract between the React UI and the Cornerstone layer. The UI hands the viewer elements and cues; the
 * viewer reports what each viewport shows. Nothing here imports Cornerstone or React.
 */
import type { Arrow, ViewportCue } from '../case/schema';
import type { SeriesFactsByKey } from '../case/cross-check';
import type { ImagePresetName } from '../case/presets';

interface SeriesInfo {
  key: string;
  label: string;
  modality: string;
}

/** A series of Part 10 files, in listed order; the viewer sorts them by position. */
export interface FileSeriesSource extends SeriesInfo {
  /** `name` is the file as the user knows it (shown in errors); `url` is where to fetch it. */
  files: { name: string; url: string }[];
  /**
   * The files are already in position order, one image each (the case's manifest says `"sorted": true`, which
   * `npm run cases:check` verifies): image n is file n, so the viewer shows a cue's image as soon as that one
   * file is here, and downloads the others afterwards.
   */
  sorted?: boolean;
}

/**
 * A series on a DICOMweb server: the viewer searches its instances (QIDO-RS), reads their metadata (WADO-RS) and
 * fetches frames as they are needed. `baseUrl` was resolved from the app's server allowlist, never from the case.
 */
export interface DicomWebSeriesSource extends SeriesInfo {
  dicomweb: { server: string; baseUrl: string; studyInstanceUID: string; seriesInstanceUID: string };
}

/** One series as the viewer loads it. */
export type SeriesSource = FileSeriesSource | DicomWebSeriesSource;

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
  /**
   * The image pixels the viewport shows, [colMin, rowMin, colMax, rowMax] as a cue's `region` box writes them (it
   * may reach past the image's edges). Fitted into a viewport as a cue's region, it frames the image as here.
   */
  visibleBox?: [number, number, number, number];
  /** Set when the image's centre is off the viewport's centre (the view was panned, or framed on a region). */
  panned?: boolean;
  /** Position of the shown image along its slice normal, in mm (absent without image geometry). */
  sliceLocation?: number;
  /** Set while the grey scale is inverted. */
  inverted?: boolean;
  /** Frames per second while cine runs; absent when it does not. */
  cineFps?: number;
  /** Which of Cornerstone's renderers draws the shown series (render-path.ts); absent until one is shown. */
  renderer?: 'webgl' | 'cpu';
}

/** A step of the learner's keyboard on a viewport's view (`ViewerSession.nudge`). */
export type ViewNudge = { window: { width: number; level: number } } | { zoom: number } | { pan: { x: number; y: number } };

/** What a user did to a viewport by hand; playback pauses on it (the learner took over). */
export type UserInteraction = 'scroll' | 'window' | 'zoom' | 'pan' | 'measure';

/** What the left mouse button does; the wheel, right and middle buttons keep scroll, zoom and pan. */
export type LeftTool = 'window' | 'pan' | 'zoom' | 'length' | 'probe';

/**
 * A window to set by hand: explicit values, the series default (what a cue without a window shows), or one read
 * from the image shown (`IMAGE_PRESETS`: MR and other modalities without fixed units).
 */
export type WindowChoice = { center: number; width: number } | 'default' | { image: ImagePresetName };

/**
 * Author mode: what the author's mouse did to the cue arrows (learners' arrows never take the mouse). Indices
 * count in the list last given to `showArrows` for that viewport.
 */
export interface ArrowEditor {
  /** A press on an arrow picked it; a press elsewhere on the image, none (null). */
  select(viewportId: string, index: number | null): void;
  /** A drag of an arrow's tip, tail, label or shaft ended here: the arrow as it now is (image pixels). */
  change(viewportId: string, index: number, arrow: Arrow): void;
}

export interface ViewerCallbacks {
  onStatus(status: ViewportStatus): void;
  onUserInteraction(viewportId: string, kind: UserInteraction): void;
  /** Words the viewer draws on the image: the Probe's label. */
  probeWords: ProbeWords;
}

/** The words of a Probe's label, from the UI's dictionary (the viewer has none of its own). */
export interface ProbeWords {
  /** The value line; `unit` is the modality's (HU on CT), undefined where values have none (an MR signal). */
  value(value: string, unit: string | undefined): string;
  /** The line saying which pixel (0-based column and row). */
  position(column: number, row: number): string;
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
   * Listed viewports named in `keep` that already show something on the same element are left as they are (the
   * learner's own layout change must not undo their scrolling or window in the other viewports).
   */
  apply(targets: ViewportTarget[], series: ReadonlyMap<string, SeriesSource>, keep?: ReadonlySet<string>): Promise<void>;
  /**
   * Draws the middle image (in position order) of a series into `canvas`, at the series' header window, for a
   * thumbnail. Shares the session's download cache. Rejects when the series cannot be read.
   */
  renderThumbnail(source: SeriesSource, canvas: HTMLCanvasElement): Promise<void>;
  /**
   * The image pixel [column, row] (0-based, as case files write arrow points) under a point of the page, on the
   * image a viewport shows; null when it shows none. For placing arrows where an author clicks.
   */
  imagePointAt(viewportId: string, clientX: number, clientY: number): [number, number] | null;
  /** What the session knows of each series it has opened (image count, size, frame of reference), by case key. */
  seriesFacts(): SeriesFactsByKey;
  /** Moves one viewport to an image without touching anything else (sweeps, linked scrolling). */
  scrollTo(viewportId: string, imageIndex: number): void;
  /**
   * Downloads and sorts series ahead of their cues, one after another, so a later cue does not wait for the
   * network (a DICOMweb series' frames too). Failures are kept for when the series is shown (its viewport then
   * says which file and why).
   */
  prefetch(sources: readonly SeriesSource[]): void;
  /**
   * Gets a coming cue's images ready (their files first, then decoded into the image cache), so that cue shows
   * without waiting: the UI calls it with the next step's viewports while the current step is viewed.
   */
  prefetchCue(viewports: readonly { cue: ViewportCue; imageIndex: number }[], series: ReadonlyMap<string, SeriesSource>): void;
  /** The learner's scroll by `delta` images (keys); linked viewports follow by position. Stops at the ends. */
  scrollBy(viewportId: string, delta: number): void;
  /** Back to the last applied cue for this viewport: image, window, framing; invert and cine off. */
  reset(viewportId: string): void;
  invert(viewportId: string): void;
  setWindow(viewportId: string, window: WindowChoice): void;
  /**
   * The learner's keyboard on a viewport: the window wider (+) or narrower (-) by `width` steps and the level up
   * (+) or down (-) by `level` steps; the zoom times `zoom`; the image moved by `pan` (shares of the viewport's
   * width and height, + right and down). Window changes are shared as a drag's are.
   */
  nudge(viewportId: string, change: ViewNudge): void;
  /** Starts cine at `fps` (looping), or stops it with null. */
  setCine(viewportId: string, fps: number | null): void;
  /**
   * Groups of viewport ids that scroll together by patient position when the learner scrolls one of them.
   * Replaces the previous groups; ids not shown are ignored.
   */
  setLinks(groups: readonly (readonly string[])[]): void;
  /**
   * Groups of viewport ids that share the learner's window/level: a window the learner sets in one (drag or preset
   * key) is applied to the others. The cue's own windows and "reset" are not shared. Replaces the previous groups.
   */
  setWindowLinks(groups: readonly (readonly string[])[]): void;
  setLeftTool(tool: LeftTool): void;
  /**
   * Author mode: the viewport shows `arrows` instead of its cue's, now and whenever a cue is applied to it again
   * (no reframing, nothing else changes), with the arrow at `selected` picked; null: the cue's arrows again.
   */
  showArrows(viewportId: string, arrows: readonly Arrow[] | null, selected: number | null): void;
  /** Author mode: the mouse may pick and drag cue arrows, reported to `editor`; null: arrows stay locked. */
  setArrowEditor(editor: ArrowEditor | null): void;
  /** Removes every length and probe measurement of this session (never the cue arrows). */
  clearMeasurements(): void;
  /** Frees GPU and DOM resources. */
  destroy(): void;
}
