/** `importTceFiles` in a worker of its own, ended once it answers; in the calling thread where there are no workers. */
import { importTceFiles, type TceFilesReply, type TceFilesRequest, type TceFilesResult } from './import-files';

export function importTceOffThread(request: TceFilesRequest): Promise<TceFilesResult> {
  if (typeof Worker === 'undefined') return Promise.resolve(importTceFiles(request));
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'tce-importer' });
  return new Promise<TceFilesResult>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<TceFilesReply>) => {
      const reply = event.data;
      if (reply.ok) resolve(reply.result);
      else reject(new Error(reply.reason));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      reject(new Error(event.message || 'the importer stopped'));
    };
    const { retrieved } = request;
    const transfer = [retrieved.manifest, ...retrieved.reports.map((f) => f.bytes), ...retrieved.presentationStates.map((f) => f.bytes), ...retrieved.images.map((f) => f.bytes)];
    worker.postMessage(request, [...new Set(transfer.map((b) => b.buffer as ArrayBuffer))]);
  }).finally(() => worker.terminate());
}
