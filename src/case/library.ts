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
      problem?: undefined;
    }
  | { id: string; problem: string };

/** Text search and tag filter, as the library page applies them. */
export function filterLibrary(entries: LibraryEntry[], query: string, tag: string | null): LibraryEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((e) => {
    if (e.problem !== undefined) return words.length === 0 && tag === null;
    if (tag && !e.tags.includes(tag)) return false;
    const haystack = [e.title, e.summary, ...e.tags, ...e.modalities].join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

export function allTags(entries: LibraryEntry[]): string[] {
  const tags = new Set<string>();
  for (const e of entries) if (e.problem === undefined) e.tags.forEach((t) => tags.add(t));
  return [...tags].sort();
}
