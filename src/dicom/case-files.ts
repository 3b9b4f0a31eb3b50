/**
 * Where a case's series files are, relative to the case folder. The same code serves the browser (fetch) and
 * the command-line checker (fs), through a small reader interface.
 */
import type { FileSeries } from '../case/schema';
import { reasonOf } from './errors';
import { casePathProblem } from '../case/paths';

export interface CaseFileReader {
  readText(relativePath: string): Promise<string>;
  readBytes(relativePath: string): Promise<Uint8Array>;
}

export interface SeriesFileList {
  /** Paths relative to the case folder, in the order listed. */
  files: string[];
  /** JSON path of the list in the case file, for error messages. */
  listPath: string;
  /**
   * The manifest promises its files are in position order, one image each (`"sorted": true`, written by the case
   * tools and verified by cases:check), so image n is file n without reading any header first.
   */
  sorted: boolean;
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash + 1);
}

/** Joins and normalises a relative path, refusing any that climbs out of the case folder. */
export function resolveInCase(base: string, relative: string): string {
  const parts: string[] = [];
  for (const part of (base + relative).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) throw new Error(`"${relative}" points outside the case folder`);
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/**
 * The URL of a case's own file: `relative` resolved against the case folder's URL `base`, refused (throws, saying
 * why) when it is a URL of its own or leaves the folder. The viewer fetches nothing else on a case's say-so.
 */
export function caseFileUrl(base: string, relative: string): string {
  const problem = casePathProblem(relative);
  if (problem) throw new Error(`"${relative}" should be ${problem}`);
  const url = new URL(relative, base).href;
  if (!url.startsWith(base)) throw new Error(`"${relative}" points outside the case folder`);
  return url;
}

export async function listSeriesFiles(series: FileSeries, seriesIndex: number, reader: CaseFileReader): Promise<SeriesFileList> {
  if ('files' in series) {
    return { files: series.files.map((f) => resolveInCase('', f)), listPath: `series[${seriesIndex}].files`, sorted: false };
  }
  const listPath = `series[${seriesIndex}].manifest`;
  let text: string;
  try {
    text = await reader.readText(series.manifest);
  } catch (e) {
    throw new Error(`${listPath}: cannot read manifest "${series.manifest}": ${reasonOf(e)}`);
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (e) {
    throw new Error(`${listPath}: manifest "${series.manifest}" is not valid JSON: ${reasonOf(e)}`);
  }
  const { files, sorted } = manifest as { files?: unknown; sorted?: unknown };
  if (!Array.isArray(files) || files.length === 0 || !files.every((f) => typeof f === 'string')) {
    throw new Error(`${listPath}: manifest "${series.manifest}" needs a non-empty "files" list of file names`);
  }
  if (sorted !== undefined && typeof sorted !== 'boolean') {
    throw new Error(`${listPath}: manifest "${series.manifest}" has "sorted": ${JSON.stringify(sorted)}, but it can only be true or false`);
  }
  const base = folderOf(series.manifest);
  return { files: files.map((f: string) => resolveInCase(base, f)), listPath, sorted: sorted === true };
}
