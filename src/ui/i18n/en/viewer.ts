import type { AnyPresetName } from '../../../case/presets';
import type { LeftTool } from '../../../viewer/types';
import type { LayoutId } from '../../case-page/grid-layout';

/** The viewer's frame in the UI: its toolbar, each viewport's name and corner overlay, links, the series strip. */
export const viewer = {
  /** The region around the viewports, on every page that has them. */
  area: 'Images',
  couldNotStart: (reason: string) => `The image viewer could not start: ${reason}`,
  toolbar: 'Viewer tools',
  tools: { window: 'Window/level', pan: 'Pan', zoom: 'Zoom', length: 'Length', probe: 'Probe' } satisfies Record<LeftTool, string>,
  clearMeasurements: 'Clear measurements',
  windowPreset: 'Window preset',
  presetPrompt: 'W/L preset…',
  presetDefault: 'Default (series)',
  presetNames: {
    'ct-soft-tissue': 'CT soft tissue',
    'ct-mediastinum': 'CT mediastinum',
    'ct-bone': 'CT bone',
    'ct-lung': 'CT lung',
    'ct-brain': 'CT brain',
    'ct-spine': 'CT spine',
    'image-auto': 'Auto (this image)',
    'image-tissue': 'Tissue contrast',
    'image-bright': 'Bright detail',
    'image-dark': 'Dark detail',
  } satisfies Record<AnyPresetName, string>,
  presetOption: (name: string, width: number, center: number) => `${name} (${width}/${center})`,
  /** The menu's heading over the presets of the viewport it acts on (CT's in HU; others read from the image). */
  presetGroup: (modality: string) => `${modality || 'Image'} presets`,
  layout: 'Layout',
  layouts: { '1x1': '1 x 1', '1x2': '1 x 2', '1x3': '1 x 3', '2x2': '2 x 2' } satisfies Record<LayoutId, string>,
  cine: 'Cine',
  cineRate: 'Cine frame rate',
  fps: (fps: number) => `${fps} fps`,
  showOverlays: 'Show overlays',
  hideOverlays: 'Hide overlays',
  /** A viewport's accessible name (a stable hook: "<series>, image n of N"). */
  viewport: {
    ready: (series: string, image: number, count: number) => `${series}, image ${image} of ${count}`,
    failed: (series: string) => `${series}, failed to load`,
    loading: (series: string) => `${series}, loading`,
    progress: (series: string) => `Loading ${series}`,
  },
  /** The corner overlay's abbreviations, as radiologists read them. */
  overlay: {
    zoom: (zoom: number) => `Zoom ${zoom.toFixed(1)}x`,
    cine: (fps: number) => `Cine ${fps} fps`,
    inverted: 'Inverted',
    image: (image: number, count: number) => `Im ${image} / ${count}`,
    location: (mm: number) => `Loc ${mm.toFixed(1)} mm`,
    window: (width: number, center: number) => `W ${width} L ${center}`,
  },
  /** The Probe's label on the image: the value, then the pixel it was read at. */
  probe: {
    value: (value: string, unit: string | undefined) => (unit ? `${value} ${unit}` : `Signal ${value}`),
    position: (column: number, row: number) => `at pixel ${column}, ${row}`,
  },
  /** Said to a screen reader after a key changed the focused viewport's window or zoom. */
  readout: {
    window: (width: number, center: number) => `Window ${width}, level ${center}`,
    zoom: (zoom: number) => `Zoom ${zoom.toFixed(1)} times`,
  },
  link: {
    link: 'Link',
    unlink: 'Unlink',
    linkedHint: 'Scrolls with its linked viewports: click to scroll it alone',
    aloneHint: 'Scrolls alone: click to link it again',
    shareWindow: 'Share W/L',
    unshareWindow: 'Unshare W/L',
    sharedHint: 'A window set here is set in the linked viewports: click to window each alone',
    shareHint: 'Click to set the same window in every linked viewport',
  },
  series: {
    strip: 'Series',
    thumbnailHint: (series: string) => `${series}: click to show it in the focused viewport, or drag it onto a viewport`,
  },
  dropSeries: 'Drop a series here',
};
