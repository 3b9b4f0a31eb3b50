/**
 * Which files draw a case's key image (see case/key-image.ts), for the library index. Only a series whose
 * manifest says it is sorted (image n is file n) names its file without reading every header; any other series
 * (a plain file list, a DICOMweb series) gets no key image, and its card shows the placeholder.
 */
import type { KeyImage } from '../case/key-image';
import { keyImageCue } from '../case/key-image';
import type { ParsedCase } from '../case/schema';
import { listSeriesFiles, type CaseFileReader } from './case-files';

export async function keyImageOf(c: ParsedCase, reader: CaseFileReader): Promise<KeyImage | undefined> {
  const cue = keyImageCue(c);
  const index = c.series.findIndex((s) => s.key === cue?.series);
  const series = c.series[index];
  if (!cue || !series || 'source' in series) return undefined;
  let list;
  try {
    list = await listSeriesFiles(series, index, reader);
  } catch {
    return undefined; // the case checker reports it; the card shows the placeholder
  }
  const file = list.files[cue.imageIndex];
  if (!list.sorted || !file) return undefined;
  const middle = list.files[list.files.length >> 1];
  return cue.window ? { file, window: cue.window } : { file, ...(middle ? { middle } : {}) };
}
