/**
 * What a case package (one .zip) may hold, and how its files are told apart. Shared by the packer, the unpacker
 * and the command line, so they agree on what a package is (docs/case-format.md, "Case packages").
 */
import type { ZipLimits } from './safe-unzip';

export const CASE_FILE = 'case.json';
export const README_FILE = 'README.md';

/** The kinds of file a package holds; anything else is left out with a note. */
export type PackageFileKind = 'case' | 'readme' | 'licence' | 'manifest' | 'dicom' | 'media' | 'transcript';

/** Narration media by extension, with the type a browser needs to play it from memory. */
export const MEDIA_TYPES: Readonly<Record<string, string>> = {
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  wav: 'audio/wav',
  flac: 'audio/flac',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  webm: 'video/webm',
  ogv: 'video/ogg',
};

/** A data licence travels with the images it covers (LICENSE-data.md, LICENCE.txt, NOTICE …), at the top level. */
const LICENCE_NAME = /^(licen[cs]e|copying|notice)([-_.][\w.-]*)?$/i;

export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function hasDicmMarker(bytes: Uint8Array): boolean {
  return bytes.length >= 132 && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d;
}

/**
 * The kind of a package file, from its path and (for DICOM, which may have any name) its first bytes; null for
 * a file a package does not hold.
 */
export function packageFileKind(path: string, bytes: Uint8Array): PackageFileKind | null {
  if (path === CASE_FILE) return 'case';
  if (path === README_FILE) return 'readme';
  if (!path.includes('/') && LICENCE_NAME.test(path)) return 'licence';
  if (path === 'manifest.json' || path.endsWith('/manifest.json')) return 'manifest';
  if (hasDicmMarker(bytes)) return 'dicom';
  const ext = extensionOf(path);
  if (ext === 'vtt') return 'transcript';
  if (ext in MEDIA_TYPES) return 'media';
  return null;
}

/**
 * Why a path may not name a file of a package, or null. On top of the zip reader's rules (no "..", absolute
 * paths, drives, NUL): plain relative paths only, so two spellings cannot name one file, and no control
 * characters, which could rewrite a terminal line when the name is printed.
 */
export function packagePathProblem(path: string): string | null {
  if (path.includes('\\')) return 'contains a backslash (write paths with "/")';
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'contains a control character';
  if (path.startsWith('/')) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(path)) return 'names a drive';
  const parts = path.split('/');
  if (parts.includes('..')) return 'climbs out of the package ("..")';
  if (parts.some((p) => p === '' || p === '.')) return 'is not a plain relative path (empty or "." part)';
  return null;
}

const MB = 1024 * 1024;

/**
 * Limits for reading a package in the browser, where everything lives in the page's memory: the zip, then its
 * inflated files. The command line takes the import's own limits (--max-entries, --max-entry-mb, --max-total-mb).
 */
export const BROWSER_PACKAGE_LIMITS: ZipLimits = {
  maxEntries: 20_000,
  maxEntryBytes: 512 * MB,
  maxTotalBytes: 1024 * MB,
};
