import type { ParsedCase } from './schema';
import type { KeyImage } from './key-image';
import { buildTimeline } from './timeline';
import { quizKey } from './quiz';

/**
 * One card of the case library, as listed in cases/index.json: enough to choose a case. Its answers are there
 * only as `answerTerms`, for search outside unknown mode; the page never shows them.
 */
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
      /**
       * The names of the case's differential and final diagnosis, with their vocabulary synonyms, so a search for
       * "leukemia" finds the case outside unknown mode (never shown; absent from older indexes).
       */
      answerTerms?: string[];
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
    answerTerms: answerTerms(c),
    ...(c.imageCredit ? { imageCredit: c.imageCredit } : {}),
  };
}

/** Lower case without accents ("leucémie" finds "leucemie"); any script's letters stay. */
const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Every name that counts for the case's answers (the quiz's key: quiz.ts), each once. */
export function answerTerms(c: ParsedCase): string[] {
  const names = quizKey(c)?.entries.flatMap((e) => e.names) ?? [];
  const dx = c.reveal.find((r) => r.kind === 'diagnosis');
  if (dx?.kind === 'diagnosis') names.push(dx.diagnosis);
  return [...new Set(names)];
}

/** The tags a card may show: in unknown mode, not those that name the answer. */
export function visibleTags(e: LibraryEntry & { problem?: undefined }, unknown: boolean): string[] {
  return unknown ? e.tags.filter((t) => !e.spoilerTags.includes(t)) : e.tags;
}

/**
 * Text search and tag filters, as the library page applies them: a case must carry every tag that is on, and
 * hold every word of the query (accents and case aside) in its title, summary, tags, modalities or answer names.
 * In unknown mode the search sees only what the card shows, or a search for a diagnosis would reveal which case
 * it is.
 */
export function filterLibrary(entries: LibraryEntry[], query: string, tagsOn: readonly string[], unknown = false): LibraryEntry[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return entries.filter((e) => {
    if (e.problem !== undefined) return words.length === 0 && tagsOn.length === 0;
    const tags = visibleTags(e, unknown);
    if (!tagsOn.every((t) => tags.includes(t))) return false;
    const text = unknown ? [e.unknownTitle] : [e.title, e.summary, ...(e.answerTerms ?? [])];
    const haystack = fold([...text, ...tags, ...e.modalities].join(' '));
    return words.every((w) => haystack.includes(w));
  });
}

export function allTags(entries: LibraryEntry[], unknown = false): string[] {
  const tags = new Set<string>();
  for (const e of entries) if (e.problem === undefined) visibleTags(e, unknown).forEach((t) => tags.add(t));
  return [...tags].sort();
}
