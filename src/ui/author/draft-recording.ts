/**
 * The narration recording an author times a draft against (Tap to time), kept in this browser's IndexedDB beside
 * the draft (localStorage cannot hold audio), under the draft's key, until the draft is discarded. A full or
 * blocked storage is said, not hidden: the recording then lasts for this page only.
 */
import { idbStore } from '../idb';
import type { NarrationFile } from './prepared-package';

interface Stored {
  key: string;
  name: string;
  type: string;
  blob: Blob;
}

const run = idbStore('ctv-author-recordings', 'recordings', 'key');

/** Keeps the recording; resolves with the storage's refusal in words, or null when it was kept. */
export async function keepRecording(key: string, file: File): Promise<string | null> {
  try {
    await run('readwrite', (s) => s.put({ key, name: file.name, type: file.type, blob: file } satisfies Stored));
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

export async function readRecording(key: string): Promise<File | null> {
  try {
    const v = (await run('readonly', (s) => s.get(key) as IDBRequest<Stored | undefined>)) ?? null;
    return v ? new File([v.blob], v.name, { type: v.type }) : null;
  } catch {
    return null;
  }
}

export async function dropRecording(key: string): Promise<void> {
  await run('readwrite', (s) => s.delete(key)).catch(() => undefined);
}

export async function narrationBytes(file: File): Promise<NarrationFile> {
  return { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** Where a recording goes in the case folder: `narration/<name>`, the name reduced to what case paths allow. */
export function narrationPath(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot + 1).toLowerCase().replace(/[^a-z0-9]/g, '') : '';
  const base = (dot > 0 ? fileName.slice(0, dot) : fileName).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'narration';
  return `narration/${base}${ext ? `.${ext}` : ''}`;
}
