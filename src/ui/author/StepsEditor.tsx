import * as edit from '../../case/authoring';
import { ProblemText } from './ProblemText';
import { useAuthor } from './author-context';

/** Steps with their titles; segments join a step through their own "Step" choice. */
export function StepsEditor() {
  const steps = useAuthor((s) => s.draft.steps);
  const problems = useAuthor((s) => s.problems);
  const change = useAuthor((s) => s.edit);
  return (
    <section className="author-section" aria-label="Steps editor">
      <h2>Steps</h2>
      <ol className="author-steps">
        {steps.map((st, i) => (
          <li key={st.id}>
            <label>
              <span className="visually-hidden">Title of step {i + 1}</span>
              <input value={st.title} onChange={(e) => change((d) => edit.renameStep(d, st.id, e.target.value))} />
            </label>
            <ProblemText problems={problems} prefix={`steps[${i}]`} />
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => change((d) => edit.addStep(d, `Step ${d.steps.length + 1}`).draft)}>
        Add step
      </button>
    </section>
  );
}
