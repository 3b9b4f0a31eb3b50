/**
 * A case folder read for the GSPS and publishing commands: the case checked against the app's config (as
 * cases:check does), each file series' headers in image order, and the series default window the viewer would use.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeProblem } from '../../src/case/errors';
import { parseCaseText } from '../../src/case/parse';
import type { CaseFile, ParsedCase } from '../../src/case/schema';
import { dicomwebServerIds, parseAppConfigText, type AppConfig } from '../../src/dicom/app-config';
import type { CaseFileReader } from '../../src/dicom/case-files';
import type { DicomHeader } from '../../src/dicom/header';
import { readCaseSeries } from '../../src/dicom/series-facts';
import { middleImageWindow } from '../../src/dicom/gsps/write-series-window';
import type { SeriesDefaultWindow } from '../../src/dicom/gsps/write-views';
// Pure functions (their one Cornerstone import is a type): the window a cue without one shows, as the viewer has it.
import { defaultWindow, samplePixels } from '../../src/viewer/window-level';
import { folderReader } from '../fs-case-reader';

export const DEFAULT_CONFIG = join(import.meta.dirname, '..', '..', 'public', 'config.json');

export interface CaseFolder {
  raw: CaseFile;
  lesson: ParsedCase;
  headers: Map<string, DicomHeader[]>;
  reader: CaseFileReader;
  seriesDefault: SeriesDefaultWindow;
  config: AppConfig;
}

export function readConfig(file: string): AppConfig {
  const result = parseAppConfigText(readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${result.problems.map(describeProblem).join('; ')}`);
  return result.value;
}

/** Throws with every problem when the case does not check out. */
export async function readCaseFolder(folder: string, configFile = DEFAULT_CONFIG): Promise<CaseFolder> {
  const config = readConfig(configFile);
  const text = readFileSync(join(folder, 'case.json'), 'utf8');
  const parsed = parseCaseText(text, { dicomwebServers: dicomwebServerIds(config) });
  if (!parsed.ok) throw new Error(`${folder}/case.json: ${parsed.problems.map(describeProblem).join('; ')}`);
  const reader = folderReader(folder);
  const series = await readCaseSeries(parsed.value, reader);
  if (series.problems.length) throw new Error(`${folder}: ${series.problems.map(describeProblem).join('; ')}`);
  return {
    raw: JSON.parse(text) as CaseFile,
    lesson: parsed.value,
    headers: series.headers,
    reader,
    seriesDefault: middleImageWindow(reader, (header, values) => defaultWindow(header, samplePixels(values))),
    config,
  };
}
