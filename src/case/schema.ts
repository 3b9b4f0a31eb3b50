/**
 * The teaching-case file format, version 1, as a zod schema.
 *
 * A case is data: series (where the DICOM files are), a time-coded transcript grouped into steps, cues that say
 * what each viewport shows from a segment on, and reveal items held back until a step. This schema checks the
 * shape of one file; `validate.ts` adds the cross-checks (keys exist, indices in range, times increase).
 */
import { z } from 'zod';
import { parseClock } from './time';
import { PRESET_NAMES } from './presets';
import { casePathProblem } from './paths';

export const CASE_FORMAT_VERSION = 1;

/** Seconds, written as a number or as clock text ("1:05"). */
export const TimeSchema = z.union([z.number(), z.string()]).transform((value, ctx): number => {
  const seconds = typeof value === 'number' ? value : parseClock(value);
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) {
    ctx.addIssue({
      code: 'custom',
      message: `${JSON.stringify(value)} is not a time: write seconds (75) or "m:ss" ("1:15")`,
    });
    return z.NEVER;
  }
  return seconds;
});

const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes (e.g. "t1-pre")');

/** A point in image pixel coordinates: [column, row], 0-based. */
const PixelPoint = z.tuple([z.number(), z.number()]);

/** A DICOM UID (PS3.5 9.1): numeric components without leading zeros, dot-separated, at most 64 characters. */
const Uid = z
  .string()
  .max(64, 'a DICOM UID has at most 64 characters')
  .regex(/^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*$/, 'a DICOM UID: digits separated by dots, e.g. "1.2.840.10008.1"');

/**
 * A series kept on a DICOMweb server. `server` names an entry of the app's server list (config.json), never a URL:
 * a case file cannot send the viewer to a host the deployment did not allow.
 */
export const DicomWebSeriesSchema = z.strictObject({
  server: Id,
  studyInstanceUID: Uid,
  seriesInstanceUID: Uid,
});

/** A file of the case, named relative to its folder (see paths.ts: no URLs, nothing outside the folder). */
const CasePath = z
  .string()
  .min(1)
  .superRefine((path, ctx) => {
    const problem = casePathProblem(path);
    if (problem) ctx.addIssue({ code: 'custom', message: `should be ${problem}` });
  });

/** Where a series' images are: files in the case folder (listed, or in a manifest), or a DICOMweb server. */
const SeriesFiles = z.union([
  z.strictObject({ files: z.array(CasePath).min(1) }),
  z.strictObject({ manifest: CasePath }),
  z.strictObject({ source: z.strictObject({ dicomweb: DicomWebSeriesSchema }) }),
]);

export const SeriesSchema = z
  .strictObject({
    key: Id,
    label: z.string().min(1),
    modality: z.string().regex(/^[A-Z]{2,4}$/, 'a DICOM modality code such as "MR" or "CT"'),
    description: z.string().optional(),
  })
  .and(SeriesFiles);

export const ArrowSchema = z.strictObject({
  /** Where the arrow head points, on the image named by `imageIndex` (default: the viewport's image). */
  tip: PixelPoint,
  /** Where the arrow starts; default a short way up and to the left of the tip (arrow-geometry.ts). */
  tail: PixelPoint.optional(),
  label: z.string().default(''),
  /** Where the label's centre goes (an author dragged it there); default beside the arrow, clear of other labels. */
  labelAt: PixelPoint.optional(),
  imageIndex: z.number().int().nonnegative().optional(),
});

export const RegionSchema = z.strictObject({
  /**
   * Pixel rectangle [colMin, rowMin, colMax, rowMax] to fit in the viewport, centred. It may reach past the image's
   * edges (a captured view that showed some background beside the image), as long as it overlaps the image.
   */
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]),
});

export const WindowSchema = z.strictObject({
  center: z.number(),
  width: z.number().positive(),
});

export const ViewportCueSchema = z.strictObject({
  series: Id,
  imageIndex: z.number().int().nonnegative(),
  /** Explicit window/level in modality units, or a named preset; neither means the series' own default. */
  window: WindowSchema.optional(),
  preset: z.enum(PRESET_NAMES as [string, ...string[]]).optional(),
  zoom: z.number().positive().max(20).optional(),
  region: RegionSchema.optional(),
  arrows: z.array(ArrowSchema).default([]),
  /** Scroll through images while the segment plays, as a teacher scrolls while talking (playback only). */
  sweep: z
    .strictObject({ from: z.number().int().nonnegative(), to: z.number().int().nonnegative() })
    .optional(),
});

export const CueSchema = z.strictObject({
  /** The transcript segment from which this cue applies (until the next cue). */
  at: Id,
  /** Viewports in layout order, left to right, keyed by a viewport name ("left", "right", ...). */
  viewports: z
    .record(Id, ViewportCueSchema)
    .refine((v) => Object.keys(v).length >= 1 && Object.keys(v).length <= 4, '1 to 4 viewports'),
  /** Groups of viewports that scroll together (their series must share a frame of reference). */
  links: z.array(z.array(Id).min(2)).default([]),
});

export const SegmentSchema = z.strictObject({
  id: Id,
  start: TimeSchema,
  end: TimeSchema.optional(),
  step: Id,
  speaker: z.enum(['teacher', 'narrator', 'learner']).default('teacher'),
  text: z.string().min(1),
});

export const StepSchema = z.strictObject({
  id: Id,
  title: z.string().min(1),
  /** Where "Next step" and links land: `first` segment, the `findings` (first cue with arrows, the default) or a segment id of the step. */
  landing: z.union([z.enum(['first', 'findings']), Id]).optional(),
});

const RevealBase = {
  id: Id,
  /** The step at which the item shows by itself. */
  revealAt: Id,
  title: z.string().min(1),
};

/** One diagnosis and the other names it goes by, so a learner's "chloroma" counts as "leukemic infiltration". */
export const VocabularyEntrySchema = z.strictObject({
  id: Id,
  name: z.string().min(1),
  synonyms: z.array(z.string().min(1)).default([]),
});

export const DifferentialEntrySchema = z.strictObject({
  diagnosis: z.string().min(1),
  reason: z.string().default(''),
  likelihood: z.enum(['most-likely', 'likely', 'consider', 'less-likely']).optional(),
  /** The vocabulary entry this diagnosis is, so the quiz accepts its synonyms. */
  vocabularyId: Id.optional(),
  /**
   * The history that would put it on the list, shown as "only with <history>" ("multiple myeloma"): this patient
   * lacks it, so naming the entry in the quiz neither earns nor costs points.
   */
  conditional: z.string().min(1).optional(),
});

/**
 * One finding of the case's checklist, shown after the reveal: the learner ticks what they had, and sees what they
 * missed. `match`: words or phrases that, found as whole words in the learner's written findings, tick it for them.
 */
export const ChecklistItemSchema = z.strictObject({
  text: z.string().min(1),
  match: z.array(z.string().min(1)).default([]),
  /** The step that shows the finding: the checklist links to it. */
  step: Id,
});

/** A common wrong answer and the one line that argues against it, shown after the reveal to a learner who named it. */
export const WhyNotSchema = z.strictObject({
  diagnosis: z.string().min(1),
  /** The vocabulary entry whose names count too (tied by name when absent, as for the differential). */
  vocabularyId: Id.optional(),
  reason: z.string().min(1),
});

export const RevealItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...RevealBase, kind: z.literal('history'), text: z.string().min(1) }),
  z.strictObject({
    ...RevealBase,
    kind: z.literal('differential'),
    /** Ranked: the first entry is the most likely. */
    entries: z.array(DifferentialEntrySchema).min(1),
    /** Reasonable alternatives that are not on the list: named in the quiz, they neither earn nor cost points. */
    acceptable: z.array(z.string().min(1)).optional(),
  }),
  z.strictObject({
    ...RevealBase,
    kind: z.literal('diagnosis'),
    diagnosis: z.string().min(1),
    proof: z.string().min(1),
    /** The vocabulary entry of the final diagnosis; the quiz's bonus is for ranking it first. */
    vocabularyId: Id.optional(),
  }),
  z.strictObject({ ...RevealBase, kind: z.literal('teaching-point'), text: z.string().min(1) }),
]);

export const CaseSchema = z.strictObject({
  formatVersion: z.literal(CASE_FORMAT_VERSION),
  id: Id,
  title: z.string().min(1),
  /** Shown instead of the title in unknown/quiz mode; it must not give the answer away. */
  unknownTitle: z.string().min(1),
  summary: z.string().default(''),
  tags: z.array(z.string().min(1)).default([]),
  /** Tags that would hint at the answer (each one of `tags`): unknown mode hides them. */
  spoilerTags: z.array(z.string().min(1)).default([]),
  modalities: z.array(z.string()).min(1),
  audience: z.string().default('residents'),
  difficulty: z.enum(['introductory', 'intermediate', 'advanced']).default('intermediate'),
  /** Says plainly on screen that the images are not a patient's. */
  syntheticImages: z.boolean().default(false),
  imageCredit: z.string().optional(),
  duration: TimeSchema.optional(),
  /** Recorded narration; when present it is the lesson clock's master. Path relative to the case folder. */
  narration: z
    .strictObject({ src: CasePath, kind: z.enum(['audio', 'video']).default('audio') })
    .optional(),
  series: z.array(SeriesSchema).min(1),
  steps: z.array(StepSchema).min(1),
  transcript: z.array(SegmentSchema).min(1),
  cues: z.array(CueSchema).min(1),
  reveal: z.array(RevealItemSchema).default([]),
  /** Diagnoses with their synonyms, for scoring a learner's differential and suggesting names. */
  vocabulary: z.array(VocabularyEntrySchema).default([]),
  /** The findings a learner should have made, for the checklist after the reveal. */
  findings: z.array(ChecklistItemSchema).default([]),
  /** Common wrong answers with the reason against each, shown after the reveal when the learner named one. */
  whyNot: z.array(WhyNotSchema).default([]),
  /** Notes for whoever presents the case, keyed by step id: never shown to learners. */
  speakerNotes: z.record(Id, z.string().min(1)).default({}),
});

export type CaseFile = z.input<typeof CaseSchema>;
export type ParsedCase = z.output<typeof CaseSchema>;
export type Series = z.output<typeof SeriesSchema>;
export type DicomWebSeries = z.output<typeof DicomWebSeriesSchema>;
/** A series whose images are files in the case folder (listed in the case, or in a manifest). */
export type FileSeries = Exclude<Series, { source: unknown }>;
export type Segment = z.output<typeof SegmentSchema>;
export type Step = z.output<typeof StepSchema>;
export type Cue = z.output<typeof CueSchema>;
export type ViewportCue = z.output<typeof ViewportCueSchema>;
export type Arrow = z.output<typeof ArrowSchema>;
export type RevealItem = z.output<typeof RevealItemSchema>;
export type DifferentialEntry = z.output<typeof DifferentialEntrySchema>;
export type VocabularyEntry = z.output<typeof VocabularyEntrySchema>;
export type ChecklistItem = z.output<typeof ChecklistItemSchema>;
export type WhyNot = z.output<typeof WhyNotSchema>;
