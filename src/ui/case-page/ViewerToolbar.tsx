import { useId, useState } from 'react';
import type { LeftTool } from '../../viewer/types';
import { LAYOUTS, type LayoutId } from './grid-layout';
import { isPresetName, presetsForModality, WINDOW_PRESETS, type AnyPresetName } from '../../case/presets';
import { messages } from '../i18n/messages';

const m = messages.viewer;

/** A window choice from the menu: a named preset, or the series' own default (header or from the pixels). */
export type PresetChoice = AnyPresetName | 'default';

/** The left button's tools, in toolbar order. */
const TOOLS: ReadonlyArray<LeftTool> = ['window', 'pan', 'zoom', 'length', 'probe'];

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
  /** The modality of the viewport the preset menu acts on: it offers that modality's presets only. */
  presetModality: string;
  /** Applies a window preset to the focused viewport (else the first); choosing one is taking over. */
  onPreset(choice: PresetChoice): void;
}

/**
 * The left mouse button's tool (wheel, right and middle buttons keep scroll, zoom and pan), measurements,
 * overlay text, the grid layout and the cine frame rate. Tools are toggle buttons: the pressed one has the left button.
 */
export function ViewerToolbar(p: Props) {
  // On a narrow viewer the tools fold behind one button (responsive.css); on a wide one the button is not shown.
  const [open, setOpen] = useState(false);
  const itemsId = useId();
  return (
    <div className={open ? 'viewer-toolbar open' : 'viewer-toolbar'} role="toolbar" aria-label={m.toolbar}>
      <button type="button" className="tools-menu-button" aria-expanded={open} aria-controls={itemsId} onClick={() => setOpen((o) => !o)}>
        {messages.layout.toolsMenu}
      </button>
      <div className="toolbar-items" id={itemsId}>
        {TOOLS.map((tool) => (
          <button key={tool} type="button" aria-pressed={p.leftTool === tool} onClick={() => p.onLeftTool(tool)}>
            {m.tools[tool]}
          </button>
        ))}
        <button type="button" onClick={p.onClearMeasurements}>
          {m.clearMeasurements}
        </button>
        <span className="toolbar-gap" />
        <label>
          <span className="visually-hidden">{m.windowPreset}</span>
          <select
            aria-label={m.windowPreset}
            value=""
            onChange={(e) => {
              if (e.target.value) p.onPreset(e.target.value as PresetChoice);
            }}
          >
            <option value="">{m.presetPrompt}</option>
            <option value="default">{m.presetDefault}</option>
            <optgroup label={m.presetGroup(p.presetModality)}>
              {presetsForModality(p.presetModality).map((name) => (
                <option key={name} value={name}>
                  {isPresetName(name)
                    ? m.presetOption(m.presetNames[name], WINDOW_PRESETS[name].width, WINDOW_PRESETS[name].center)
                    : m.presetNames[name]}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label className="layout-choice">
          {m.layout}{' '}
          <select value={p.layout} onChange={(e) => p.onLayout(e.target.value as LayoutId)} aria-label={m.layout}>
            {LAYOUTS.map((l) => (
              <option key={l.id} value={l.id}>
                {m.layouts[l.id]}
              </option>
            ))}
          </select>
        </label>
        <label className="cine-rate">
          {m.cine}{' '}
          <select value={p.cineFps} onChange={(e) => p.onCineFps(Number(e.target.value))} aria-label={m.cineRate}>
            {CINE_RATES.map((r) => (
              <option key={r} value={r}>
                {m.fps(r)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={p.onToggleOverlays}>
          {p.overlaysHidden ? m.showOverlays : m.hideOverlays}
        </button>
      </div>
    </div>
  );
}
