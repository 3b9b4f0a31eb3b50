/**
 * Reads DICOM headers in workers with a time limit per file. A file that keeps its worker busy past the limit is
 * reported as such (naming the file) and its worker is ended and replaced, so one hostile file costs the limit
 * and nothing else. The bytes travel to the worker and back without copies (transferred).
 */
import type { HeaderReply, HeaderRequest } from './header-messages';
import type { ReadFile } from './read-file';
import { DicomFileError } from './errors';
import { HEADER_TIME_LIMIT_MS } from './limits';

/** The part of a Worker the pool uses, so a test can hand it a fake. */
export interface HeaderWorker {
  postMessage(message: HeaderRequest, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<HeaderReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

interface Job {
  request: HeaderRequest;
  resolve(read: ReadFile): void;
  reject(error: Error): void;
}

interface Slot {
  worker: HeaderWorker;
  job: Job | null;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export interface HeaderPoolOptions {
  /** Workers reading at the same time. */
  size: number;
  timeLimitMs: number;
}

export class HeaderPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(
    private readonly createWorker: () => HeaderWorker,
    private readonly options: HeaderPoolOptions = { size: 2, timeLimitMs: HEADER_TIME_LIMIT_MS },
  ) {}

  /** Reads one file; `bytes` is handed over to the worker (detached here), the result carries them back. */
  read(bytes: Uint8Array, fileName: string, fileSize = bytes.length): Promise<ReadFile> {
    // Only a view that spans its whole buffer can be transferred without taking its neighbours along.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, bytes: own, fileName, fileSize }, resolve, reject });
      this.pump();
    });
  }

  /** Ends every worker; jobs still waiting are rejected. */
  close(): void {
    for (const slot of this.slots) this.finish(slot, new Error('the header reader was closed'));
    for (const slot of this.slots.splice(0)) slot.worker.terminate();
    for (const job of this.queue.splice(0)) job.reject(new Error('the header reader was closed'));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.options.size) slot = this.addSlot();
      if (!slot) return;
      const job = this.queue.shift() as Job;
      slot.job = job;
      slot.timer = setTimeout(() => this.timeOut(slot), this.options.timeLimitMs);
      slot.worker.postMessage(job.request, [job.request.bytes.buffer]);
    }
  }

  private addSlot(): Slot {
    const slot: Slot = { worker: this.createWorker(), job: null, timer: undefined };
    slot.worker.onmessage = (event) => this.answer(slot, event.data);
    // A worker that fails outside a job's promise (it could not even load): its job fails, the worker is replaced.
    slot.worker.onerror = (event) => {
      event.preventDefault?.();
      this.replace(slot, new Error(`the header reader failed (${event.message || 'the worker could not start'})`));
    };
    this.slots.push(slot);
    return slot;
  }

  private answer(slot: Slot, reply: HeaderReply): void {
    const job = slot.job;
    if (!job || job.request.id !== reply.id) return; // a late answer for a job that already timed out
    clearTimeout(slot.timer);
    slot.job = null;
    if (reply.ok) job.resolve({ header: reply.header, bytes: reply.bytes });
    else job.reject(new DicomFileError(job.request.fileName, reply.reason));
    this.pump();
  }

  private timeOut(slot: Slot): void {
    const name = slot.job?.request.fileName ?? '';
    const seconds = Math.round(this.options.timeLimitMs / 100) / 10;
    this.replace(
      slot,
      new DicomFileError(name, `reading it took longer than ${seconds} s, so it was stopped (the file is damaged, or made to stall a reader)`),
    );
  }

  /** Fails the slot's job, ends its worker and puts a fresh one in its place for the jobs still waiting. */
  private replace(slot: Slot, error: Error): void {
    this.finish(slot, error);
    slot.worker.terminate();
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    this.pump();
  }

  private finish(slot: Slot, error: Error): void {
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = null;
    job?.reject(error);
  }
}
