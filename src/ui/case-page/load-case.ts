/** Fetches a case file and lists its series' files, turning every failure into words for the page. */
import { parseCase } from '../../case/parse';
import { expandCase } from '../../case/expand';
import type { CaseProblem } from '../../case/errors';
import type { ParsedCase } from '../../case/schema';
import { listSeriesFiles, type CaseFileReader } from '../../dicom/case-files';
import { reasonOf } from '../../dicom/errors';
import type { SeriesSource } from '../../viewer/types';

export type CaseLoad =
  | { status: 'loading' }
  | { status: 'failed'; message: string; problems: CaseProblem[] }
  | {
      status: 'ready';
      lesson: ParsedCase;
      series: Map<string, SeriesSource>;
      /** Series whose file list could not be read; their viewports show this message. */
      seriesErrors: Map<string, string>;
    };

export function caseBaseUrl(caseId: string): string {
  return new URL(`cases/${caseId}/`, window.location.href).href;
}

function httpReader(base: string): CaseFileReader {
  const get = async (path: string): Promise<Response> => {
    const r = await fetch(new URL(path, base));
    if (!r.ok) throw new Error(`HTTP ${r.status} ${r.statusText}`.trim());
    return r;
  };
  return {
    readText: async (p) => (await get(p)).text(),
    readBytes: async (p) => new Uint8Array(await (await get(p)).arrayBuffer()),
  };
}

export async function loadCase(caseId: string): Promise<CaseLoad> {
  const base = caseBaseUrl(caseId);
  const reader = httpReader(base);
  let json: unknown;
  try {
    json = JSON.parse(await reader.readText('case.json'));
  } catch (e) {
    return { status: 'failed', message: `cases/${caseId}/case.json could not be read: ${reasonOf(e)}`, problems: [] };
  }
  const expanded = await expandCase(json, (p) => reader.readText(p));
  if (expanded.problems.length) {
    return { status: 'failed', message: `cases/${caseId}/case.json has problems`, problems: expanded.problems };
  }
  const parsed = parseCase(expanded.json);
  if (!parsed.ok) {
    return { status: 'failed', message: `cases/${caseId}/case.json has problems`, problems: parsed.problems };
  }
  const series = new Map<string, SeriesSource>();
  const seriesErrors = new Map<string, string>();
  await Promise.all(
    parsed.value.series.map(async (s, i) => {
      try {
        const listing = await listSeriesFiles(s, i, reader);
        series.set(s.key, {
          key: s.key,
          label: s.label,
          modality: s.modality,
          files: listing.files.map((f) => ({ name: f, url: new URL(f, base).href })),
        });
      } catch (e) {
        seriesErrors.set(s.key, reasonOf(e));
      }
    }),
  );
  return { status: 'ready', lesson: parsed.value, series, seriesErrors };
}
