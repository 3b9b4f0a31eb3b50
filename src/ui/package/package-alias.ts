/**
 * Which case package an unknown-mode address (`#/unknown/package/<alias>`) stands for: one opened in this page, or
 * one this browser keeps (a reload forgets what was opened, not what was kept).
 */
import { knownPackageAlias, noteAliasResolved, packageAlias } from '../case-alias';
import { keptCaseIds } from './kept-packages';
import { openedPackageIds } from './opened-packages';

/** The case id of the package an alias stands for, or null when none here has it. */
export async function resolvePackageAlias(alias: string): Promise<string | null> {
  const hit = knownPackageAlias(alias);
  if (hit !== null) return hit;
  const ids = [...openedPackageIds(), ...(await keptCaseIds())];
  const found = ids.find((id) => packageAlias(id) === alias) ?? null;
  noteAliasResolved();
  return found;
}
