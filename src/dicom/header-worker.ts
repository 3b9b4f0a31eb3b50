/**
 * The header reader's worker: reads one file at a time off the main thread (`read-file.ts`), so a damaged or
 * hostile file that makes dicom-parser loop, recurse or allocate can be stopped by ending the worker
 * (`header-pool.ts`) while the page stays responsive.
 */
import { readDicomFile } from './read-file';
import { DicomFileError, reasonOf } from './errors';
import type { HeaderReply, HeaderRequest } from './header-messages';

interface WorkerScope {
  onmessage: ((event: MessageEvent<HeaderRequest>) => void) | null;
  postMessage(message: HeaderReply, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, bytes, fileName, fileSize } = event.data;
  readDicomFile(bytes, fileName, fileSize).then(
    (read) => scope.postMessage({ id, ok: true, header: read.header, bytes: read.bytes }, [read.bytes.buffer]),
    (e: unknown) => scope.postMessage({ id, ok: false, reason: e instanceof DicomFileError ? e.reason : reasonOf(e) }, []),
  );
};
