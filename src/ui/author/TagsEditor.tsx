import { useState } from 'react';
import { setSpoilerTag, setTags } from '../../case/authoring-fields';
import { ProblemText } from './ProblemText';
import { useAuthor } from './author-context';
import { messages } from '../i18n/messages';

const a = messages.authorAnswers;

const tagsOf = (text: string): string[] => [...new Set(text.split(',').map((t) => t.trim()).filter((t) => t !== ''))];
const same = (x: readonly string[], y: readonly string[]): boolean => x.length === y.length && x.every((v, i) => v === y[i]);

/** The case's tags, comma-separated, and which of them would give the answer away (unknown mode hides those). */
export function TagsEditor() {
  const tags = useAuthor((s) => s.draft.tags);
  const spoilers = useAuthor((s) => s.draft.spoilerTags);
  const problems = useAuthor((s) => s.problems);
  const change = useAuthor((s) => s.edit);
  // Kept as typed ("Spine, " on the way to a second tag) while it says the same tags as the case.
  const [text, setText] = useState(tags.join(', '));
  const shown = same(tagsOf(text), tags) ? text : tags.join(', ');
  return (
    <div>
      <label>
        {a.details.tags}
        <input
          value={shown}
          placeholder={a.placeholders.tags}
          onChange={(e) => {
            setText(e.target.value);
            const next = tagsOf(e.target.value);
            if (!same(next, tags)) change((d) => setTags(d, next));
          }}
        />
      </label>
      <ProblemText problems={problems} prefix="tags" />
      {tags.length > 0 && (
        <fieldset className="spoiler-tags">
          <legend>{a.details.spoilers}</legend>
          {tags.map((t) => (
            <label key={t} className="check">
              <input type="checkbox" checked={spoilers.includes(t)} onChange={(e) => change((d) => setSpoilerTag(d, t, e.target.checked))} />
              <span className="visually-hidden">{a.details.spoiler(t)}</span>
              <span aria-hidden="true">{t}</span>
            </label>
          ))}
        </fieldset>
      )}
      <ProblemText problems={problems} prefix="spoilerTags" />
    </div>
  );
}
