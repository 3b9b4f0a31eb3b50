import type { LeftTool } from '../../viewer/types';

const TOOLS: { tool: LeftTool; label: string }[] = [
  { tool: 'window', label: 'Window/level' },
  { tool: 'pan', label: 'Pan' },
  { tool: 'zoom', label: 'Zoom' },
  { tool: 'length', label: 'Length' },
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
}

/**
 * The left mouse button's tool (wheel, right and middle buttons keep scroll, zoom and pan), measurements,
 * overlay text and the cine frame rate. Tools are toggle buttons: the pressed one has the left button.
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
