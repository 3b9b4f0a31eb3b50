/**
 * Reads a zip archive without trusting it. The central directory is parsed here (entry names, sizes and
 * Unix modes, which fflate's readers do not expose), and the archive is refused whole when an entry name
 * climbs out of its folder, is absolute or names a drive, when an entry is a symbolic link or encrypted, or
 * when the entry count or sizes pass the limits. Sizes are checked on the bytes actually inflated, in small
 * steps, so a zip bomb that lies about its sizes is stopped after at most one step past the limit.
 * Nothing is written anywhere: entries come back as bytes. No Node APIs: the import command reads zips of DICOM
 * with it, and case packages are read with it on the command line and in the browser.
 */
// fflate: small, dependency-free, maintained, and its streaming Inflate lets us count inflated bytes as they come.
import { Inflate } from 'fflate';

export interface ZipLimits {
  maxEntries: number;
  /** Inflated size of one entry. */
  maxEntryBytes: number;
  /** Inflated size of all entries together. */
  maxTotalBytes: number;
}

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

export class ZipRefusedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ZipRefusedError';
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** Compressed bytes handed to the inflater at a time: DEFLATE expands at most ~1032:1, so ~16 MB out per step. */
const INFLATE_STEP = 16 * 1024;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const UNIX_HOST = 3;

interface CentralEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  isSymlink: boolean;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  throw new ZipRefusedError('not a zip archive (no end of central directory record)');
}

/** Why this entry name may not be used, or null. Backslashes count as separators, as Windows tools write them. */
export function unsafeNameReason(name: string): string | null {
  if (name.includes('\0')) return 'contains a NUL character';
  const path = name.replace(/\\/g, '/');
  if (path.startsWith('/')) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(path)) return 'names a drive';
  if (path.split('/').includes('..')) return 'climbs out of the archive folder ("..")';
  return null;
}

function readCentralDirectory(bytes: Uint8Array, limits: ZipLimits): CentralEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  const declaredCount = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) {
    throw new ZipRefusedError('multi-part (spanned) archives are not supported');
  }
  if (declaredCount === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    throw new ZipRefusedError('ZIP64 archives are not supported');
  }
  if (declaredCount > limits.maxEntries) {
    throw new ZipRefusedError(`too many entries: ${declaredCount}, the limit is ${limits.maxEntries}`);
  }
  if (cdOffset + cdSize > eocd) throw new ZipRefusedError('damaged archive (central directory out of bounds)');
  const decoder = new TextDecoder('utf-8');
  const entries: CentralEntry[] = [];
  let at = cdOffset;
  while (at + 46 <= cdOffset + cdSize && view.getUint32(at, true) === CENTRAL_SIGNATURE) {
    if (entries.length >= limits.maxEntries) {
      throw new ZipRefusedError(`too many entries: more than ${limits.maxEntries}`);
    }
    const madeBy = view.getUint16(at + 4, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const external = view.getUint32(at + 38, true);
    if (at + 46 + nameLength > bytes.length) throw new ZipRefusedError('damaged archive (entry name out of bounds)');
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      isSymlink: madeBy >> 8 === UNIX_HOST && ((external >>> 16) & S_IFMT) === S_IFLNK,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (entries.length !== declaredCount) {
    throw new ZipRefusedError(`damaged archive (${entries.length} entries found, ${declaredCount} declared)`);
  }
  return entries;
}

function compressedData(bytes: Uint8Array, entry: CentralEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
    throw new ZipRefusedError(`damaged archive (no local header for "${entry.name}")`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipRefusedError(`damaged archive ("${entry.name}" is truncated)`);
  return bytes.subarray(start, end);
}

/** Inflates raw DEFLATE data, stopping as soon as the output passes `cap` bytes; null when it did. */
function inflateCapped(data: Uint8Array, cap: number): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > cap) over = true;
    else chunks.push(chunk);
  });
  if (data.length === 0) inflater.push(data, true);
  for (let i = 0; i < data.length && !over; i += INFLATE_STEP) {
    inflater.push(data.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= data.length);
  }
  if (over) return null;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * The names of the archive's file entries, from the central directory alone (nothing is inflated), so a caller
 * can tell what kind of archive it is. Throws ZipRefusedError as readZipSafely does for the directory itself.
 */
export function listZipNames(bytes: Uint8Array, limits: ZipLimits): string[] {
  return readCentralDirectory(bytes, limits)
    .map((e) => e.name.replace(/\\/g, '/'))
    .filter((name) => !name.endsWith('/'));
}

/**
 * Every file entry of the archive with its bytes, or a ZipRefusedError saying why the archive is refused.
 * Directory entries are left out; `notes` says which entries were left out for another reason.
 */
export function readZipSafely(bytes: Uint8Array, limits: ZipLimits): { entries: ZipEntry[]; notes: string[] } {
  const central = readCentralDirectory(bytes, limits);
  // Refuse on names and kinds before inflating anything.
  for (const e of central) {
    const unsafe = unsafeNameReason(e.name);
    if (unsafe) throw new ZipRefusedError(`entry "${e.name}" ${unsafe}`);
    if (e.isSymlink) throw new ZipRefusedError(`entry "${e.name}" is a symbolic link`);
    if (e.flags & 1) throw new ZipRefusedError(`entry "${e.name}" is encrypted`);
    if (e.size > limits.maxEntryBytes) {
      throw new ZipRefusedError(`entry "${e.name}" declares ${mb(e.size)}, over the ${mb(limits.maxEntryBytes)} limit per entry`);
    }
  }
  const entries: ZipEntry[] = [];
  const notes: string[] = [];
  let total = 0;
  for (const e of central) {
    if (e.name.endsWith('/') || e.name.endsWith('\\')) continue;
    if (e.method !== 0 && e.method !== 8) {
      notes.push(`${e.name}: skipped, compression method ${e.method} is not supported (only stored and deflate)`);
      continue;
    }
    const data = compressedData(bytes, e);
    const cap = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total);
    const out = e.method === 0 ? (data.length <= cap ? data.slice() : null) : inflateCapped(data, cap);
    if (out === null) {
      throw new ZipRefusedError(
        cap < limits.maxEntryBytes
          ? `entries inflate to more than ${mb(limits.maxTotalBytes)} in total (the limit): stopped at "${e.name}"`
          : `entry "${e.name}" inflates to more than ${mb(limits.maxEntryBytes)} (the limit per entry)`,
      );
    }
    if (out.length !== e.size) {
      throw new ZipRefusedError(`entry "${e.name}" inflates to ${out.length} bytes but declares ${e.size}: damaged or crafted archive`);
    }
    total += out.length;
    entries.push({ name: e.name.replace(/\\/g, '/'), bytes: out });
  }
  return { entries, notes };
}
