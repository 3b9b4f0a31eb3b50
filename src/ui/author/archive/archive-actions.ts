/**
 * What the archive panel's buttons do, for a library case's draft: its series' files fetched from this site
 * (each header read and sorted as the viewer does), the draft's cues written as presentation states, and either
 * zipped for download or sent with the series to an allowed DICOMweb server. Loaded only when a button is pressed.
 */
import { zipSync } from 'fflate';
import type { Draft } from '../../../case/authoring';
import { dicomwebBaseUrl, type AppConfig } from '../../../dicom/app-config';
import type { CaseFileReader } from '../../../dicom/case-files';
import { exportCaseGsps, type WrittenGsps } from '../../../dicom/gsps/write-export';
import { middleImageWindow } from '../../../dicom/gsps/write-series-window';
import { publishCase, type PublishResult } from '../../../dicom/publish/publish';
import { readCaseSeries } from '../../../dicom/series-facts';
import { defaultWindow, samplePixels } from '../../../viewer/window-level';
import { siteReader } from '../library-package';
import { downloadZip } from '../download-zip';

const CREATOR = 'case-teaching-viewer';

/** Each file is fetched once, whether for its header, the default window or the upload. */
function cachedReader(reader: CaseFileReader): CaseFileReader {
  const bytes = new Map<string, Promise<Uint8Array>>();
  const readBytes = (p: string): Promise<Uint8Array> => {
    let got = bytes.get(p);
    if (!got) bytes.set(p, (got = reader.readBytes(p)));
    return got;
  };
  return { readBytes, readText: reader.readText };
}

async function draftStates(draft: Draft, caseId: string) {
  const reader = cachedReader(siteReader(caseId));
  const series = await readCaseSeries(draft, reader);
  if (series.problems.length) throw new Error(series.problems.map((p) => p.message).join('; '));
  const seriesDefault = middleImageWindow(reader, (header, values) => defaultWindow(header, samplePixels(values)));
  const gsps = await exportCaseGsps(draft, series.headers, reader, seriesDefault, { creator: CREATOR });
  return { reader, headers: series.headers, gsps };
}

export function statesZip(gsps: readonly WrittenGsps[]): Uint8Array {
  // Stored, not deflated: DICOM headers barely compress and the zip is made at once.
  return zipSync(Object.fromEntries(gsps.map((g) => [g.target.name, [g.bytes, { level: 0 }]])));
}

/** Writes the states and downloads them as `<case id>-presentation-states.zip`; how many. */
export async function exportStates(draft: Draft, caseId: string): Promise<number> {
  const { gsps } = await draftStates(draft, caseId);
  downloadZip(statesZip(gsps), `${draft.id}-presentation-states.zip`);
  return gsps.length;
}

export async function sendToArchive(
  draft: Draft,
  caseId: string,
  config: AppConfig,
  serverId: string,
  onProgress: (sent: number, total: number) => void,
): Promise<PublishResult> {
  const baseUrl = dicomwebBaseUrl(config, serverId, window.location.href);
  // Only the deployment's own servers: the choice comes from its list, but say so where it is enforced.
  if (!baseUrl) throw new Error(`"${serverId}" is not a DICOMweb server of this site's config.json`);
  const { reader, headers, gsps } = await draftStates(draft, caseId);
  return publishCase({ raw: draft, lesson: draft, headers, reader, gsps, serverId, baseUrl, fetchFn: (url, init) => fetch(url, init), onProgress });
}
