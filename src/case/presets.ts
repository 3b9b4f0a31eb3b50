/** Named window/level presets as radiologists use them; values in modality units (HU for CT). */
export interface WindowLevel {
  center: number;
  width: number;
}

export const WINDOW_PRESETS = {
  'ct-soft-tissue': { center: 40, width: 400 },
  'ct-mediastinum': { center: 50, width: 350 },
  'ct-bone': { center: 400, width: 1800 },
  'ct-lung': { center: -600, width: 1500 },
  'ct-brain': { center: 40, width: 80 },
  'ct-spine': { center: 60, width: 500 },
} as const satisfies Record<string, WindowLevel>;

export type PresetName = keyof typeof WINDOW_PRESETS;

export const PRESET_NAMES = Object.keys(WINDOW_PRESETS) as PresetName[];

export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(WINDOW_PRESETS, name);
}

/** The presets offered for a modality, in the order a user expects them. */
export function presetsForModality(modality: string): PresetName[] {
  return modality === 'CT' ? PRESET_NAMES.filter((n) => n.startsWith('ct-')) : [];
}
