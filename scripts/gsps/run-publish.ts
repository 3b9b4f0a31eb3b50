/**
 * `npm run case:publish -- cases/<id> --dicomweb <base-url> [--server <id>] [--out <dir>]`: sends the case's
 * de-identified series and its presentation states to a DICOMweb server by STOW-RS, then writes the published
 * case folder: case.json with every series on that server (named by its id in the app's config.json, never by
 * URL), plus the lesson's own files (narration, transcript). Refuses, sending nothing, if any file does not say
 * it was de-identified.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CaseFile } from '../../src/case/schema';
import { exportCaseGsps } from '../../src/dicom/gsps/write-export';
import { casePaths } from '../../src/dicom/package/case-paths';
import { CASE_FILE } from '../../src/dicom/package/package-format';
import { publishCase, PublishRefused } from '../../src/dicom/publish/publish';
import { readCaseFolder } from './case-folder';
import { CREATOR, type Output } from './run-export';

const USAGE = 'usage: npm run case:publish -- cases/<id> --dicomweb <base-url> [--server <config id>] [--out <dir>] [--config public/config.json]';

/** The config's id for a base URL, compared without trailing slashes. */
function serverIdFor(servers: Record<string, { url: string }>, url: string): string | undefined {
  const bare = (u: string): string => u.replace(/\/+$/, '');
  return Object.entries(servers).find(([, s]) => bare(s.url) === bare(url))?.[0];
}

export async function runPublish(argv: string[], io: Output): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { dicomweb: { type: 'string' }, server: { type: 'string' }, out: { type: 'string' }, config: { type: 'string' } },
    });
  } catch (e) {
    io.error(`case:publish: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const folder = parsed.positionals[0]?.replace(/\/+$/, '');
  const baseUrl = parsed.values.dicomweb;
  if (!folder || !baseUrl || parsed.positionals.length > 1) {
    io.error(USAGE);
    return 2;
  }
  try {
    const c = await readCaseFolder(folder, parsed.values.config);
    const serverId = parsed.values.server ?? serverIdFor(c.config.dicomwebServers, baseUrl);
    if (!serverId || !c.config.dicomwebServers[serverId]) {
      io.error(`case:publish: the published case must name a server of the app's config.json (${Object.keys(c.config.dicomwebServers).join(', ') || 'none listed'}): give --server <id>`);
      return 2;
    }
    const gsps = await exportCaseGsps(c.lesson, c.headers, c.reader, c.seriesDefault, { creator: CREATOR });
    const result = await publishCase({
      raw: c.raw,
      lesson: c.lesson,
      headers: c.headers,
      reader: c.reader,
      gsps,
      serverId,
      baseUrl,
      fetchFn: (url, init) => fetch(url, init),
      onProgress: (sent, total) => io.log(`sent ${sent} of ${total} files`),
    });
    const out = parsed.values.out ?? `${folder}-published`;
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, CASE_FILE), `${JSON.stringify(result.caseJson, null, 2)}\n`);
    // The lesson's own files stay with it on the static site: narration, a WebVTT transcript.
    const used = await casePaths(c.raw as unknown, c.lesson, c.reader);
    const kept = new Set([CASE_FILE, ...used.dicom, ...seriesManifests(c.raw)]);
    for (const path of used.paths.filter((p) => !kept.has(p))) {
      mkdirSync(dirname(join(out, path)), { recursive: true });
      copyFileSync(join(folder, path), join(out, path));
    }
    io.log(`case:publish: ${result.images} images and ${result.states} presentation states stored at ${baseUrl}; wrote ${join(out, CASE_FILE)} with its series on server "${serverId}"`);
    return 0;
  } catch (e) {
    if (e instanceof PublishRefused) io.error(`case:publish: ${e.message}`);
    else io.error(`case:publish: ${(e as Error).message}`);
    return 1;
  }
}

function seriesManifests(raw: CaseFile): string[] {
  return raw.series.flatMap((s) => ('manifest' in s ? [s.manifest] : []));
}
