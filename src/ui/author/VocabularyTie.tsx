import { entryNamed } from '../../case/vocabulary';
import { useAuthor } from './author-context';
import { messages } from '../i18n/messages';

const a = messages.authorAnswers.tie;

interface Props {
  /** Which diagnosis this is, for the label: "the final diagnosis", "diagnosis 2". */
  of: string;
  text: string;
  vocabularyId: string | undefined;
  onTie(vocabularyId: string | undefined): void;
}

/**
 * The vocabulary entry a diagnosis stands for, so the quiz accepts its synonyms. "Automatic" (no id in the case)
 * ties it to the entry one of whose names is its text, and says which one that is.
 */
export function VocabularyTie({ of, text, vocabularyId, onTie }: Props) {
  const vocabulary = useAuthor((s) => s.draft.vocabulary);
  const auto = entryNamed(vocabulary, text);
  return (
    <label>
      {a.label(of)}
      <select value={vocabularyId ?? ''} onChange={(e) => onTie(e.target.value === '' ? undefined : e.target.value)}>
        <option value="">{a.automatic(auto ? auto.name : null)}</option>
        {/* A tie to an entry the case lacks (a hand-edited file) is shown as it is, not as "Automatic". */}
        {vocabularyId !== undefined && !vocabulary.some((v) => v.id === vocabularyId) && (
          <option value={vocabularyId}>{messages.authorTeaching.problems.lostEntry(vocabularyId)}</option>
        )}
        {vocabulary.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name || a.unnamed(v.id)}
          </option>
        ))}
      </select>
    </label>
  );
}
