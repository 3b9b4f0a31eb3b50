/** Reads every header of a case's series and sums them up as the facts the case checker needs. */
import type { ParsedCase } from '../case/schema';
import type { CaseProblem } from '../case/errors';
import type { SeriesFacts } from '../case/cross-check';
import { listSeriesFiles, type CaseFileReader } from './case-files';
import { readHeader, type DicomHeader } from './header';
import { sortHeaders } from './sort';
import { DicomFileError, reasonOf } from './errors';

export interface SeriesReadResult {
  facts: Map<string, SeriesFacts>;
  /** Sorted headers per series key, for callers that want more than the facts. */
  headers: Map<string, DicomHeader[]>;
  problems: CaseProblem[];
  /** What was not checked, and why (series on a DICOMweb server: only files in the case folder are read). */
  notes: CaseProblem[];
}

export async function readCaseSeries(c: ParsedCase, reader: CaseFileReader): Promise<SeriesReadResult> {
  const facts = new Map<string, SeriesFacts>();
  const headersByKey = new Map<string, DicomHeader[]>();
  const problems: CaseProblem[] = [];
  const notes: CaseProblem[] = [];

  for (const [seriesIndex, series] of c.series.entries()) {
    if ('source' in series) {
      const { server } = series.source.dicomweb;
      notes.push({
        path: `series[${seriesIndex}].source.dicomweb`,
        message: `images not checked: series "${series.key}" is on DICOMweb server "${server}", and only files in the case folder are read (its cues' image indices and points are not checked either)`,
      });
      continue;
    }
    let listing;
    try {
      listing = await listSeriesFiles(series, seriesIndex, reader);
    } catch (e) {
      const text = reasonOf(e);
      const colon = text.indexOf(': ');
      problems.push({ path: text.slice(0, colon), message: text.slice(colon + 2) });
      continue;
    }
    const headers: DicomHeader[] = [];
    for (const [fileIndex, file] of listing.files.entries()) {
      const path = 'files' in series ? `${listing.listPath}[${fileIndex}]` : listing.listPath;
      try {
        headers.push(readHeader(await reader.readBytes(file), file));
      } catch (e) {
        const message = e instanceof DicomFileError ? e.message : `${file}: ${reasonOf(e)}`;
        problems.push({ path, message });
      }
    }
    if (headers.length === 0) continue;
    const sorted = sortHeaders(headers);
    if (listing.sorted && headers.length === listing.files.length) problems.push(...sortedPromiseProblems(listing.listPath, headers, sorted));
    const first = sorted[0] as DicomHeader;
    for (const h of sorted) {
      if (h.seriesInstanceUID !== first.seriesInstanceUID) {
        problems.push({ path: listing.listPath, message: `${h.fileName} belongs to another series (SeriesInstanceUID differs from ${first.fileName})` });
      }
      if (h.rows !== first.rows || h.columns !== first.columns) {
        problems.push({ path: listing.listPath, message: `${h.fileName} is ${h.columns}x${h.rows}, unlike ${first.fileName} (${first.columns}x${first.rows})` });
      }
    }
    if (first.modality && first.modality !== series.modality) {
      problems.push({ path: `series[${seriesIndex}].modality`, message: `"${series.modality}" but the files say "${first.modality}"` });
    }
    headersByKey.set(series.key, sorted);
    facts.set(series.key, {
      imageCount: sorted.reduce((n, h) => n + h.numberOfFrames, 0),
      rows: first.rows,
      columns: first.columns,
      frameOfReferenceUID: first.frameOfReferenceUID,
    });
  }
  return { facts, headers: headersByKey, problems, notes };
}

/**
 * A manifest that says `"sorted": true` lets the viewer map image n to file n without reading headers: it must
 * then list single-image files in the order the viewer would sort them into.
 */
function sortedPromiseProblems(listPath: string, listed: readonly DicomHeader[], sorted: readonly DicomHeader[]): CaseProblem[] {
  const problems: CaseProblem[] = [];
  for (const h of listed) {
    if (h.numberOfFrames > 1) problems.push({ path: listPath, message: `the manifest says "sorted" (one image per file), but ${h.fileName} has ${h.numberOfFrames} frames` });
  }
  const at = listed.findIndex((h, i) => h.fileName !== sorted[i]?.fileName);
  if (at >= 0) {
    problems.push({
      path: listPath,
      message: `the manifest says "sorted", but its files are not in position order: ${sorted[at]?.fileName} belongs at position ${at + 1}, where ${listed[at]?.fileName} is listed`,
    });
  }
  return problems;
}
