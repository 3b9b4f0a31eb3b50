/**
 * A TCE manifest: a Key Object Selection document (TID 2010) read into what the archive page and the importer
 * need: its purpose (document title), delay reasons, Key Object Description and key images in document order,
 * each with its series from the Current Requested Procedure Evidence Sequence.
 */
import type { Dataset } from '../deid/dataset';
import { DELAY_CODES, KEY_OBJECT_DESCRIPTION, PURPOSES, type DelayCode, type Purpose } from './codes';
import { codeOf, isoDate, sequence, TAG, text, valueTypeOf } from './sr';

export interface KeyImage {
  sopClassUid: string;
  sopInstanceUid: string;
  /** Its series, from the evidence sequence; undefined when the evidence does not list it. */
  seriesInstanceUid?: string;
  /** Frames named by Referenced Frame Number (1-based), if any. */
  frames: number[];
}

export interface Manifest {
  sopInstanceUid: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  purpose: Purpose;
  /** The document title's code value (TCE001 …), shown when the purpose is "other". */
  titleCode: string;
  delays: DelayCode[];
  description: string;
  keyImages: KeyImage[];
  /** Content date, else study date, as YYYY-MM-DD. */
  date?: string;
}

export class ManifestError extends Error {}

function isDelay(value: string): value is DelayCode {
  return (DELAY_CODES as readonly string[]).includes(value);
}

/** Every content item, depth first in document order (KOS content is flat, but a nested one costs nothing). */
function* items(ds: Dataset): Generator<Dataset> {
  for (const item of sequence(ds, TAG.content)) {
    yield item;
    yield* items(item);
  }
}

function seriesOfInstances(ds: Dataset): Map<string, string> {
  const out = new Map<string, string>();
  for (const study of sequence(ds, TAG.evidence)) {
    for (const series of sequence(study, TAG.referencedSeries)) {
      const uid = text(series, TAG.seriesUid);
      if (!uid) continue;
      for (const sop of sequence(series, TAG.referencedSop)) {
        const inst = text(sop, TAG.referencedSopInstance);
        if (inst) out.set(inst, uid);
      }
    }
  }
  return out;
}

/** Reads a KOS; throws ManifestError naming what is missing when it cannot be one. */
export function readManifest(ds: Dataset): Manifest {
  const sopInstanceUid = text(ds, TAG.sopInstanceUid);
  const studyInstanceUid = text(ds, TAG.studyUid);
  if (!sopInstanceUid || !studyInstanceUid) throw new ManifestError('a key object selection without its SOP Instance UID or Study Instance UID');
  const title = codeOf(ds, TAG.conceptName);
  const purpose: Purpose = (title && (PURPOSES as Record<string, Purpose>)[title.value]) || 'other';
  const bySeries = seriesOfInstances(ds);
  const delays: DelayCode[] = [];
  const descriptions: string[] = [];
  const keyImages: KeyImage[] = [];
  for (const item of items(ds)) {
    const type = valueTypeOf(item);
    if (type === 'CODE') {
      const value = codeOf(item, TAG.conceptCode)?.value ?? '';
      if (isDelay(value) && !delays.includes(value)) delays.push(value);
    } else if (type === 'TEXT' && codeOf(item, TAG.conceptName)?.value === KEY_OBJECT_DESCRIPTION) {
      const t = text(item, TAG.textValue);
      if (t) descriptions.push(t);
    } else if (type === 'IMAGE') {
      const ref = sequence(item, TAG.referencedSop)[0];
      const inst = ref && text(ref, TAG.referencedSopInstance);
      if (!ref || !inst) continue;
      const frames = (ref['00081160']?.Value ?? []).map(Number).filter((n) => Number.isInteger(n) && n > 0);
      keyImages.push({ sopClassUid: text(ref, TAG.referencedSopClass) ?? '', sopInstanceUid: inst, seriesInstanceUid: bySeries.get(inst), frames });
    }
  }
  return {
    sopInstanceUid,
    studyInstanceUid,
    seriesInstanceUid: text(ds, TAG.seriesUid) ?? '',
    purpose,
    titleCode: title?.value ?? '',
    delays,
    description: descriptions.join('\n\n'),
    keyImages,
    date: isoDate(ds, TAG.contentDate) ?? isoDate(ds, TAG.studyDate),
  };
}
