/**
 * The IHE TCE and ATFI codes this app reads (IHE Radiology TCE; scheme IHERADTF unless marked DCM). See
 * docs/case-import.md for what each becomes in a case.
 */
export const IHERADTF = 'IHERADTF';
export const DCM = 'DCM';

export interface Code {
  value: string;
  scheme: string;
  meaning: string;
}

/** The manifest's purpose, from its document title (root Concept Name). */
export const PURPOSES = {
  TCE001: 'teaching',
  TCE002: 'clinical-trial',
  TCE007: 'research',
  TCE008: 'publication',
} as const;
export type Purpose = (typeof PURPOSES)[keyof typeof PURPOSES] | 'other';

/** Reasons to delay the export: shown, never obeyed (the person importing decides). */
export const DELAY_CODES = ['TCE011', 'TCE012', 'TCE013', 'TCE014', 'TCE015', 'TCE016', 'TCE017', 'TCE018'] as const;
export type DelayCode = (typeof DELAY_CODES)[number];

/** The ATFI document's title. */
export const ATFI_TITLE = 'TCE006';
/** Key Object Description (DCM): the free text of a manifest. */
export const KEY_OBJECT_DESCRIPTION = '113012';

/** ATFI items this app reads, by concept name (scheme, value). */
export const ATFI_ITEMS = {
  author: [IHERADTF, 'TCE101'],
  abstract: [IHERADTF, 'TCE104'],
  keywords: [IHERADTF, 'TCE105'],
  history: [DCM, '121060'],
  findings: [DCM, '121071'],
  discussion: [IHERADTF, 'TCE106'],
  differential: [DCM, '111023'],
  diagnosis: [IHERADTF, 'TCE107'],
  anatomy: [DCM, '112005'],
  pathology: [DCM, '111042'],
  category: [IHERADTF, 'TCE109'],
  level: [IHERADTF, 'TCE110'],
} as const;
export type AtfiField = keyof typeof ATFI_ITEMS;

/** TCE110 Level's values, as the case format's difficulty. */
export const LEVELS: Record<string, 'introductory' | 'intermediate' | 'advanced'> = {
  TCE201: 'introductory',
  TCE202: 'intermediate',
  TCE203: 'advanced',
};
