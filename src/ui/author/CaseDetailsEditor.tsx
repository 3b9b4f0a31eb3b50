import type { Draft } from '../../case/authoring';
import { setAudience, setDifficulty, setImageCredit, setSummary, type Difficulty } from '../../case/authoring-fields';
import { ProblemText } from './ProblemText';
import { TagsEditor } from './TagsEditor';
import { useAuthor } from './author-context';
import { messages } from '../i18n/messages';

const m = messages.author.details;
const a = messages.authorAnswers;

/** The one-line fields in page order; each one's label is its key in the dictionary. */
const FIELDS: ReadonlyArray<'id' | 'title' | 'unknownTitle'> = ['title', 'unknownTitle', 'id'];
const PLACEHOLDER: Partial<Record<(typeof FIELDS)[number], string>> = { title: a.placeholders.title, unknownTitle: a.placeholders.unknownTitle };
const DIFFICULTIES: readonly Difficulty[] = ['introductory', 'intermediate', 'advanced'];

/**
 * The case's own fields: what the library shows (title, summary, tags, audience, difficulty), the caption under
 * the images, and the id it is saved and linked under.
 */
export function CaseDetailsEditor() {
  const draft = useAuthor((s) => s.draft);
  const problems = useAuthor((s) => s.problems);
  const change = useAuthor((s) => s.edit);
  return (
    <section className="author-section" aria-label={m.region}>
      <h2>{m.heading}</h2>
      {FIELDS.map((key) => (
        <div key={key}>
          <label>
            {m[key]}
            <input value={draft[key]} placeholder={PLACEHOLDER[key]} onChange={(e) => change((d): Draft => ({ ...d, [key]: e.target.value }))} />
          </label>
          <ProblemText problems={problems} prefix={key} />
        </div>
      ))}
      <label>
        {a.details.summary}
        <textarea rows={3} value={draft.summary} placeholder={a.placeholders.summary} onChange={(e) => change((d) => setSummary(d, e.target.value))} />
      </label>
      <ProblemText problems={problems} prefix="summary" />
      <TagsEditor />
      <div className="row">
        <label>
          {a.details.audience}
          <input value={draft.audience} placeholder={a.placeholders.audience} onChange={(e) => change((d) => setAudience(d, e.target.value))} />
        </label>
        <label>
          {a.details.difficulty}
          <select value={draft.difficulty} onChange={(e) => {
              const level = DIFFICULTIES.find((k) => k === e.target.value);
              if (level) change((d) => setDifficulty(d, level));
            }}>
            {DIFFICULTIES.map((k) => (
              <option key={k} value={k}>
                {a.details.difficulties[k]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        {a.details.imageCredit}
        <textarea rows={2} value={draft.imageCredit ?? ''} placeholder={a.placeholders.imageCredit} onChange={(e) => change((d) => setImageCredit(d, e.target.value))} />
      </label>
      <ProblemText problems={problems} prefix="imageCredit" />
    </section>
  );
}
