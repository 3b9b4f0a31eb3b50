import { useEffect, useState } from 'react';
import { offlineSupported, removeOfflineCase, useSavedCases } from './offline-cache';
import type { SaveProgress } from './save-case';
import { messages } from '../i18n/messages';

const m = messages.offline;
const mb = m.megabytes;

/** The storage this site may use and has used, as the browser estimates it. */
function useStorageEstimate(trigger: unknown): string | null {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    void navigator.storage
      ?.estimate?.()
      .then((e) => setText(e.quota ? m.storageInUse(mb(e.usage ?? 0), mb(e.quota)) : null))
      .catch(() => setText(null));
  }, [trigger]);
  return text;
}

/** "Save for offline" on a library card: progress in bytes while saving, then the size and "Remove offline copy". */
export function OfflineControls({ caseId, label }: { caseId: string; label: string }) {
  const saved = useSavedCases()[caseId];
  const [progress, setProgress] = useState<SaveProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const estimate = useStorageEstimate(saved);
  if (!offlineSupported()) return null;

  const save = async (): Promise<void> => {
    setError(null);
    try {
      const { saveCaseOffline } = await import('./save-case');
      await saveCaseOffline(caseId, setProgress);
    } catch (e) {
      setError(m.saveFailed(e instanceof Error ? e.message : String(e)));
    } finally {
      setProgress(null);
    }
  };

  return (
    <div className="offline-controls" role="group" aria-label={m.group(label)}>
      {progress ? (
        <>
          <progress max={progress.totalFiles} value={progress.files} aria-label={m.saving} />
          <span role="status">{m.progress(progress.files, progress.totalFiles, mb(progress.bytes))}</span>
        </>
      ) : saved ? (
        <>
          <span role="status">{m.saved(mb(saved.bytes))}</span>
          <button type="button" className="subtle" onClick={() => void removeOfflineCase(caseId)}>
            {m.remove}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => void save()}>
          {m.save}
        </button>
      )}
      {estimate && <span className="muted storage-estimate">{estimate}</span>}
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
