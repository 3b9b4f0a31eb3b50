/**
 * `unpackCase` in a worker of its own, ended once it answers. Where there are no workers (Node: the import command
 * and unit tests) it runs in the calling thread. The zip's bytes are handed over (detached).
 */
import { unpackCase, type UnpackResult } from './unpack';
import type { ZipLimits } from './safe-unzip';
import type { UnpackReply, UnpackRequest } from './unpack-worker';

export function unpackCaseOffThread(zip: Uint8Array, limits: ZipLimits): Promise<UnpackResult> {
  if (typeof Worker === 'undefined') return unpackCase(zip, limits);
  // Vite bundles the worker as its own module file (same origin: allowed by the CSP's worker-src 'self').
  const worker = new Worker(new URL('./unpack-worker.ts', import.meta.url), { type: 'module', name: 'case-package-reader' });
  return new Promise<UnpackResult>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<UnpackReply>) => {
      const reply = event.data;
      if (reply.ok) resolve(reply.result);
      else reject(new Error(reply.reason));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      reject(new Error(event.message || 'the package reader stopped'));
    };
    const request: UnpackRequest = { zip, limits };
    worker.postMessage(request, [zip.buffer]);
  }).finally(() => worker.terminate());
}
