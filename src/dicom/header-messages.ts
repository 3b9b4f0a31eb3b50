/** What the page and the header worker say to each other (`header-pool.ts`, `header-worker.ts`). */
import type { DicomHeader } from './header';

export interface HeaderRequest {
  id: number;
  /** Transferred, not copied: the sender no longer has them. */
  bytes: Uint8Array;
  fileName: string;
  fileSize: number;
}

export type HeaderReply =
  | { id: number; ok: true; header: DicomHeader; bytes: Uint8Array }
  | { id: number; ok: false; reason: string };
