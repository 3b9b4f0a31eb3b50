import { useState } from 'react';
import { downloadText } from '../download';
import type { ParsedCase } from '../../case/schema';
import { useAuthor } from './author-context';
import { messages } from '../i18n/messages';

const m = messages.author;

interface Props {
  actions: { capture(): void; showCue(): void; discard(): void };
  restoredAt: string | null;
  exportPackage: ((c: ParsedCase) => Promise<void>) | undefined;
  placing: boolean;
  onPlacing(on: boolean): void;
  label: string;
  onLabel(label: string): void;
  message: string | null;
}

/** Author mode's commands: capture and show the cue, place an arrow, undo and redo, the checker's verdict, export. */
export function AuthorToolbar({ actions, restoredAt, exportPackage, placing, onPlacing, label, onLabel, message }: Props) {
  const title = useAuthor((s) => s.draft.title);
  const id = useAuthor((s) => s.draft.id);
  const problems = useAuthor((s) => s.problems);
  const canUndo = useAuthor((s) => s.past.length > 0);
  const canRedo = useAuthor((s) => s.future.length > 0);
  const undo = useAuthor((s) => s.undo);
  const redo = useAuthor((s) => s.redo);
  const selected = useAuthor((s) => s.selectedSegment);
  const draft = useAuthor((s) => s.draft);
  const [exportError, setExportError] = useState<string | null>(null);

  return (
    <header className="author-header">
      <a href={`#/case/${id}`} className="back-link">
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
        <button type="button" onClick={() => downloadText(`${JSON.stringify(draft, null, 2)}\n`, 'case.json', 'application/json')}>
          {m.exportCaseJson}
        </button>
        {exportPackage && (
          <button
            type="button"
            disabled={problems.length > 0}
            onClick={() => {
              setExportError(null);
              exportPackage(draft).catch((e: unknown) => setExportError(m.packageFailed(e instanceof Error ? e.message : String(e))));
            }}
          >
            {m.exportPackage}
          </button>
        )}
      </div>
      <p role="status" className={problems.length ? 'author-status bad' : 'author-status'}>
        {problems.length === 0 ? m.checksOut : m.problems(problems.length)}
        {restoredAt && (
          <>
            {' '}
            {m.draftRestored(new Date(restoredAt).toLocaleString())}{' '}
            <button type="button" className="subtle" onClick={actions.discard}>
              {m.discardDraft}
            </button>
          </>
        )}
      </p>
      {message && <p role="alert">{message}</p>}
      {exportError && <p role="alert">{exportError}</p>}
    </header>
  );
}
