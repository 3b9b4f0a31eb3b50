/**
 * Unknown mode's opaque case addresses: `#/unknown/<alias>` instead of `#/case/<id>`, since an id may name the
 * answer ("epidural-aml"), and `#/unknown/package/<alias>` instead of `#/package/<id>` for a case package. The
 * alias is the first 12 hex digits (48 bits) of the SHA-256 of the id (salted by the kind of page, so a package
 * of a bundled case has an alias of its own): the same case has the same alias in every library and session, so
 * bookmarks and history keep working.
 *
 * Synchronous, with the repository's own SHA-256 (dicom/deid/sha256.ts): an address is compared with the open
 * case inside render and hashchange handlers, and Web Crypto's digest is asynchronous and absent from pages
 * served over plain http (a teaching PC on a hospital network).
 */
import { sha256Text } from '../dicom/deid/sha256';

export const ALIAS_PATTERN = /^[0-9a-f]{12}$/;

/** Aliases met in this page, so an alias address of a case already known resolves without waiting. */
const known = new Map<string, string>();
const knownPackages = new Map<string, string>();

function hexAlias(text: string): string {
  let hex = '';
  for (const byte of sha256Text(text).subarray(0, 6)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export function caseAlias(caseId: string): string {
  const hex = hexAlias(`case:${caseId}`);
  known.set(hex, caseId);
  return hex;
}

/** A case package's alias: its case id's, salted otherwise than a library case's. */
export function packageAlias(caseId: string): string {
  const hex = hexAlias(`package:${caseId}`);
  knownPackages.set(hex, caseId);
  return hex;
}

/** The case an alias stands for, if this page has met it (its card, its page, or a resolution). */
export function knownAlias(alias: string): string | null {
  return known.get(alias) ?? null;
}

/** The case id of the package an alias stands for, if this page has met it. */
export function knownPackageAlias(alias: string): string | null {
  return knownPackages.get(alias) ?? null;
}

let index: Promise<string[]> | null = null;

/** The ids of the library's cases (cases/index.json), fetched once per page. */
function libraryIds(): Promise<string[]> {
  index ??= fetch('cases/index.json')
    .then((r) => (r.ok ? (r.json() as Promise<Array<{ id: string }>>) : []))
    .then((entries) => entries.map((e) => e.id))
    .catch(() => {
      index = null; // a later visit may be online again
      return [];
    });
  return index;
}

const listeners = new Set<() => void>();
let resolutions = 0;

/** For `useSyncExternalStore`: the app re-resolves its route when an alias was looked up. */
export function onAliasResolved(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export const aliasResolutions = (): number => resolutions;

/** Tells the app an alias was looked up (found or not), so it resolves its route again. */
export function noteAliasResolved(): void {
  resolutions++;
  listeners.forEach((l) => l());
}

/** The library case an alias stands for, or null when no case of this library has it. */
export async function resolveAlias(alias: string): Promise<string | null> {
  const hit = knownAlias(alias);
  if (hit !== null) return hit;
  const ids = await libraryIds();
  const found = ids.find((id) => caseAlias(id) === alias) ?? null;
  noteAliasResolved();
  return found;
}
