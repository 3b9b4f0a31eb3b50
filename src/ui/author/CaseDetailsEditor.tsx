import type { Draft } from '../../case/authoring';
import { ProblemText } from './ProblemText';
import { useAuthor } from './author-context';
import { messages } from '../i18n/messages';

const m = messages.author.details;

/** The fields in page order; each one's label is its key in the dictionary. */
const FIELDS: ReadonlyArray<'id' | 'title' | 'unknownTitle' | 'summary'> = ['title', 'unknownTitle', 'id', 'summary'];

/** The case's own fields: what the library shows, and the id it is saved and linked under. */
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
            <input value={draft[key]} onChange={(e) => change((d): Draft => ({ ...d, [key]: e.target.value }))} />
          </label>
          <ProblemText problems={problems} prefix={key} />
        </div>
      ))}
    </section>
  );
}
