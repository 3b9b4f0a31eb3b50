/**
 * Which vocabulary entry a diagnosis stands for. An author may tie a differential entry or the final diagnosis
 * to an entry by id; without an id, a diagnosis whose text is one of an entry's names (normalised as the quiz
 * compares names: case, spaces, punctuation, plurals) is tied to it automatically, so synonyms count either way.
 */
import type { VocabularyEntry } from './schema';
import { termKey } from './terms';

/** Every name of an entry: its main name, then its synonyms. */
export const namesOf = (v: VocabularyEntry): string[] => [v.name, ...v.synonyms];

/** The entry a name belongs to (by its normalised form), if any. */
export function entryNamed(vocabulary: readonly VocabularyEntry[], text: string): VocabularyEntry | undefined {
  const key = termKey(text);
  if (key === '') return undefined;
  return vocabulary.find((v) => namesOf(v).some((n) => termKey(n) === key));
}

/** The entry a diagnosis is tied to: the one its `vocabularyId` names, else the one its own text names. */
export function tiedEntry(
  vocabulary: readonly VocabularyEntry[],
  text: string,
  vocabularyId: string | undefined,
): VocabularyEntry | undefined {
  if (vocabularyId !== undefined) return vocabulary.find((v) => v.id === vocabularyId);
  return entryNamed(vocabulary, text);
}
