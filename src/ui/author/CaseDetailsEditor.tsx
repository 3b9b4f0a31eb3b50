import type { Draft } from '../../case/authoring';
import { ProblemText } from './ProblemText';
import { useAuthor } from './author-context';

const FIELDS: Array<{ key: 'id' | 'title' | 'unknownTitle' | 'summary'; label: string }> = [
  { key: 'title', label: 'Title' },
  { key: 'unknownTitle', label: 'Title in unknown mode (must not give the answer)' },
  { key: 'id', label: 'Case id (lower-case letters, digits, dashes)' },
  { key: 'summary', label: 'Summary' },
];

/** The case's own fields: what the library shows, and the id it is saved and linked under. */
export function CaseDetailsEditor() {
  const draft = useAuthor((s) => s.draft);
  const problems = useAuthor((s) => s.problems);
  const change = useAuthor((s) => s.edit);
  return (
    <section className="author-section" aria-label="Case details">
      <h2>Case</h2>
      {FIELDS.map(({ key, label }) => (
        <div key={key}>
          <label>
            {label}
            <input value={draft[key]} onChange={(e) => change((d): Draft => ({ ...d, [key]: e.target.value }))} />
          </label>
          <ProblemText problems={problems} prefix={key} />
        </div>
      ))}
    </section>
  );
}
