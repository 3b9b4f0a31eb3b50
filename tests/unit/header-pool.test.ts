/** The page's header reader pool: answers in order, and a file that stalls its worker costs the limit only. */
import { expect, it } from 'vitest';
import { HeaderPool, type HeaderWorker } from '../../src/dicom/header-pool';
import type { HeaderReply, HeaderRequest } from '../../src/dicom/header-messages';
import type { DicomHeader } from '../../src/dicom/header';

/** A worker that answers every file at once, except those named "stall…", which it never answers. */
class FakeWorker implements HeaderWorker {
  static started = 0;
  static ended = 0;
  onmessage: ((event: MessageEvent<HeaderReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.started++;
  }
  postMessage(request: HeaderRequest): void {
    if (request.fileName.startsWith('stall')) return;
    const header = { fileName: request.fileName, rows: 2, columns: 2 } as DicomHeader;
    setTimeout(() => this.onmessage?.({ data: { id: request.id, ok: true, header, bytes: request.bytes } } as MessageEvent<HeaderReply>), 1);
  }
  terminate(): void {
    FakeWorker.ended++;
  }
}

it('answers each file, and ends a stalled worker after the limit while the others go on', async () => {
  const pool = new HeaderPool(() => new FakeWorker(), { size: 2, timeLimitMs: 200 });
  const started = performance.now();
  const results = await Promise.allSettled(
    ['a.dcm', 'stall.dcm', 'b.dcm', 'c.dcm', 'stall-too.dcm', 'd.dcm'].map((name) => pool.read(new Uint8Array(4), name)),
  );
  const took = performance.now() - started;
  expect(results.map((r) => (r.status === 'fulfilled' ? r.value.header.fileName : (r.reason as Error).message))).toEqual([
    'a.dcm',
    'stall.dcm: reading it took longer than 0.2 s, so it was stopped (the file is damaged, or made to stall a reader)',
    'b.dcm',
    'c.dcm',
    'stall-too.dcm: reading it took longer than 0.2 s, so it was stopped (the file is damaged, or made to stall a reader)',
    'd.dcm',
  ]);
  expect(FakeWorker.ended).toBe(2);
  expect(took).toBeLessThan(2000);
  pool.close();
});
