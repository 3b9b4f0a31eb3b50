import { useEffect, useRef } from 'react';
import { revealedByReaching } from '../../case/reveal';
import type { RevealItem } from '../../case/schema';
import { useLesson, useLessonStore } from './lesson-context';
import { stopAsking } from './reveal-ask';
import { messages } from '../i18n/messages';
import './quiz/quiz-flow.css';

const m = messages.quizFlow.ask;

/** Brings the quiz into view with the focus on where an answer is typed (or its first button). */
function focusQuiz(): void {
  const quiz = document.querySelector<HTMLElement>('section.quiz');
  const target = quiz?.querySelector<HTMLElement>('[role="combobox"], textarea, button') ?? quiz;
  target?.focus();
}

/**
 * Asks before a step that reveals answers, while the learner has an answer to give blind: commit first (the move
 * is dropped and the quiz takes the focus), reveal anyway, or reveal and never be asked again. A modal dialog:
 * the focus starts on the safe choice, Escape is "not yet" (nothing is revealed), and the page behind is inert.
 */
export function RevealAskDialog() {
  const store = useLessonStore();
  const ask = useLesson((s) => s.revealAsk);
  const kinds = useLesson((s) => {
    if (!s.revealAsk) return '';
    const items = revealedByReaching(s.lesson, s.revealAsk.stepIndex, s.revealedThrough, s.revealedByHand, s.revealFloor);
    return [...new Set(items.map((r) => r.kind))].join(' ');
  });
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const el = dialog.current;
    if (ask && el && !el.open) el.showModal();
  }, [ask]);

  if (!ask) return null;
  const names = kinds.split(' ').map((k) => m.kinds[k as RevealItem['kind']]);
  const answer = (go: boolean, commit = false): void => {
    dialog.current?.close();
    store.getState().answerRevealAsk(go);
    if (commit) requestAnimationFrame(focusQuiz);
  };
  return (
    <dialog
      ref={dialog}
      className="reveal-ask"
      aria-labelledby="reveal-ask-question"
      aria-describedby="reveal-ask-explain"
      // Escape: not yet, nothing revealed.
      onCancel={(e) => {
        e.preventDefault();
        answer(false);
      }}
    >
      <p id="reveal-ask-question" className="reveal-ask-question">
        {m.question(new Intl.ListFormat(document.documentElement.lang || 'en', { type: 'conjunction' }).format(names))}
      </p>
      <p id="reveal-ask-explain" className="muted">
        {m.explain}
      </p>
      <div className="reveal-ask-actions">
        <button type="button" autoFocus onClick={() => answer(false, true)}>
          {m.commitFirst}
        </button>
        <button type="button" onClick={() => answer(true)}>
          {m.revealAnyway}
        </button>
        <button
          type="button"
          className="subtle"
          onClick={() => {
            stopAsking();
            store.getState().setAskBeforeRevealing(false);
            answer(true);
          }}
        >
          {m.dontAsk}
        </button>
      </div>
    </dialog>
  );
}
