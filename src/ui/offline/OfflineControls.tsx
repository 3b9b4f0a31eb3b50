import { useEffect, useState } from 'react';
import { offlineSupported, removeOfflineCase, useSavedCases } from './offline-cache';
import type { SaveProgress } from './save-case';

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/** The storage this site may use and has used, as the browser estimates it. */
function useStorageEstimate(trigger: unknown): string | null {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    void navigator.storage
      ?.estimate?.()
      .then((e) => setText(e.quota ? `${mb(e.usage ?? 0)} of ${mb(e.quota)} of this browser's storage in use` : null))
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
      setError(`Could not save for offline: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setProgress(null);
    }
  };

  return (
    <div className="offline-controls" role="group" aria-label={`Offline copy of ${label}`}>
      {progress ? (
        <>
          <progress max={progress.totalFiles} value={progress.files} aria-label="Saving for offline" />
          <span role="status">
            Saving: {progress.files} of {progress.totalFiles} files, {mb(progress.bytes)}
          </span>
        </>
      ) : saved ? (
        <>
          <span role="status">Saved for offline ({mb(saved.bytes)})</span>
          <button type="button" className="subtle" onClick={() => void removeOfflineCase(caseId)}>
            Remove offline copy
          </button>
        </>
      ) : (
        <button type="button" onClick={() => void save()}>
          Save for offline
        </button>
      )}
      {estimate && <span className="muted storage-estimate">{estimate}</span>}
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
