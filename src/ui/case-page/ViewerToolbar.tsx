import type { LeftTool } from '../../viewer/types';
import { LAYOUTS, type LayoutId } from './grid-layout';
import { WINDOW_PRESETS, type PresetName } from '../../case/presets';

/** A window choice from the menu: a named preset, or the series' own default (header or from the pixels). */
export type PresetChoice = PresetName | 'default';

const TOOLS: { tool: LeftTool; label: string }[] = [
  { tool: 'window', label: 'Window/level' },
  { tool: 'pan', label: 'Pan' },
  { tool: 'zoom', label: 'Zoom' },
  { tool: 'length', label: 'Length' },
  { tool: 'probe', label: 'Probe' },
];

export const CINE_RATES = [5, 10, 15, 20, 30];

interface Props {
  leftTool: LeftTool;
  onLeftTool(tool: LeftTool): void;
  onClearMeasurements(): void;
  overlaysHidden: boolean;
  onToggleOverlays(): void;
  cineFps: number;
  onCineFps(fps: number): void;
  /** The grid shown now (the cue's or the learner's); choosing one is taking over. */
  layout: LayoutId;
  onLayout(layout: LayoutId): void;
  /** Applies a window preset to the focused viewport (else the first); choosing one is taking over. */
  onPreset(choice: PresetChoice): void;
}

/**
 * The left mouse button's tool (wheel, right and middle buttons keep scroll, zoom and pan), measurements,
 * overlay text, the grid layout and the cine frame rate. Tools are toggle buttons: the pressed one has the left button.
 */
export function ViewerToolbar(p: Props) {
  return (
    <div className="viewer-toolbar" role="toolbar" aria-label="Viewer tools">
      {TOOLS.map(({ tool, label }) => (
        <button key={tool} type="button" aria-pressed={p.leftTool === tool} onClick={() => p.onLeftTool(tool)}>
          {label}
        </button>
      ))}
      <button type="button" onClick={p.onClearMeasurements}>
        Clear measurements
      </button>
      <span className="toolbar-gap" />
      <label>
        <span className="visually-hidden">Window preset</span>
        <select
          aria-label="Window preset"
          value=""
          onChange={(e) => {
            if (e.target.value) p.onPreset(e.target.value as PresetChoice);
          }}
        >
          <option value="">W/L preset…</option>
          <option value="default">Default (series)</option>
          {(Object.keys(WINDOW_PRESETS) as PresetName[]).map((name) => (
            <option key={name} value={name}>
              {name.replace(/^ct-/, 'CT ').replace('-', ' ')} ({WINDOW_PRESETS[name].width}/{WINDOW_PRESETS[name].center})
            </option>
          ))}
        </select>
      </label>
      <label className="layout-choice">
        Layout{' '}
        <select value={p.layout} onChange={(e) => p.onLayout(e.target.value as LayoutId)} aria-label="Layout">
          {LAYOUTS.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      <label className="cine-rate">
        Cine{' '}
        <select value={p.cineFps} onChange={(e) => p.onCineFps(Number(e.target.value))} aria-label="Cine frame rate">
          {CINE_RATES.map((r) => (
            <option key={r} value={r}>
              {r} fps
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={p.onToggleOverlays}>
        {p.overlaysHidden ? 'Show overlays' : 'Hide overlays'}
      </button>
    </div>
  );
}
