/**
 * Fetches a case file and lists its series' files (or points its DICOMweb series at the base URL the app's config
 * allows), turning every failure into words for the page.
 */
import { parseCase } from '../../case/parse';
import { expandCase } from '../../case/expand';
import { describeProblem, type CaseProblem } from '../../case/errors';
import type { ParsedCase } from '../../case/schema';
import { caseFileUrl, listSeriesFiles, type CaseFileReader } from '../../dicom/case-files';
import { caseFileFailure, NOT_FOUND } from './case-load-errors';
import { reasonOf } from '../../dicom/errors';
import { APP_CONFIG_FILE, dicomwebBaseUrl, dicomwebServerIds, parseAppConfigText, type AppConfig } from '../../dicom/app-config';
import type { SeriesSource } from '../../viewer/types';
import { messages } from '../i18n/messages';

const m = messages.errors.caseFile;

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

function httpReader(base: string, onFetched?: (url: string) => void): CaseFileReader {
  const get = async (path: string): Promise<Response> => {
    // Only the case folder's own files, on this host (case-files.ts refuses URLs and paths out of the folder).
    const url = caseFileUrl(base, path);
    onFetched?.(url);
    const r = await fetch(url);
    if (!r.ok) throw new Error(`HTTP ${r.status} ${r.statusText}`.trim());
    // Single-page-app hosts (vite preview included) answer a missing file with 200 and their index.html.
    if (r.headers.get('content-type')?.startsWith('text/html')) throw new Error(NOT_FOUND);
    return r;
  };
  return {
    readText: async (p) => (await get(p)).text(),
    readBytes: async (p) => new Uint8Array(await (await get(p)).arrayBuffer()),
  };
}

/** The app's config.json (the allowed DICOMweb servers), read once per page; a problem is kept as words. */
let appConfig: Promise<AppConfig | { problem: string }> | undefined;

export function readAppConfig(): Promise<AppConfig | { problem: string }> {
  appConfig ??= (async () => {
    const r = await fetch(new URL(APP_CONFIG_FILE, window.location.href));
    // No config (or a host answering its index.html instead): no DICOMweb server is allowed.
    if (r.status === 404 || r.headers.get('content-type')?.startsWith('text/html')) return { dicomwebServers: {} };
    if (!r.ok) throw new Error(`HTTP ${r.status} ${r.statusText}`.trim());
    const parsed = parseAppConfigText(await r.text());
    return parsed.ok ? parsed.value : { problem: parsed.problems.map(describeProblem).join('; ') };
  })().catch((e: unknown) => {
    appConfig = undefined; // a network failure: the next case page asks again
    return { problem: reasonOf(e) };
  });
  return appConfig;
}

/** Case loads started ahead of their page (at route parse, see `case-preload.ts`), by case id. */
const started = new Map<string, Promise<CaseLoad>>();

/** Starts loading a case before its page is there; the page's `loadCase` then takes this load over. */
export function startCaseLoad(caseId: string): Promise<CaseLoad> {
  let load = started.get(caseId);
  if (!load) {
    load = readCase(caseId);
    started.set(caseId, load);
  }
  return load;
}

/**
 * The case, from the load started ahead of the page if there is one (taken once), else read now.
 * @param onFetched told every case-folder URL read on the way (case file, transcripts, manifests): "Save for
 *   offline" keeps them; such a load is always read afresh
 */
export function loadCase(caseId: string, onFetched?: (url: string) => void): Promise<CaseLoad> {
  if (onFetched) return readCase(caseId, onFetched);
  const load = started.get(caseId);
  if (!load) return readCase(caseId);
  started.delete(caseId);
  return load;
}

async function readCase(caseId: string, onFetched?: (url: string) => void): Promise<CaseLoad> {
  const base = caseBaseUrl(caseId);
  const reader = httpReader(base, onFetched);
  const configRead = readAppConfig(); // beside the case file, not after it
  let json: unknown;
  try {
    json = JSON.parse(await reader.readText('case.json'));
  } catch (e) {
    return { status: 'failed', message: caseFileFailure(caseId, e), problems: [] };
  }
  const expanded = await expandCase(json, (p) => reader.readText(p));
  if (expanded.problems.length) {
    return { status: 'failed', message: m.hasProblems(caseId), problems: expanded.problems };
  }
  const config = await configRead;
  const parsed = parseCase(expanded.json, 'problem' in config ? undefined : { dicomwebServers: dicomwebServerIds(config) });
  if (!parsed.ok) {
    return { status: 'failed', message: m.hasProblems(caseId), problems: parsed.problems };
  }
  const seriesErrors = new Map<string, string>();
  // Listings are read in parallel; each lands in its slot so the map (the strip, a new layout's cells) keeps
  // the case's order, not the order the listings happened to arrive in.
  const slots: (SeriesSource | undefined)[] = [];
  await Promise.all(
    parsed.value.series.map(async (s, i) => {
      if ('source' in s) {
        const { server, studyInstanceUID, seriesInstanceUID } = s.source.dicomweb;
        // parseCase checked the server against this config; it is missing only when the config could not be read.
        const baseUrl = 'problem' in config ? undefined : dicomwebBaseUrl(config, server, window.location.href);
        if (!baseUrl) {
          const why = 'problem' in config ? m.configUnreadable(APP_CONFIG_FILE, config.problem) : m.notInConfig(APP_CONFIG_FILE);
          seriesErrors.set(s.key, m.dicomwebServerUnknown(server, why));
          return;
        }
        const dicomweb = { server, baseUrl, studyInstanceUID, seriesInstanceUID };
        slots[i] = { key: s.key, label: s.label, modality: s.modality, dicomweb };
        return;
      }
      try {
        const listing = await listSeriesFiles(s, i, reader);
        slots[i] = {
          key: s.key,
          label: s.label,
          modality: s.modality,
          files: listing.files.map((f) => ({ name: f, url: caseFileUrl(base, f) })),
          sorted: listing.sorted,
        };
      } catch (e) {
        seriesErrors.set(s.key, reasonOf(e));
      }
    }),
  );
  const series = new Map(slots.filter((s) => s !== undefined).map((s) => [s.key, s]));
  return { status: 'ready', lesson: parsed.value, series, seriesErrors };
}
