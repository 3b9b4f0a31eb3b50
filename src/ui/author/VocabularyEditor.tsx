import { addVocabularyEntry, removeVocabularyEntry, setVocabularyEntry } from '../../case/authoring-fields';
import { LinesField } from './LinesField';
import { ProblemText } from './ProblemText';
import { useAuthor } from './author-context';
import { messages } from '../i18n/messages';

const a = messages.authorAnswers;

/** The case's vocabulary: each diagnosis with the other names the quiz accepts for it, and suggests. */
export function VocabularyEditor() {
  const vocabulary = useAuthor((s) => s.draft.vocabulary);
  const problems = useAuthor((s) => s.problems);
  const change = useAuthor((s) => s.edit);
  return (
    <section className="author-section" aria-label={a.vocabulary.region}>
      <h2>{a.vocabulary.heading}</h2>
      <p className="muted author-intro">{a.vocabulary.intro}</p>
      {vocabulary.map((v, i) => (
        <fieldset key={v.id} className="reveal-edit">
          <label>
            {a.vocabulary.name(i + 1)}
            <input value={v.name} placeholder={a.placeholders.vocabularyName} onChange={(e) => change((d) => setVocabularyEntry(d, v.id, { name: e.target.value }))} />
          </label>
          <LinesField
            label={a.vocabulary.synonyms(i + 1)}
            lines={v.synonyms}
            placeholder={a.placeholders.synonyms}
            onChange={(synonyms) => change((d) => setVocabularyEntry(d, v.id, { synonyms }))}
          />
          <button type="button" className="subtle" onClick={() => change((d) => removeVocabularyEntry(d, v.id))}>
            {a.vocabulary.remove(i + 1)}
          </button>
          <ProblemText problems={problems} prefix={`vocabulary[${i}]`} />
        </fieldset>
      ))}
      <button type="button" onClick={() => change((d) => addVocabularyEntry(d).draft)}>
        {a.vocabulary.add}
      </button>
    </section>
  );
}
