/**
 * The case.json an import starts from: every series listed, one step per series with one segment whose cue
 * shows that series' middle image. It passes `cases:check` as it is, and says plainly that the lesson is
 * still to be written.
 */
import { CASE_FORMAT_VERSION, type CaseFile } from '../../case/schema';

export interface ScaffoldSeries {
  key: string;
  label: string;
  modality: string;
  /** Images in position order (frames of multi-frame files counted). */
  imageCount: number;
}

/** Seconds between the placeholder segments. */
const SEGMENT_SPACING = 10;

export function scaffoldCase(caseId: string, series: readonly ScaffoldSeries[]): CaseFile {
  const modalities = [...new Set(series.map((s) => s.modality).filter(Boolean))];
  return {
    formatVersion: CASE_FORMAT_VERSION,
    id: caseId,
    title: `Imported case ${caseId}`,
    unknownTitle: `${modalities.join(' and ') || 'Imaging'} study`,
    summary: 'Imported and de-identified images; the lesson is still to be written.',
    tags: [],
    modalities: modalities.length ? modalities : ['OT'],
    syntheticImages: false,
    series: series.map((s) => ({
      key: s.key,
      label: s.label,
      modality: s.modality || 'OT',
      manifest: `series/${s.key}/manifest.json`,
    })),
    steps: series.map((s) => ({ id: s.key, title: s.label })),
    transcript: series.map((s, i) => ({
      id: `${s.key}-look`,
      start: i * SEGMENT_SPACING,
      step: s.key,
      speaker: 'teacher' as const,
      text: `To write: what the learner should see in "${s.label}".`,
    })),
    cues: series.map((s) => ({
      at: `${s.key}-look`,
      viewports: { main: { series: s.key, imageIndex: Math.floor((s.imageCount - 1) / 2) } },
    })),
  };
}
