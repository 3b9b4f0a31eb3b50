import * as edit from '../../case/authoring';
import { ProblemText } from './ProblemText';
import { useAuthor } from './author-context';
import { messages } from '../i18n/messages';

const m = messages.author.steps;

/** Steps with their titles; segments join a step through their own "Step" choice. */
export function StepsEditor() {
  const steps = useAuthor((s) => s.draft.steps);
  const problems = useAuthor((s) => s.problems);
  const change = useAuthor((s) => s.edit);
  return (
    <section className="author-section" aria-label={m.region}>
      <h2>{m.heading}</h2>
      <ol className="author-steps">
        {steps.map((st, i) => (
          <li key={st.id}>
            <label>
              <span className="visually-hidden">{m.stepTitle(i + 1)}</span>
              <input value={st.title} onChange={(e) => change((d) => edit.renameStep(d, st.id, e.target.value))} />
            </label>
            <ProblemText problems={problems} prefix={`steps[${i}]`} />
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => change((d) => edit.addStep(d, m.newTitle(d.steps.length + 1)).draft)}>
        {m.add}
      </button>
    </section>
  );
}
