import { useState } from 'react';
import * as edit from '../../case/authoring';
import { moveStep, removeStep, setSpeakerNotes } from '../../case/authoring-steps';
import { LandingField } from './LandingField';
import { ProblemText } from './ProblemText';
import { problemUnder } from './problem-words';
import { useAuthor, useAuthorStore } from './author-context';
import { messages } from '../i18n/messages';

const m = messages.author.steps;
const a = messages.authorAnswers;

/**
 * Steps with their titles and speaker notes (the presenter console shows them); a step can be moved, its
 * segments moving with it in time, or deleted, what it held going to its neighbour (said, and undoable).
 * Segments join a step through their own "Step" choice.
 */
export function StepsEditor() {
  const steps = useAuthor((s) => s.draft.steps);
  const notes = useAuthor((s) => s.draft.speakerNotes);
  const problems = useAuthor((s) => s.problems);
  const change = useAuthor((s) => s.edit);
  const store = useAuthorStore();
  const [said, setSaid] = useState('');

  const remove = (id: string, n: number): void => {
    const before = store.getState().draft;
    const r = removeStep(before, id);
    if (r.draft === before) return;
    change(() => r.draft);
    const into = before.steps.find((s) => s.id === r.into);
    const k = before.steps.findIndex((s) => s.id === r.into);
    setSaid(a.steps.removed(n, into ? into.title || a.steps.untitled(k + 1) : null, r));
  };

  return (
    <section className="author-section" aria-label={m.region}>
      <h2>{m.heading}</h2>
      <ol className="author-steps">
        {steps.map((st, i) => (
          <li key={st.id} className="step-edit">
            <label>
              <span className="visually-hidden">{m.stepTitle(i + 1)}</span>
              <input value={st.title} placeholder={a.placeholders.stepTitle} onChange={(e) => change((d) => edit.renameStep(d, st.id, e.target.value))} />
            </label>
            <label>
              {a.steps.speakerNotes(i + 1)}
              <textarea
                rows={2}
                value={notes[st.id] ?? ''}
                placeholder={a.placeholders.speakerNotes}
                onChange={(e) => change((d) => setSpeakerNotes(d, st.id, e.target.value))}
              />
            </label>
            <LandingField step={st} n={i + 1} />
            <div className="row">
              <button type="button" aria-label={a.steps.moveUp(i + 1)} disabled={i === 0} onClick={() => change((d) => moveStep(d, st.id, -1))}>
                ↑
              </button>
              <button
                type="button"
                aria-label={a.steps.moveDown(i + 1)}
                disabled={i === steps.length - 1}
                onClick={() => change((d) => moveStep(d, st.id, 1))}
              >
                ↓
              </button>
              <button type="button" className="subtle" disabled={steps.length === 1} onClick={() => remove(st.id, i + 1)}>
                {a.steps.remove(i + 1)}
              </button>
            </div>
            <ProblemText problems={problems.filter((p) => !problemUnder(p.path, `steps[${i}].landing`))} prefix={`steps[${i}]`} />
            <ProblemText problems={problems} prefix={`speakerNotes.${st.id}`} />
          </li>
        ))}
      </ol>
      <p className="muted" role="status">
        {said}
      </p>
      <button type="button" onClick={() => change((d) => edit.addStep(d).draft)}>
        {m.add}
      </button>
    </section>
  );
}
