/**
 * A worker thread that reads mutated files with the app's own reader (`src/dicom/read-file.ts`), one at a time, so
 * the fuzz runner can end it when a file takes longer than the time limit (dicom-parser is synchronous).
 */
import { parentPort } from 'node:worker_threads';
import { readDicomFile } from '../../src/dicom/read-file';
import { DicomFileError } from '../../src/dicom/errors';
import type { DicomHeader } from '../../src/dicom/header';

export interface ReadJob {
  index: number;
  name: string;
  bytes: Uint8Array;
}

export type ReadAnswer =
  | { index: number; ok: true; header: Pick<DicomHeader, 'rows' | 'columns' | 'numberOfFrames'>; bytes: number }
  | { index: number; ok: false; explained: boolean; message: string };

const port = parentPort;
if (!port) throw new Error('read-worker.ts runs as a worker thread');

port.on('message', (job: ReadJob) => {
  readDicomFile(job.bytes, job.name).then(
    ({ header, bytes }) => {
      const answer: ReadAnswer = {
        index: job.index,
        ok: true,
        header: { rows: header.rows, columns: header.columns, numberOfFrames: header.numberOfFrames },
        bytes: bytes.length,
      };
      port.postMessage(answer);
    },
    (e: unknown) => {
      const answer: ReadAnswer = {
        index: job.index,
        ok: false,
        explained: e instanceof DicomFileError,
        message: e instanceof Error ? e.message : String(e),
      };
      port.postMessage(answer);
    },
  );
});
