import { useRef, useState } from 'react';
import { exportProgress } from '../../case/progress';
import { importProgress } from '../../case/progress-import';
import { importRefusalText } from './import-refusal-text';
import { readProgress, writeProgress } from '../progress-storage';
import { downloadText } from '../download';
import { messages } from '../i18n/messages';

const m = messages.library.progress;

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
      setMessage({ text: importRefusalText(file.name, result.refusal), error: true });
      return;
    }
    writeProgress(result.progress);
    setMessage({ text: m.imported(file.name, result.updated.length, result.kept.length), error: false });
  };

  return (
    <div className="progress-controls">
      <button type="button" onClick={download}>
        {m.export}
      </button>
      <label className="file-button">
        {m.import}
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
