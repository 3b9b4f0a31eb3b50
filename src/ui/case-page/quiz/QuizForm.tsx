import { useEffect, useRef, type KeyboardEvent } from 'react';
import { DiagnosisCombobox } from './DiagnosisCombobox';
import type { QuizDraft } from './quiz-draft';
import { messages } from '../../i18n/messages';

const m = messages.quiz.form;

interface Props {
  draft: QuizDraft;
  onDraft(d: QuizDraft): void;
  onCommit(): void;
  onSkip(): void;
  /** The commit button's words when they are not "Commit answer" (a revision). */
  commitLabel?: string | undefined;
}

const MAX_ENTRIES = 8;

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/**
 * Findings and a ranked differential, most likely first; nothing is required and "Skip" is always there. Enter in
 * a diagnosis line confirms it and moves to the next line (a new one after the last): committing is only ever the
 * button, so a learner typing at step 1 never commits by accident.
 */
export function QuizForm({ draft, onDraft, onCommit, onSkip, commitLabel }: Props) {
  const { answers } = draft;
  const named = answers.some((a) => a.trim() !== '');
  const setAnswers = (next: string[]): void => onDraft({ ...draft, answers: next });
  const list = useRef<HTMLOListElement>(null);
  /** The commit row: a line's suggestions open away from it when they can. */
  const actions = useRef<HTMLDivElement>(null);
  /** The line to focus once it is on screen (a line Enter just added). */
  const focusLine = useRef<number | null>(null);
  useEffect(() => {
    const i = focusLine.current;
    if (i === null) return;
    const input = list.current?.querySelectorAll<HTMLInputElement>('[role="combobox"]')[i];
    if (input) {
      focusLine.current = null;
      input.focus();
    }
  });
  const onLineKey = (e: KeyboardEvent<HTMLLIElement>, i: number): void => {
    // The suggestion list takes its Enter first (and prevents it); a button on the line keeps its own.
    if (e.key !== 'Enter' || e.defaultPrevented || !(e.target instanceof HTMLInputElement)) return;
    e.preventDefault();
    if (i + 1 < answers.length) {
      list.current?.querySelectorAll<HTMLInputElement>('[role="combobox"]')[i + 1]?.focus();
    } else if (answers[i]?.trim() && answers.length < MAX_ENTRIES) {
      focusLine.current = i + 1;
      setAnswers([...answers, '']);
    }
  };
  return (
    <form className="quiz-form" onSubmit={(e) => e.preventDefault()}>
      <label className="quiz-findings-input">
        {m.findings}
        <textarea rows={3} value={draft.findings} onChange={(e) => onDraft({ ...draft, findings: e.target.value })} />
      </label>
      <fieldset>
        <legend>{m.differential}</legend>
        <ol className="quiz-answers" ref={list}>
          {answers.map((a, i) => (
            <li key={i} onKeyDown={(e) => onLineKey(e, i)}>
              <span className="rank" aria-hidden="true">
                {i + 1}.
              </span>
              <DiagnosisCombobox
                label={m.diagnosis(i + 1)}
                listLabel={m.suggestions(i + 1)}
                value={a}
                onChange={(v) => setAnswers(answers.map((x, j) => (j === i ? v : x)))}
                keepClear={actions}
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
      <div className="quiz-actions" ref={actions}>
        <button type="button" disabled={!named} onClick={onCommit}>
          {commitLabel ?? m.commit}
        </button>
        <button type="button" onClick={onSkip}>
          {m.skip}
        </button>
      </div>
    </form>
  );
}
