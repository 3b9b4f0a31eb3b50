/**
 * Files the user picked or dropped, handed from the library to the local-files page. They stay in this page's
 * memory only: nothing is uploaded or stored, and a reload asks for them again.
 */
let picked: readonly File[] = [];
/** Bumped by every pick, so the page reads the new files even when the address stays the same. */
let serial = 0;
const listeners = new Set<() => void>();

export const LOCAL_ROUTE = '#/local';
export const LOCAL_AUTHOR_ROUTE = '#/local/author';

/** Opens the files as an ad-hoc case; `author`: straight into author mode (files picked again after a reload). */
export function openLocalFiles(files: readonly File[], author = false): void {
  picked = files;
  serial++;
  listeners.forEach((l) => l());
  const route = author ? LOCAL_AUTHOR_ROUTE : LOCAL_ROUTE;
  if (window.location.hash !== route) window.location.hash = route;
}

export function pickedFiles(): readonly File[] {
  return picked;
}

export function pickSerial(): number {
  return serial;
}

export function onPick(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A dropped folder arrives as entries; walk it (browsers hand out directory contents in batches). */
async function filesOfEntry(entry: FileSystemEntry): Promise<File[]> {
  if (entry.isFile) {
    return new Promise((resolve) => (entry as FileSystemFileEntry).file((f) => resolve([f]), () => resolve([])));
  }
  if (!entry.isDirectory) return [];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const out: File[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve) => reader.readEntries(resolve, () => resolve([])));
    if (batch.length === 0) return out;
    for (const child of batch) out.push(...(await filesOfEntry(child)));
  }
}

/** Every file of a drop, folders included. */
export async function filesOfDrop(data: DataTransfer): Promise<File[]> {
  const entries = [...data.items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return [...data.files];
  const all: File[] = [];
  for (const e of entries) all.push(...(await filesOfEntry(e)));
  return all;
}
