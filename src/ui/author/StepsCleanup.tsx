import { useState } from 'react';
import { removeStepsWithoutSegments, stepsWithoutSegments } from '../../case/draft-preview';
import { useAuthor } from './author-context';
import { messages } from '../i18n/messages';

const m = messages.stepsCleanup;

/**
 * One button for the steps no segment belongs to (a take leaves every step it never reached so), instead of one
 * problem per step to clear by hand. One edit: one Undo brings them all back.
 */
export function StepsCleanup() {
  const draft = useAuthor((s) => s.draft);
  const edit = useAuthor((s) => s.edit);
  // What the removal did, said until the draft changes again.
  const [said, setSaid] = useState<{ text: string; after: typeof draft } | null>(null);
  const empty = draft.transcript.length > 0 ? stepsWithoutSegments(draft).length : 0;
  // Every step but one may go: a case keeps one step.
  const removable = Math.min(empty, draft.steps.length - 1);
  if (removable === 0) return said?.after === draft ? <p role="status">{said.text}</p> : null;
  const remove = (): void => {
    const r = removeStepsWithoutSegments(draft);
    edit(() => r.draft);
    setSaid({ text: m.removed(r.removed, r.answers), after: r.draft });
  };
  return (
    <p className="steps-cleanup">
      <span className="muted">{m.why}</span>{' '}
      <button type="button" onClick={remove}>
        {m.remove(removable)}
      </button>
    </p>
  );
}
