/**
 * Case packages opened in this page: the file just picked (until `#/package` has read it) and every package read
 * since, so the library can list them and reopen them. They live in the page's memory only (their images as
 * blob: URLs); a reload forgets them, like local files. Light on purpose: the library imports it, and must not
 * pull in the zip reader or Cornerstone.
 */
import { useSyncExternalStore } from 'react';
import type { LibraryEntry } from '../../case/library';
import type { ParsedCase } from '../../case/schema';
import type { SeriesSource } from '../../viewer/types';

export interface OpenedPackage {
  lesson: ParsedCase;
  /** The library card of the case. */
  entry: LibraryEntry;
  /** The zip's name, as the user picked it. */
  fileName: string;
  series: Map<string, SeriesSource>;
  /** Narration and other media of the package, by path in the package, as blob: URLs. */
  media: Map<string, string>;
  /** What was left out or not checked, naming the file. */
  notes: string[];
  /** DICOM files that do not say they were de-identified. */
  notDeidentified: string[];
  /** Every blob: URL made for the package, to free when it is replaced. */
  urls: string[];
}

export const PACKAGE_ROUTE = '#/package';

let pending: File | null = null;
let opened: readonly OpenedPackage[] = [];
const listeners = new Set<() => void>();

/** Starts reading a package: `#/package` reads the file and then shows the case. */
export function openPackageFile(file: File): void {
  pending = file;
  if (window.location.hash === PACKAGE_ROUTE) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else window.location.hash = PACKAGE_ROUTE;
}

export function pendingPackageFile(): File | null {
  return pending;
}

/** Adds a package read, replacing (and freeing) one of the same case id. */
export function addOpenedPackage(p: OpenedPackage): void {
  const same = opened.find((o) => o.lesson.id === p.lesson.id);
  if (same && same !== p) same.urls.forEach((u) => URL.revokeObjectURL(u));
  opened = [...opened.filter((o) => o.lesson.id !== p.lesson.id), p];
  listeners.forEach((l) => l());
}

export function openedPackageIds(): string[] {
  return opened.map((o) => o.lesson.id);
}

export function openedPackage(caseId: string): OpenedPackage | undefined {
  return opened.find((o) => o.lesson.id === caseId);
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

export function useOpenedPackages(): readonly OpenedPackage[] {
  return useSyncExternalStore(subscribe, () => opened);
}

/** A zip the user means as a case package (by name or type; the reader checks the bytes). */
export function looksLikeZip(file: File): boolean {
  return /\.zip$/i.test(file.name) || file.type === 'application/zip' || file.type === 'application/x-zip-compressed';
}
