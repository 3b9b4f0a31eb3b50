import { useState } from 'react';
import { addVocabularyEntry, removeVocabularyEntry, setVocabularyEntry } from '../../case/authoring-fields';
import { ProblemText } from './ProblemText';
import { useAuthor } from './author-context';
import { messages } from '../i18n/messages';

const a = messages.authorAnswers;

const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

const same = (x: readonly string[], y: readonly string[]): boolean => x.length === y.length && x.every((v, i) => v === y[i]);

/**
 * Synonyms, one per line. The text typed is kept as typed (a new empty line included) while it says the same
 * list as the case; an undo that changes the list brings the field back to it.
 */
function SynonymsField({ n, synonyms, onChange }: { n: number; synonyms: readonly string[]; onChange(list: string[]): void }) {
  const [text, setText] = useState(synonyms.join('\n'));
  const shown = same(linesOf(text), synonyms) ? text : synonyms.join('\n');
  return (
    <label>
      {a.vocabulary.synonyms(n)}
      <textarea
        rows={Math.max(2, synonyms.length + 1)}
        value={shown}
        placeholder={a.placeholders.synonyms}
        onChange={(e) => {
          setText(e.target.value);
          const list = linesOf(e.target.value);
          if (!same(list, synonyms)) onChange(list);
        }}
      />
    </label>
  );
}

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
          <SynonymsField n={i + 1} synonyms={v.synonyms} onChange={(synonyms) => change((d) => setVocabularyEntry(d, v.id, { synonyms }))} />
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
