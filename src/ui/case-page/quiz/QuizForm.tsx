import { DiagnosisCombobox } from './DiagnosisCombobox';
import type { QuizDraft } from './quiz-draft';
import { messages } from '../../i18n/messages';

const m = messages.quiz.form;

interface Props {
  draft: QuizDraft;
  onDraft(d: QuizDraft): void;
  onCommit(): void;
  onSkip(): void;
}

const MAX_ENTRIES = 8;

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** Findings and a ranked differential, most likely first; nothing is required and "Skip" is always there. */
export function QuizForm({ draft, onDraft, onCommit, onSkip }: Props) {
  const { answers } = draft;
  const named = answers.some((a) => a.trim() !== '');
  const setAnswers = (next: string[]): void => onDraft({ ...draft, answers: next });
  return (
    <form
      className="quiz-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (named) onCommit();
      }}
    >
      <label className="quiz-findings-input">
        {m.findings}
        <textarea rows={3} value={draft.findings} onChange={(e) => onDraft({ ...draft, findings: e.target.value })} />
      </label>
      <fieldset>
        <legend>{m.differential}</legend>
        <ol className="quiz-answers">
          {answers.map((a, i) => (
            <li key={i}>
              <span className="rank" aria-hidden="true">
                {i + 1}.
              </span>
              <DiagnosisCombobox
                label={m.diagnosis(i + 1)}
                listLabel={m.suggestions(i + 1)}
                value={a}
                onChange={(v) => setAnswers(answers.map((x, j) => (j === i ? v : x)))}
              />
              <button type="button" aria-label={m.moveUp(i + 1)} disabled={i === 0} onClick={() => setAnswers(move(answers, i, i - 1))}>
                ↑
              </button>
              <button
                type="button"
                aria-label={m.moveDown(i + 1)}
                disabled={i === answers.length - 1}
                onClick={() => setAnswers(move(answers, i, i + 1))}
              >
                ↓
              </button>
              <button
                type="button"
                aria-label={m.remove(i + 1)}
                disabled={answers.length === 1}
                onClick={() => setAnswers(answers.filter((_, j) => j !== i))}
              >
                ✕
              </button>
            </li>
          ))}
        </ol>
        {answers.length < MAX_ENTRIES && (
          <button type="button" className="subtle" onClick={() => setAnswers([...answers, ''])}>
            {m.add}
          </button>
        )}
      </fieldset>
      <div className="quiz-actions">
        <button type="submit" disabled={!named}>
          {m.commit}
        </button>
        <button type="button" onClick={onSkip}>
          {m.skip}
        </button>
      </div>
    </form>
  );
}
