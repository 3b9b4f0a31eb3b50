/**
 * "Save for offline": every file a case needs (its case file, transcripts, manifests, DICOM files, narration) is
 * fetched and put in the offline cache, with progress in bytes. Loaded on demand: the library stays small.
 */
import { loadCase } from '../case-page/load-case';
import { markSaved, OFFLINE_CACHE } from './offline-cache';
import { registerOfflineWorkerNow } from './register-worker';
import { messages } from '../i18n/messages';

const m = messages.offline;

export interface SaveProgress {
  files: number;
  totalFiles: number;
  bytes: number;
}

export async function saveCaseOffline(caseId: string, onProgress: (p: SaveProgress) => void): Promise<void> {
  // The app shell installs beside the case's files (it may not have yet, on a page opened moments ago).
  void registerOfflineWorkerNow();
  const urls = new Set<string>();
  const load = await loadCase(caseId, (url) => urls.add(url));
  if (load.status !== 'ready') throw new Error(load.status === 'failed' ? load.message : m.caseDidNotLoad);
  const notSaved: string[] = [];
  for (const source of load.series.values()) {
    if ('files' in source) source.files.forEach((f) => urls.add(f.url));
    else notSaved.push(source.label); // a DICOMweb series lives on its server
  }
  if (notSaved.length > 0) throw new Error(m.dicomwebNotSaved(notSaved.join(', ')));
  if (load.lesson.narration) urls.add(new URL(`cases/${caseId}/${load.lesson.narration.src}`, window.location.href).href);

  // Kept as long as the browser allows: ask for persistent storage (a no-op where it is not granted).
  await navigator.storage?.persist?.().catch(() => false);
  const cache = await caches.open(OFFLINE_CACHE);
  const list = [...urls];
  let bytes = 0;
  let files = 0;
  onProgress({ files, totalFiles: list.length, bytes });
  for (const url of list) {
    const response = await fetch(url, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`${new URL(url).pathname}: HTTP ${response.status}`);
    const body = await response.clone().arrayBuffer();
    await cache.put(url, response);
    bytes += body.byteLength;
    files++;
    onProgress({ files, totalFiles: list.length, bytes });
  }
  markSaved(caseId, { bytes, files, savedAt: new Date().toISOString() });
}
