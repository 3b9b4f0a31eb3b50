import type { ParsedCase } from './schema';
import type { KeyImage } from './key-image';
import { buildTimeline } from './timeline';

/** One card of the case library, as listed in cases/index.json: enough to choose a case, no answers. */
export type LibraryEntry =
  | {
      id: string;
      title: string;
      /** What unknown mode shows instead of the title. */
      unknownTitle: string;
      summary: string;
      tags: string[];
      modalities: string[];
      audience: string;
      difficulty: string;
      duration: number;
      stepCount: number;
      syntheticImages: boolean;
      /** Tags that would give the answer away; unknown mode hides them. */
      spoilerTags: string[];
      /** Where the images come from, as the licence asks; absent for our own phantoms. */
      imageCredit?: string;
      /** The picture on the card (the build finds it for bundled cases: key-image-files.ts); absent: a placeholder. */
      keyImage?: KeyImage;
      problem?: undefined;
    }
  | { id: string; problem: string };

/** The card of a valid case: the build makes one per bundled case, the browser one per opened package. */
export function libraryEntryOf(c: ParsedCase): LibraryEntry {
  return {
    id: c.id,
    title: c.title,
    unknownTitle: c.unknownTitle,
    summary: c.summary,
    tags: c.tags,
    modalities: c.modalities,
    audience: c.audience,
    difficulty: c.difficulty,
    duration: buildTimeline(c).duration,
    stepCount: c.steps.length,
    syntheticImages: c.syntheticImages,
    spoilerTags: c.spoilerTags,
    ...(c.imageCredit ? { imageCredit: c.imageCredit } : {}),
  };
}

/** The tags a card may show: in unknown mode, not those that name the answer. */
export function visibleTags(e: LibraryEntry & { problem?: undefined }, unknown: boolean): string[] {
  return unknown ? e.tags.filter((t) => !e.spoilerTags.includes(t)) : e.tags;
}

/**
 * Text search and tag filter, as the library page applies them. In unknown mode the search sees only what the
 * card shows, or a search for a diagnosis would reveal which case it is.
 */
export function filterLibrary(entries: LibraryEntry[], query: string, tag: string | null, unknown = false): LibraryEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((e) => {
    if (e.problem !== undefined) return words.length === 0 && tag === null;
    const tags = visibleTags(e, unknown);
    if (tag && !tags.includes(tag)) return false;
    const text = unknown ? [e.unknownTitle] : [e.title, e.summary];
    const haystack = [...text, ...tags, ...e.modalities].join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

export function allTags(entries: LibraryEntry[], unknown = false): string[] {
  const tags = new Set<string>();
  for (const e of entries) if (e.problem === undefined) visibleTags(e, unknown).forEach((t) => tags.add(t));
  return [...tags].sort();
}
