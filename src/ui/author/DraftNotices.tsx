import { reuseText } from '../../case/reuse-text';
import { readDraft, type LocalDraftSummary } from './draft-storage';
import { useAuthor } from './author-context';
import { ExportPanel } from './ExportPanel';
import { ArchivePanel } from './archive/ArchivePanel';
import type { NarrationFile, PreparedPackage } from './prepared-package';
import type { ParsedCase } from '../../case/schema';
import { messages } from '../i18n/messages';

const m = messages.author;

interface Props {
  restoredAt: string | null;
  onDiscard(): void;
  /** A draft kept for other local files: this one is new, and may take that one's words. */
  otherDraft: LocalDraftSummary | null;
  recording: File | null;
  preparePackage?: (caseJson: ParsedCase, narration: NarrationFile | undefined) => Promise<PreparedPackage>;
  archiveCaseId?: string;
}

/** Under the toolbar: where the draft came from, the checker's verdict with every problem, and export. */
export function DraftNotices({ restoredAt, onDiscard, otherDraft, recording, preparePackage, archiveCaseId }: Props) {
  const change = useAuthor((s) => s.edit);
  return (
    <div className="author-notices">
      {restoredAt && (
        <p className="draft-note">
          {m.draftRestored(new Date(restoredAt).toLocaleString())}{' '}
          <button type="button" className="subtle" onClick={onDiscard}>
            {m.discardDraft}
          </button>
        </p>
      )}
      {!restoredAt && otherDraft && (
        <p className="draft-note" role="note">
          {m.otherFiles(otherDraft.title || m.untitled, otherDraft.images)}{' '}
          <button
            type="button"
            className="subtle"
            onClick={() => {
              const other = readDraft(otherDraft.key);
              if (other) change((d) => reuseText(d, other.draft));
            }}
          >
            {m.reuseText(otherDraft.title || m.untitled)}
          </button>
        </p>
      )}
      <ExportPanel recording={recording} preparePackage={preparePackage} />
      {archiveCaseId && <ArchivePanel caseId={archiveCaseId} />}
    </div>
  );
}
