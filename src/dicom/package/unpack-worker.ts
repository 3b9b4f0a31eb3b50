/**
 * Unpacks a case package off the page's thread (`unpack-off-thread.ts`): inflating a zip of a few hundred
 * megabytes and reading every header takes seconds, during which the page must keep drawing and answering.
 */
import { unpackCase, type UnpackResult } from './unpack';
import { reasonOf } from '../errors';
import type { ZipLimits } from './safe-unzip';

export interface UnpackRequest {
  zip: Uint8Array;
  limits: ZipLimits;
}

export type UnpackReply = { ok: true; result: UnpackResult } | { ok: false; reason: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<UnpackRequest>) => void) | null;
  postMessage(message: UnpackReply, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { zip, limits } = event.data;
  unpackCase(zip, limits).then(
    (result) => {
      // The files go back without a copy (the zip reader gives each entry a buffer of its own).
      const buffers = result.ok ? [...new Set([...result.files.values()].map((b) => b.buffer as ArrayBuffer))] : [];
      scope.postMessage({ ok: true, result }, buffers);
    },
    (e: unknown) => scope.postMessage({ ok: false, reason: reasonOf(e) }, []),
  );
};
