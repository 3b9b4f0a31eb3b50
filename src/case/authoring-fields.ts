/**
 * Edits of the case's own fields (tags and spoiler tags, audience, difficulty, image credit, summary) and of its
 * vocabulary, as pure functions like `authoring.ts`.
 */
import { freshId, type Draft } from './authoring';
import type { ParsedCase, RevealItem, VocabularyEntry } from './schema';

export type Difficulty = ParsedCase['difficulty'];

/** The tags; a spoiler tag that is no longer a tag stops being one. */
export function setTags(d: Draft, tags: readonly string[]): Draft {
  const unique = [...new Set(tags.map((t) => t.trim()).filter((t) => t !== ''))];
  return { ...d, tags: unique, spoilerTags: d.spoilerTags.filter((t) => unique.includes(t)) };
}

/** Marks a tag as one that hints at the answer (unknown mode hides it), or not. */
export function setSpoilerTag(d: Draft, tag: string, spoiler: boolean): Draft {
  const others = d.spoilerTags.filter((t) => t !== tag);
  return { ...d, spoilerTags: spoiler && d.tags.includes(tag) ? [...others, tag] : others };
}

export function setAudience(d: Draft, audience: string): Draft {
  return { ...d, audience };
}

export function setDifficulty(d: Draft, difficulty: Difficulty): Draft {
  return { ...d, difficulty };
}

export function setSummary(d: Draft, summary: string): Draft {
  return { ...d, summary };
}

/** The caption under the images; an empty one is left out of the case. */
export function setImageCredit(d: Draft, credit: string): Draft {
  const { imageCredit: _old, ...rest } = d;
  return credit.trim() === '' ? rest : { ...rest, imageCredit: credit };
}

/** A new vocabulary entry, empty until the author names it. */
export function addVocabularyEntry(d: Draft, name = ''): { draft: Draft; id: string } {
  const id = freshId('dx', d.vocabulary.map((v) => v.id));
  return { draft: { ...d, vocabulary: [...d.vocabulary, { id, name, synonyms: [] }] }, id };
}

export function setVocabularyEntry(d: Draft, id: string, change: Partial<Pick<VocabularyEntry, 'name' | 'synonyms'>>): Draft {
  return { ...d, vocabulary: d.vocabulary.map((v) => (v.id === id ? { ...v, ...change } : v)) };
}

/** Removes an entry and every tie to it (those diagnoses are then tied by their names again, if at all). */
export function removeVocabularyEntry(d: Draft, id: string): Draft {
  const untie = <T extends { vocabularyId?: string | undefined }>(x: T): T => {
    if (x.vocabularyId !== id) return x;
    const { vocabularyId: _gone, ...rest } = x;
    return rest as T;
  };
  const reveal = d.reveal.map((r): RevealItem => {
    if (r.kind === 'differential') return { ...r, entries: r.entries.map(untie) };
    if (r.kind === 'diagnosis') return untie(r);
    return r;
  });
  return { ...d, vocabulary: d.vocabulary.filter((v) => v.id !== id), reveal, whyNot: d.whyNot.map(untie) };
}
