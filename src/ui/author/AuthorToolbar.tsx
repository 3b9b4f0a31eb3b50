import { useState } from 'react';
import { downloadText } from '../download';
import type { ParsedCase } from '../../case/schema';
import { useAuthor } from './author-context';

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
        ← Case
      </a>
      <h1>Authoring: {title}</h1>
      <div className="row" role="toolbar" aria-label="Authoring tools">
        <button type="button" onClick={actions.capture} disabled={!selected}>
          Capture view
        </button>
        <button type="button" onClick={actions.showCue}>
          Show cue
        </button>
        <label>
          Arrow label <input value={label} onChange={(e) => onLabel(e.target.value)} />
        </label>
        <button type="button" aria-pressed={placing} disabled={!selected} onClick={() => onPlacing(!placing)}>
          Place arrow
        </button>
        <button type="button" onClick={undo} disabled={!canUndo} aria-keyshortcuts="Control+Z">
          Undo
        </button>
        <button type="button" onClick={redo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z">
          Redo
        </button>
        <button type="button" onClick={() => downloadText(`${JSON.stringify(draft, null, 2)}\n`, 'case.json', 'application/json')}>
          Export case.json
        </button>
        {exportPackage && (
          <button
            type="button"
            disabled={problems.length > 0}
            onClick={() => {
              setExportError(null);
              exportPackage(draft).catch((e: unknown) => setExportError(`The package could not be made: ${e instanceof Error ? e.message : String(e)}`));
            }}
          >
            Export package
          </button>
        )}
      </div>
      <p role="status" className={problems.length ? 'author-status bad' : 'author-status'}>
        {problems.length === 0 ? 'The case checks out.' : `${problems.length} problem${problems.length > 1 ? 's' : ''} to fix (shown by each field).`}
        {restoredAt && (
          <>
            {' '}
            Draft restored from {new Date(restoredAt).toLocaleString()}.{' '}
            <button type="button" className="subtle" onClick={actions.discard}>
              Discard draft
            </button>
          </>
        )}
      </p>
      {message && <p role="alert">{message}</p>}
      {exportError && <p role="alert">{exportError}</p>}
    </header>
  );
}
