/**
 * A case made on the spot for series the user opened from their own disk: one step per series, showing its
 * middle image, with no narration to speak of and nothing to reveal. It goes through the same parser as a
 * case file, so the rest of the app treats it like any other case.
 */
import { parseCase } from './parse';
import type { CaseFile, ParsedCase } from './schema';

export interface AdhocSeries {
  key: string;
  label: string;
  modality: string;
  imageCount: number;
}

export const ADHOC_CASE_ID = 'local-files';

/** Seconds each series' step lasts on the lesson clock: the learner steps through them by hand. */
const STEP_SECONDS = 10;

/** A header's modality as the case format takes it; anything odd is "OT" (other). */
function modalityCode(m: string): string {
  const code = m.trim().toUpperCase();
  return /^[A-Z]{2,4}$/.test(code) ? code : 'OT';
}

export function adhocCase(input: readonly AdhocSeries[]): ParsedCase {
  const series = input.map((s) => ({ ...s, modality: modalityCode(s.modality) }));
  const modalities = [...new Set(series.map((s) => s.modality))];
  const file: CaseFile = {
    formatVersion: 1,
    id: ADHOC_CASE_ID,
    title: `Local files: ${series.length} series`,
    unknownTitle: 'Local files',
    modalities: modalities.length > 0 ? modalities : ['OT'],
    audience: 'anyone',
    series: series.map((s) => ({ key: s.key, label: s.label, modality: s.modality, files: [`${s.key}/1`] })),
    steps: series.map((s) => ({ id: `step-${s.key}`, title: s.label })),
    transcript: series.map((s, i) => ({
      id: `seg-${s.key}`,
      start: i * STEP_SECONDS,
      step: `step-${s.key}`,
      speaker: 'narrator',
      text: `${s.label}: ${s.imageCount} image${s.imageCount === 1 ? '' : 's'}, opened from this computer.`,
    })),
    cues: series.map((s) => ({
      at: `seg-${s.key}`,
      viewports: { main: { series: s.key, imageIndex: Math.floor(s.imageCount / 2) } },
    })),
    // No duration: the lesson's end follows the transcript, so an author retiming segments never runs past it.
  };
  const parsed = parseCase(file);
  if (!parsed.ok) {
    // Built from our own scan: a failure here is a bug in this function, not bad input.
    throw new Error(`ad-hoc case invalid: ${parsed.problems.map((p) => p.message).join('; ')}`);
  }
  return parsed.value;
}

/**
 * Where authoring on local files starts: the ad-hoc case with its words taken out (title, title in unknown mode,
 * each segment's text), so nothing the app wrote ("Local files: 2 series", "…opened from this computer.") ships
 * as the author's; the checker asks for each at its field. The series, steps and views stay.
 */
export function authoringStart(c: ParsedCase): ParsedCase {
  return { ...c, title: '', unknownTitle: '', transcript: c.transcript.map((seg) => ({ ...seg, text: '' })) };
}
