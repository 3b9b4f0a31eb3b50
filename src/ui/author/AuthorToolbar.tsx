import type { ReactNode } from 'react';
import { useAuthor } from './author-context';
import type { PreviewKind } from './AuthorPreview';
import { messages } from '../i18n/messages';

const m = messages.author;

interface Props {
  actions: { capture(): void; showCue(): void };
  backHref: string;
  placing: boolean;
  onPlacing(on: boolean): void;
  label: string;
  onLabel(label: string): void;
  message: string | null;
  onPreview(kind: PreviewKind): void;
  /** Starts a take (record/): off while one runs. */
  onRecord(): void;
  recording: boolean;
  /** The take's bar, under the toolbar. */
  children?: ReactNode;
}

/** Author mode's commands: capture and show the cue, place an arrow, undo and redo, preview as the others see it. */
export function AuthorToolbar({ actions, backHref, placing, onPlacing, label, onLabel, message, onPreview, onRecord, recording, children }: Props) {
  const title = useAuthor((s) => s.draft.title);
  const canUndo = useAuthor((s) => s.past.length > 0);
  const canRedo = useAuthor((s) => s.future.length > 0);
  const undo = useAuthor((s) => s.undo);
  const redo = useAuthor((s) => s.redo);
  const selected = useAuthor((s) => s.selectedSegment);

  return (
    <header className="author-header">
      <a href={backHref} className="back-link">
        {m.backToCase}
      </a>
      <h1>{m.heading(title)}</h1>
      <div className="row" role="toolbar" aria-label={m.toolbar}>
        <button type="button" onClick={actions.capture} disabled={!selected}>
          {m.capture}
        </button>
        <button type="button" onClick={actions.showCue}>
          {m.showCue}
        </button>
        <label>
          {m.arrowLabel} <input value={label} onChange={(e) => onLabel(e.target.value)} />
        </label>
        <button type="button" aria-pressed={placing} disabled={!selected} onClick={() => onPlacing(!placing)}>
          {m.placeArrow}
        </button>
        <button type="button" onClick={undo} disabled={!canUndo} aria-keyshortcuts="Control+Z">
          {m.undo}
        </button>
        <button type="button" onClick={redo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z">
          {m.redo}
        </button>
        <button type="button" onClick={onRecord} disabled={recording}>
          {messages.record.record}
        </button>
        <button type="button" onClick={() => onPreview('learner')}>
          {m.preview.learner}
        </button>
        <button type="button" onClick={() => onPreview('audience')}>
          {m.preview.audience}
        </button>
      </div>
      {message && <p role="alert">{message}</p>}
      {children}
    </header>
  );
}
