import { useEffect, useMemo, useState } from 'react';
import { downloadText } from '../download';
import type { ParsedCase } from '../../case/schema';
import { useAuthor } from './author-context';
import { ProblemList } from './ProblemList';
import { IdentifierReview } from './IdentifierReview';
import { narrationBytes } from './draft-recording';
import { narrationFileName, withRecording } from './narration-export';
import { recordingDuration } from './segments/decode-recording';
import type { NarrationFile, PreparedPackage } from './prepared-package';
import type { Findings } from '../../dicom/deid/findings';
import { messages } from '../i18n/messages';

const m = messages.author;

interface Props {
  recording: File | null;
  preparePackage?: (caseJson: ParsedCase, narration: NarrationFile | undefined) => Promise<PreparedPackage>;
}

/**
 * The checker's verdict, every problem listed with a way to its field, and export: case.json (always: it is the
 * author's work, problems and all), the recording beside it, and the package, which waits for a clean check and
 * for the author to confirm what de-identification found and does.
 */
export function ExportPanel({ recording, preparePackage }: Props) {
  const problems = useAuthor((s) => s.problems);
  const draft = useAuthor((s) => s.draft);
  const [busy, setBusy] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const [prepared, setPrepared] = useState<(PreparedPackage & { findings: Findings }) | null>(null);
  const blocked = problems.length > 0;
  // Made and revoked by one effect: a memoised URL is revoked by StrictMode's second run of effects, and kept.
  const [recordingUrl, setRecordingUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!recording) return setRecordingUrl(null);
    const url = URL.createObjectURL(recording);
    setRecordingUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [recording]);
  // The recording's measured length goes into the exported case (a browser's recording does not state one).
  const [seconds, setSeconds] = useState<number | null>(null);
  useEffect(() => {
    let alive = true;
    setSeconds(null);
    if (recording) void recordingDuration(recording).then((s) => alive && setSeconds(s), () => undefined);
    return () => {
      alive = false;
    };
  }, [recording]);
  const exported = useMemo(() => (recording ? withRecording(draft, recording, seconds) : draft), [draft, recording, seconds]);

  const prepare = async (): Promise<void> => {
    if (!preparePackage) return;
    setExportError(null);
    setBusy(true);
    try {
      const out = recording ? withRecording(draft, recording, seconds ?? (await recordingDuration(recording).catch(() => null))) : draft;
      const narration = recording && out.narration ? { ...(await narrationBytes(recording)), name: narrationFileName(recording) } : undefined;
      const made = await preparePackage(out, narration);
      if (made.findings) setPrepared({ ...made, findings: made.findings });
      else made.save();
    } catch (e) {
      setExportError(m.packageFailed(e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="author-export" aria-label={m.exportRegion}>
      <p role="status" className={blocked ? 'author-status bad' : 'author-status'}>
        {blocked ? m.problems(problems.length) : m.checksOut}
      </p>
      <ProblemList />
      <div className="row">
        <button type="button" onClick={() => downloadText(`${JSON.stringify(exported, null, 2)}\n`, 'case.json', 'application/json')}>
          {m.exportCaseJson}
        </button>
        {recordingUrl && exported.narration && (
          <a className="button" href={recordingUrl} download={exported.narration.src.split('/').pop()}>
            {m.downloadRecording(exported.narration.src)}
          </a>
        )}
        {preparePackage && (
          <button type="button" disabled={blocked || busy} aria-describedby={blocked ? 'export-blocked' : undefined} onClick={() => void prepare()}>
            {busy ? m.preparing : m.exportPackage}
          </button>
        )}
      </div>
      {preparePackage && blocked && (
        <p id="export-blocked" className="muted">
          {m.exportBlocked(problems.length)}
        </p>
      )}
      {prepared && (
        <IdentifierReview
          prepared={prepared}
          onConfirm={() => {
            prepared.save();
            setPrepared(null);
          }}
          onCancel={() => setPrepared(null)}
        />
      )}
      {exportError && <p role="alert">{exportError}</p>}
    </section>
  );
}
