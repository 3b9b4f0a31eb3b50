import { useEffect, useState } from 'react';
import type { AppConfig } from '../../../dicom/app-config';
import { PublishRefused } from '../../../dicom/publish/publish';
import { readAppConfig } from '../../case-page/load-case';
import { downloadText } from '../../download';
import { useAuthor } from '../author-context';
import { messages } from '../../i18n/messages';

const m = messages.archivePublish;

type Status = { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

function problemText(e: unknown): string {
  if (e instanceof PublishRefused && /de-identified/.test(e.message)) {
    return m.notDeidentified(e.files.length, `${e.files.slice(0, 3).join(', ')}${e.files.length > 3 ? ', …' : ''}`);
  }
  return m.failed(e instanceof Error ? e.message : String(e));
}

/**
 * A library case's way to a PACS: its cues as presentation states (a zip of GSPS files), and "Send to archive",
 * which stores its series and those states on one of the deployment's DICOMweb servers and hands back the
 * case.json whose series come from there.
 */
export function ArchivePanel({ caseId }: { caseId: string }) {
  const draft = useAuthor((s) => s.draft);
  const blocked = useAuthor((s) => s.problems.length > 0);
  const [config, setConfig] = useState<AppConfig | null>(null);
  const [server, setServer] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [published, setPublished] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    void readAppConfig().then((c) => {
      if (!alive || 'problem' in c) return;
      setConfig(c);
      setServer(Object.keys(c.dicomwebServers)[0] ?? '');
    });
    return () => {
      alive = false;
    };
  }, []);
  const busy = status.kind === 'busy';
  const servers = config ? Object.keys(config.dicomwebServers) : [];

  const exportStates = async (): Promise<void> => {
    setStatus({ kind: 'busy', text: m.exporting });
    try {
      const n = await (await import('./archive-actions')).exportStates(draft, caseId);
      setStatus({ kind: 'done', text: m.exported(n) });
    } catch (e) {
      setStatus({ kind: 'error', text: problemText(e) });
    }
  };

  const send = async (): Promise<void> => {
    if (!config || !server) return;
    setPublished(null);
    setStatus({ kind: 'busy', text: m.sending(0, 0) });
    try {
      const actions = await import('./archive-actions');
      const result = await actions.sendToArchive(draft, caseId, config, server, (sent, total) => setStatus({ kind: 'busy', text: m.sending(sent, total) }));
      const text = `${JSON.stringify(result.caseJson, null, 2)}\n`;
      downloadText(text, 'case.json', 'application/json');
      setPublished(text);
      setStatus({ kind: 'done', text: m.sent(result.images, result.states, server) });
    } catch (e) {
      setStatus({ kind: 'error', text: problemText(e) });
    }
  };

  return (
    <section className="author-section author-archive" aria-label={m.region}>
      <h2>{m.heading}</h2>
      <p className="muted">{m.lead}</p>
      <div className="row">
        <button type="button" disabled={blocked || busy} onClick={() => void exportStates()}>
          {m.exportStates}
        </button>
      </div>
      {config && servers.length === 0 && <p className="muted">{m.noServer}</p>}
      {servers.length > 0 && (
        <div className="row">
          <label>
            {m.server}{' '}
            <select value={server} onChange={(e) => setServer(e.target.value)} disabled={busy}>
              {servers.map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={blocked || busy || !server} onClick={() => void send()}>
            {m.send}
          </button>
        </div>
      )}
      {(status.kind === 'busy' || status.kind === 'done') && <p role="status">{status.text}</p>}
      {status.kind === 'error' && <p role="alert">{status.text}</p>}
      {published && (
        <button type="button" className="subtle" onClick={() => downloadText(published, 'case.json', 'application/json')}>
          {m.downloadAgain}
        </button>
      )}
    </section>
  );
}
