/**
 * The deployment's own settings, `config.json` beside the app (`public/config.json` in the repository, copied
 * into the build; a host may edit it without rebuilding). Today it lists the DICOMweb servers a case may name:
 * an allowlist of ids to base URLs, so a case file (or a link) can never point the viewer at any other host.
 *
 * ```json
 * { "dicomwebServers": { "local": { "url": "/dicom-web" } } }
 * ```
 * A URL is a path on the app's own host (what a reverse proxy serves; no CORS needed) or an absolute http(s) URL.
 */
import { z } from 'zod';
import { formatPath, type CaseProblem } from '../case/errors';

export const APP_CONFIG_FILE = 'config.json';

const ServerUrl = z
  .string()
  .min(1)
  .refine((url) => !/[?#]/.test(url), 'a base URL without "?" or "#"')
  .refine(
    (url) => url.startsWith('/') || /^https?:\/\/[^/]/i.test(url),
    'a path on this host ("/dicom-web") or an http(s) URL ("https://pacs.example.org/dicom-web")',
  );

const ServerId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes (e.g. "teaching-pacs")');

export const AppConfigSchema = z.strictObject({
  dicomwebServers: z.record(ServerId, z.strictObject({ url: ServerUrl })).default({}),
});

export type AppConfig = z.output<typeof AppConfigSchema>;

export type AppConfigResult = { ok: true; value: AppConfig } | { ok: false; problems: CaseProblem[] };

export function parseAppConfig(json: unknown): AppConfigResult {
  const parsed = AppConfigSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
}

/** Reads config.json text; a syntax error is a problem of the whole file, as for a case. */
export function parseAppConfigText(text: string): AppConfigResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: '(file)', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return parseAppConfig(json);
}

export function dicomwebServerIds(config: AppConfig): Set<string> {
  return new Set(Object.keys(config.dicomwebServers));
}

/**
 * The absolute base URL of an allowed server (no trailing slash), resolved against the page for a path on this
 * host; undefined for an id the config does not list.
 */
export function dicomwebBaseUrl(config: AppConfig, serverId: string, pageUrl: string): string | undefined {
  if (!Object.hasOwn(config.dicomwebServers, serverId)) return undefined;
  const server = config.dicomwebServers[serverId];
  return server ? new URL(server.url, pageUrl).href.replace(/\/+$/, '') : undefined;
}
