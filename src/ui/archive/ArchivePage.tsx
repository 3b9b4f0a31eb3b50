/**
 * `#/archive`, "From the archive": the TCE manifests on each DICOMweb server of the site's config.json; importing
 * one retrieves its series (WADO-RS), de-identifies them in a worker and opens author mode on the draft, with
 * the de-identified files in this page's memory (nothing is uploaded; a reload starts again from the list).
 */
import { useEffect, useState } from 'react';
import { parseCase } from '../../case/parse';
import type { ParsedCase } from '../../case/schema';
import { dicomwebBaseUrl, type AppConfig } from '../../dicom/app-config';
import { listManifests, retrieveManifest, type ManifestSummary } from '../../dicom/tce/archive';
import { importTceOffThread } from '../../dicom/tce/import-off-thread';
import type { TceFilesResult } from '../../dicom/tce/import-files';
import type { SeriesSource } from '../../viewer/types';
import { readAppConfig } from '../case-page/load-case';
import { AuthorView } from '../author/AuthorView';
import { prepareArchivePackage } from './archive-package';
import { messages } from '../i18n/messages';
import { ManifestList } from './ManifestList';
import { ImportNotes } from './ImportNotes';
import './archive.css';

const m = messages.archive;

type Listing = { id: string; url: string } & ({ status: 'loading' } | { status: 'ready'; manifests: ManifestSummary[] } | { status: 'error'; reason: string });

type Imported = { result: TceFilesResult; lesson: ParsedCase; series: Map<string, SeriesSource>; keyImages: number; urls: string[] };

function randomHex(bytes: number): string {
  return [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function importManifest(url: string, manifest: ManifestSummary, setPhase: (p: string) => void): Promise<Imported> {
  setPhase(m.retrieving);
  const retrieved = await retrieveManifest(url, manifest.sopInstanceUid);
  setPhase(m.deidentifying);
  // A fresh id and salt per import: nothing ties the draft to the patient's UIDs.
  const caseId = `archive-${randomHex(4)}`;
  const result = await importTceOffThread({ retrieved, caseId, salt: randomHex(16) });
  const parsed = parseCase(result.caseFile);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  const urls: string[] = [];
  const series = new Map<string, SeriesSource>();
  for (const s of result.series) {
    const files = s.files.map((bytes, i) => {
      const url = URL.createObjectURL(new Blob([bytes.slice()], { type: 'application/dicom' }));
      urls.push(url);
      return { name: `${s.key}/${String(i + 1).padStart(4, '0')}.dcm`, url };
    });
    series.set(s.key, { key: s.key, label: s.label, modality: s.modality, files });
  }
  return { result, lesson: parsed.value, series, keyImages: manifest.keyImages.length, urls };
}

export default function ArchivePage() {
  const [config, setConfig] = useState<AppConfig | { problem: string } | null>(null);
  const [listings, setListings] = useState<Listing[]>([]);
  const [phase, setPhase] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [imported, setImported] = useState<Imported | null>(null);

  useEffect(() => {
    let alive = true;
    void readAppConfig().then((c) => {
      if (!alive) return;
      setConfig(c);
      if ('problem' in c) return;
      const servers = Object.keys(c.dicomwebServers).flatMap((id) => {
        const url = dicomwebBaseUrl(c, id, window.location.href);
        return url ? [{ id, url }] : [];
      });
      setListings(servers.map((s) => ({ ...s, status: 'loading' })));
      for (const s of servers) {
        listManifests(s.url).then(
          (l) => alive && setListings((all) => all.map((x) => (x.id === s.id ? { ...s, status: 'ready', manifests: l.manifests } : x))),
          (e: unknown) => alive && setListings((all) => all.map((x) => (x.id === s.id ? { ...s, status: 'error', reason: (e as Error).message } : x))),
        );
      }
    });
    return () => {
      alive = false;
    };
  }, []);

  useEffect(() => () => imported?.urls.forEach((u) => URL.revokeObjectURL(u)), [imported]);

  if (imported) {
    return (
      <AuthorView
        lesson={imported.lesson}
        series={imported.series}
        seriesErrors={new Map()}
        draftKey={`archive.${imported.lesson.id}`}
        backHref="#/archive"
        notice={<ImportNotes result={imported.result} keyImages={imported.keyImages} />}
        preparePackage={async (draft, narration) => prepareArchivePackage(draft, imported.result, narration)}
      />
    );
  }

  const start = (url: string, manifest: ManifestSummary): void => {
    setFailure(null);
    importManifest(url, manifest, setPhase).then(
      (i) => {
        setPhase(null);
        setImported(i);
      },
      (e: unknown) => {
        setPhase(null);
        setFailure(m.importFailed((e as Error).message));
      },
    );
  };

  return (
    <main className="page-message archive-page">
      <p>
        <a href="#/">{messages.common.backToLibrary}</a>
      </p>
      <h1>{m.heading}</h1>
      <p className="muted">{m.lead}</p>
      {config === null && <p role="status">{m.loading}</p>}
      {config && 'problem' in config && <p role="alert">{m.configProblem(config.problem)}</p>}
      {config && !('problem' in config) && listings.length === 0 && <p>{m.noServers}</p>}
      {phase && <p role="status">{phase}</p>}
      {failure && <p role="alert">{failure}</p>}
      {listings.map((l) => (
        <section key={l.id} aria-label={m.server(l.id)}>
          <h2>{m.server(l.id)}</h2>
          {l.status === 'loading' && <p role="status">{m.loading}</p>}
          {l.status === 'error' && <p role="alert">{m.listFailed(l.reason)}</p>}
          {l.status === 'ready' && <ManifestList manifests={l.manifests} busy={phase !== null} onImport={(x) => start(l.url, x)} />}
        </section>
      ))}
    </main>
  );
}
