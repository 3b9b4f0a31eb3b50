/**
 * A TCE manifest and what the archive holds for it, turned into a de-identified case with a draft case.json:
 * the referenced series through the folder importer (same profile, UID map and date offset), one step per key
 * image in the manifest's order, the Key Object Description as the first segment's text and speaker notes,
 * ATFI items as the case's fields, and a presentation state on a key image as that step's view. Pure, no Node
 * or browser APIs: the command line and the page's worker share it.
 */
import { CASE_FORMAT_VERSION, type CaseFile } from '../../case/schema';
import type { Dataset } from '../deid/dataset';
import { importCase, type ImportOptions, type ImportResult, type SourceFile } from '../import/import-case';
import { readGsps } from '../gsps/read';
import type { GspsView } from '../gsps/types';
import { readManifest, type Manifest } from './kos';
import { isAtfi, readAtfi } from './atfi';
import { atfiCaseFields } from './atfi-case';
import { TextScrubber, type TextReplacement } from './free-text';
import { readDicomFile } from '../deid/dataset';

export interface TceImportInput {
  manifest: Dataset;
  /** The study's SR documents; those that are ATFI reports are read. */
  reports: Dataset[];
  /** The study's presentation states. */
  presentationStates: Dataset[];
  /** The files of every series the manifest references, as retrieved. */
  images: SourceFile[];
}

export interface MissingImage {
  /** 1-based, in the manifest's order. */
  keyImage: number;
  sopInstanceUid: string;
}

export interface TceImportResult extends ImportResult {
  manifest: Manifest;
  /** Key images the archive did not give: the draft has steps for the others. */
  missing: MissingImage[];
  /** Reports and presentation states passed over or read in part, in words. */
  notes: string[];
  /** What the free-text scrubber replaced, per field (never the values). */
  replaced: TextReplacement[];
}

const SEGMENT_SPACING = 10;
const DESCRIPTION_FIELD = 'Key Object Description';

interface Found {
  n: number;
  series: string;
  imageIndex: number;
  sopInstanceUid: string;
}

function findKeyImages(manifest: Manifest, result: ImportResult): { found: Found[]; missing: MissingImage[] } {
  const where = new Map<string, { series: string; firstImage: number }>();
  for (const s of result.series) for (const i of s.source.instances) where.set(i.sopInstanceUid, { series: s.key, firstImage: i.firstImage });
  const found: Found[] = [];
  const missing: MissingImage[] = [];
  manifest.keyImages.forEach((k, i) => {
    const at = where.get(k.sopInstanceUid);
    if (!at) return missing.push({ keyImage: i + 1, sopInstanceUid: k.sopInstanceUid });
    // Referenced Frame Number is 1-based; the case's image index counts frames.
    found.push({ n: i + 1, series: at.series, imageIndex: at.firstImage + Math.max(0, (k.frames[0] ?? 1) - 1), sopInstanceUid: k.sopInstanceUid });
  });
  return { found, missing };
}

function viewportOf(f: Found, view: GspsView | undefined, scrub: (field: string, t: string) => string) {
  return {
    series: f.series,
    imageIndex: f.imageIndex,
    ...(view?.window ? { window: view.window } : {}),
    ...(view?.region ? { region: { box: view.region } } : {}),
    arrows: (view?.arrows ?? []).map((a) => ({ tip: a.tip, tail: a.tail, label: a.label ? scrub('Presentation state', a.label) : '' })),
  };
}

export function importTce(input: TceImportInput, options: ImportOptions): TceImportResult {
  const manifest = readManifest(input.manifest);
  const notes: string[] = [];
  // Identifiers are read before the images are de-identified (importCase works in place).
  const firstImages: Dataset[] = [];
  const seenSeries = new Set<string>();
  for (const f of input.images) {
    try {
      const ds = readDicomFile(f.bytes).dict;
      const series = String(ds['0020000E']?.Value?.[0] ?? '');
      if (!seenSeries.has(series)) {
        seenSeries.add(series);
        firstImages.push(ds);
      }
    } catch {
      // importCase names the file that cannot be read
    }
  }
  const atfiSets = input.reports.filter(isAtfi);
  const scrubber = new TextScrubber([input.manifest, ...atfiSets, ...input.presentationStates, ...firstImages]);
  const scrub = (field: string, t: string): string => scrubber.scrub(field, t);

  const result = importCase(input.images, options);
  const { found, missing } = findKeyImages(manifest, result);

  const views = new Map<string, GspsView>();
  for (const ps of input.presentationStates) {
    const read = readGsps(ps);
    const label = read.views[0]?.label || 'without a label';
    const matching = read.views.filter((v) => found.some((f) => f.sopInstanceUid === v.image.sopInstanceUid));
    if (matching.length === 0) {
      notes.push(`presentation state "${scrub('Presentation state', label)}" references no key image of the manifest: ignored`);
      continue;
    }
    for (const note of read.notes) notes.push(`presentation state "${scrub('Presentation state', label)}": ${note}, passed over`);
    for (const v of matching) if (!views.has(v.image.sopInstanceUid)) views.set(v.image.sopInstanceUid, v);
  }

  const description = manifest.description ? scrub(DESCRIPTION_FIELD, manifest.description) : '';
  const stepId = (f: Found): string => `key-image-${f.n}`;
  const segmentId = (f: Found): string => `${stepId(f)}-look`;
  const speakerNotes: Record<string, string> = {};
  if (found[0] && description) speakerNotes[stepId(found[0])] = description;
  for (const f of found) {
    const extra = views.get(f.sopInstanceUid)?.notes.map((t) => scrub('Presentation state', t)) ?? [];
    if (extra.length) speakerNotes[stepId(f)] = [speakerNotes[stepId(f)], ...extra].filter(Boolean).join('\n\n');
  }

  const modalities = [...new Set(result.series.map((s) => s.modality))];
  const atfi = atfiSets.map(readAtfi);
  for (const a of atfi) for (const p of a.problems) notes.push(`ATFI report: ${p}`);
  const fromAtfi = found.length
    ? atfiCaseFields(
        { sopInstanceUid: '', problems: [], fields: Object.assign({}, ...atfi.map((a) => a.fields)) },
        scrubber,
        { first: stepId(found[0]!), last: stepId(found[found.length - 1]!) },
      )
    : { fields: {}, reveal: [] };

  const caseFile: CaseFile = found.length
    ? {
        formatVersion: CASE_FORMAT_VERSION,
        id: options.caseId,
        title: fromAtfi.fields.title ?? (description.split('\n')[0]?.slice(0, 120) || `Imported case ${options.caseId}`),
        unknownTitle: `${modalities.join(' and ') || 'Imaging'} study`,
        summary: fromAtfi.fields.summary ?? 'Imported from a teaching-file manifest; the lesson is still to be written.',
        tags: fromAtfi.fields.tags ?? [],
        modalities: modalities.length ? modalities : ['OT'],
        ...(fromAtfi.fields.difficulty ? { difficulty: fromAtfi.fields.difficulty } : {}),
        ...(fromAtfi.fields.imageCredit ? { imageCredit: fromAtfi.fields.imageCredit } : {}),
        syntheticImages: false,
        series: result.series.map((s) => ({ key: s.key, label: s.label, modality: s.modality, manifest: `series/${s.key}/manifest.json` })),
        steps: found.map((f) => ({ id: stepId(f), title: `Key image ${f.n}` })),
        transcript: found.map((f, i) => ({
          id: segmentId(f),
          start: i * SEGMENT_SPACING,
          step: stepId(f),
          speaker: 'teacher' as const,
          text: i === 0 && description ? description : `To write: what the learner should see in key image ${f.n}.`,
        })),
        cues: found.map((f) => ({ at: segmentId(f), viewports: { main: viewportOf(f, views.get(f.sopInstanceUid), scrub) } })),
        reveal: fromAtfi.reveal,
        ...(fromAtfi.fields.findings ? { findings: fromAtfi.fields.findings } : {}),
        speakerNotes,
      }
    : result.caseFile;
  return { ...result, caseFile, manifest, missing, notes, replaced: scrubber.replaced };
}
