import { useRef, useState } from 'react';
import { exportProgress, importProgress } from '../../case/progress';
import { readProgress, writeProgress } from '../progress-storage';
import { downloadText } from '../download';

/** Moves a learner's progress between browsers as a JSON file; a bad file changes nothing and says why. */
export function ProgressControls() {
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const download = (): void => {
    downloadText(exportProgress(readProgress()), 'case-progress.json', 'application/json');
  };

  const load = async (file: File): Promise<void> => {
    const result = importProgress(await file.text(), readProgress());
    if (!result.ok) {
      setMessage({ text: `${file.name}: ${result.error}. Your progress is unchanged.`, error: true });
      return;
    }
    writeProgress(result.progress);
    setMessage({ text: `${file.name}: imported ${result.updated.length} case(s), kept ${result.kept.length} newer here.`, error: false });
  };

  return (
    <div className="progress-controls">
      <button type="button" onClick={download}>
        Export progress
      </button>
      <label className="file-button">
        Import progress
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void load(file);
            e.target.value = '';
          }}
        />
      </label>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error-text' : 'muted'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
