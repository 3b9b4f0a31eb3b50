/**
 * The page's header reader: `read-file.ts` in workers with a time limit per file (`header-pool.ts`). Where there
 * are no workers (Node: the case checker and unit tests) it reads in the calling thread.
 */
import { HeaderPool, type HeaderWorker } from './header-pool';
import { readDicomFile, type ReadFile } from './read-file';

let pool: HeaderPool | undefined;

function startWorker(): HeaderWorker {
  // Vite bundles the worker as its own module file (same origin: allowed by the CSP's worker-src 'self').
  return new Worker(new URL('./header-worker.ts', import.meta.url), { type: 'module', name: 'dicom-header-reader' });
}

/** Reads a file's header off the main thread; `bytes` is handed over (detached), use the returned bytes. */
export function readDicomFileOffThread(bytes: Uint8Array, fileName: string, fileSize = bytes.length): Promise<ReadFile> {
  if (typeof Worker === 'undefined') return readDicomFile(bytes, fileName, fileSize);
  pool ??= new HeaderPool(startWorker);
  return pool.read(bytes, fileName, fileSize);
}
