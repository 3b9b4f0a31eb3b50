/**
 * A case's cues as presentation states: one `GspsView` per cue viewport and image (the viewport's own image, plus
 * any other image its arrows are placed on), with the window resolved to numbers (explicit, preset, else the
 * series default the caller computes as the viewer does), the framing as a pixel box, the arrows with their tails.
 */
import { defaultTail } from '../../case/arrow-geometry';
import { isPresetName, WINDOW_PRESETS, type WindowLevel } from '../../case/presets';
import type { ParsedCase, ViewportCue } from '../../case/schema';
import type { DicomHeader } from '../header';
import type { GspsArrow, GspsView } from './types';

export interface GspsTarget {
  /** A file name for it: cue, viewport, series and image, so a folder of them sorts in lesson order. */
  name: string;
  /** 1-based, as the page numbers steps. */
  stepNumber: number;
  viewport: string;
  seriesKey: string;
  imageIndex: number;
  /** The referenced image's header (its file name is the path in the case folder). */
  header: DicomHeader;
  view: GspsView;
}

/** The window a series shows when its cue names none, in modality units; undefined when it cannot be known. */
export type SeriesDefaultWindow = (seriesKey: string, headers: readonly DicomHeader[]) => Promise<WindowLevel | undefined>;

/** Content Label is a CS of at most 16 characters: capitals, digits, space and underscore (PS3.5 6.2). */
export function contentLabel(caseId: string, stepNumber: number): string {
  const suffix = `_S${stepNumber}`;
  return caseId.toUpperCase().replace(/[^A-Z0-9]/g, '_').slice(0, 16 - suffix.length) + suffix;
}

/**
 * Content Description is an LO: 64 characters, no backslash; cut with ASCII dots (64 bytes in UTF-8 too). The
 * step comes first, since a case title alone can fill it (the label names the case too).
 */
export function contentDescription(caseTitle: string, stepNumber: number, stepTitle: string): string {
  const text = `Step ${stepNumber}: ${stepTitle} (${caseTitle})`.replace(/[\\\r\n]/g, ' ');
  return fitLo(text);
}

/** At most 64 bytes of UTF-8, cut at a character, "..." marking a cut. */
export function fitLo(text: string): string {
  const bytes = (t: string): number => new TextEncoder().encode(t).length;
  if (bytes(text) <= 64) return text;
  let cut = [...text];
  while (cut.length && bytes(`${cut.join('')}...`) > 64) cut = cut.slice(0, -1);
  return `${cut.join('').trimEnd()}...`;
}

/** The cue's framing as a pixel box: its region, else its zoom about the image centre; undefined = whole image. */
export function cueBox(cue: ViewportCue, columns: number, rows: number): GspsView['region'] {
  if (cue.region) return cue.region.box;
  if (!cue.zoom || cue.zoom === 1) return undefined;
  const halfW = columns / cue.zoom / 2;
  const halfH = rows / cue.zoom / 2;
  const cx = (columns - 1) / 2;
  const cy = (rows - 1) / 2;
  return [cx - halfW, cy - halfH, cx + halfW, cy + halfH];
}

function explicitWindow(cue: ViewportCue): WindowLevel | undefined {
  if (cue.window) return cue.window;
  if (cue.preset && isPresetName(cue.preset)) return WINDOW_PRESETS[cue.preset];
  return undefined;
}

function stepNumberOf(c: ParsedCase, segmentId: string): number {
  const stepId = c.transcript.find((s) => s.id === segmentId)?.step;
  return c.steps.findIndex((s) => s.id === stepId) + 1;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Every presentation state the case's cues make; `headers` are each series' sorted headers (image n = entry n). */
export async function caseGspsTargets(
  c: ParsedCase,
  headers: ReadonlyMap<string, readonly DicomHeader[]>,
  seriesDefault: SeriesDefaultWindow,
): Promise<GspsTarget[]> {
  const defaults = new Map<string, WindowLevel | undefined>();
  const out: GspsTarget[] = [];
  for (const [cueIndex, cue] of c.cues.entries()) {
    const stepNumber = stepNumberOf(c, cue.at);
    const stepTitle = c.steps[stepNumber - 1]?.title ?? '';
    for (const [viewport, vp] of Object.entries(cue.viewports)) {
      const stack = headers.get(vp.series);
      if (!stack) throw new Error(`cue ${cueIndex + 1} (${cue.at}), viewport "${viewport}": series "${vp.series}" has no images in the case folder`);
      let window = explicitWindow(vp);
      if (!window) {
        if (!defaults.has(vp.series)) defaults.set(vp.series, await seriesDefault(vp.series, stack));
        window = defaults.get(vp.series);
      }
      const byImage = new Map<number, GspsArrow[]>([[vp.imageIndex, []]]);
      for (const arrow of vp.arrows) {
        const index = arrow.imageIndex ?? vp.imageIndex;
        const header = stack[index];
        if (!header) continue; // the case checker reports an arrow on a missing image
        const tail = arrow.tail ?? defaultTail(arrow.tip, header.columns, header.rows);
        byImage.set(index, [...(byImage.get(index) ?? []), { tip: [...arrow.tip], tail: [...tail], label: arrow.label }]);
      }
      for (const [imageIndex, arrows] of byImage) {
        const header = stack[imageIndex];
        if (!header) throw new Error(`cue ${cueIndex + 1} (${cue.at}), viewport "${viewport}": series "${vp.series}" has no image ${imageIndex + 1}`);
        const region = cueBox(vp, header.columns, header.rows);
        out.push({
          name: `${pad(cueIndex + 1, 3)}-${viewport}-${vp.series}-${pad(imageIndex + 1, 4)}.dcm`,
          stepNumber,
          viewport,
          seriesKey: vp.series,
          imageIndex,
          header,
          view: {
            image: { sopClassUid: '', sopInstanceUid: header.sopInstanceUID, seriesInstanceUid: header.seriesInstanceUID },
            ...(window ? { window: { center: window.center, width: window.width } } : {}),
            ...(region ? { region: [...region] } : {}),
            arrows,
            notes: [],
            label: contentLabel(c.id, stepNumber),
            description: contentDescription(c.title, stepNumber, stepTitle),
          },
        });
      }
    }
  }
  return out;
}
