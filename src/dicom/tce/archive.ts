/**
 * A DICOMweb archive seen as a teaching-file source: QIDO-RS finds the manifests (modality KO) and the ATFI
 * reports (SR) and reads them from their WADO-RS metadata for the list; WADO-RS retrieves what an import needs.
 * `fetch` only (the browser's or Node's), no other APIs: the page and the command line share it.
 */
import type { Dataset } from '../deid/dataset';
import { readManifest, ManifestError, type Manifest } from './kos';
import { isAtfi } from './atfi';
import { multipartParts } from './multipart';
import type { SourceFile } from '../import/import-case';
import { TAG, text } from './sr';
import { TextScrubber } from './free-text';

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

export interface ManifestSummary extends Manifest {
  /** Modalities of the series its key images are in. */
  modalities: string[];
  /** The study has an ATFI report. */
  hasAtfi: boolean;
}

export interface ArchiveListing {
  manifests: ManifestSummary[];
  /** KO instances that could not be read as manifests, in words. */
  problems: string[];
}

export class ArchiveError extends Error {}

const DICOM_JSON = { Accept: 'application/dicom+json' };
const PART10 = { Accept: 'multipart/related; type="application/dicom"; transfer-syntax=*' };

async function json(fetchFn: Fetch, url: string): Promise<Dataset[]> {
  const r = await fetchFn(url, { headers: DICOM_JSON });
  if (r.status === 204) return [];
  if (!r.ok) throw new ArchiveError(`${url}: HTTP ${r.status}`);
  const body: unknown = await r.json();
  return Array.isArray(body) ? (body as Dataset[]) : [];
}

const trimBase = (base: string): string => base.replace(/\/+$/, '');

interface InstanceRef {
  study: string;
  series: string;
  sop: string;
}

function refOf(ds: Dataset): InstanceRef | undefined {
  const study = text(ds, TAG.studyUid);
  const series = text(ds, TAG.seriesUid);
  const sop = text(ds, TAG.sopInstanceUid);
  return study && series && sop ? { study, series, sop } : undefined;
}

async function instancesOfModality(fetchFn: Fetch, base: string, modality: string, study?: string): Promise<InstanceRef[]> {
  const scope = study ? `/studies/${encodeURIComponent(study)}` : '';
  const found = await json(fetchFn, `${base}${scope}/instances?Modality=${modality}&includefield=0020000E`);
  return found.map(refOf).filter((r): r is InstanceRef => !!r);
}

async function metadata(fetchFn: Fetch, base: string, ref: InstanceRef): Promise<Dataset | undefined> {
  const url = `${base}/studies/${encodeURIComponent(ref.study)}/series/${encodeURIComponent(ref.series)}/instances/${encodeURIComponent(ref.sop)}/metadata`;
  return (await json(fetchFn, url))[0];
}

/** Every KO instance read as a manifest, with the modalities of its key images' series. */
export async function listManifests(baseUrl: string, fetchFn: Fetch = fetch): Promise<ArchiveListing> {
  const base = trimBase(baseUrl);
  const out: ArchiveListing = { manifests: [], problems: [] };
  const seriesModalities = new Map<string, Map<string, string>>();
  const atfiStudies = new Map<string, boolean>();
  for (const ref of await instancesOfModality(fetchFn, base, 'KO')) {
    const ds = await metadata(fetchFn, base, ref);
    if (!ds) continue;
    let manifest: Manifest;
    try {
      manifest = readManifest(ds);
    } catch (e) {
      if (!(e instanceof ManifestError)) throw e;
      out.problems.push(e.message);
      continue;
    }
    let modalities = seriesModalities.get(manifest.studyInstanceUid);
    if (!modalities) {
      const series = await json(fetchFn, `${base}/studies/${encodeURIComponent(manifest.studyInstanceUid)}/series`);
      modalities = new Map(series.map((s) => [text(s, TAG.seriesUid) ?? '', text(s, TAG.modality) ?? '']));
      seriesModalities.set(manifest.studyInstanceUid, modalities);
    }
    let hasAtfi = atfiStudies.get(manifest.studyInstanceUid);
    if (hasAtfi === undefined) {
      hasAtfi = false;
      for (const sr of await instancesOfModality(fetchFn, base, 'SR', manifest.studyInstanceUid)) {
        const meta = await metadata(fetchFn, base, sr);
        if (meta && isAtfi(meta)) hasAtfi = true;
      }
      atfiStudies.set(manifest.studyInstanceUid, hasAtfi);
    }
    const mods = new Set<string>();
    for (const k of manifest.keyImages) {
      const m = k.seriesInstanceUid && modalities.get(k.seriesInstanceUid);
      if (m) mods.add(m);
    }
    // The list shows the description: scrubbed of the names and dates the manifest itself identifies the patient by.
    const description = new TextScrubber([ds]).scrub('Key Object Description', manifest.description);
    out.manifests.push({ ...manifest, description, modalities: [...mods], hasAtfi });
  }
  out.manifests.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  return out;
}

async function retrieve(fetchFn: Fetch, url: string): Promise<Uint8Array[] | null> {
  const r = await fetchFn(url, { headers: PART10 });
  if (r.status === 404) return null;
  if (!r.ok) throw new ArchiveError(`${url}: HTTP ${r.status}`);
  return multipartParts(new Uint8Array(await r.arrayBuffer()), r.headers.get('content-type') ?? '');
}

export interface RetrievedManifest {
  manifest: Uint8Array;
  reports: SourceFile[];
  presentationStates: SourceFile[];
  images: SourceFile[];
  /** Series the archive did not give, in words (their key images are then missing from the draft). */
  notes: string[];
}

/** Retrieves a manifest, its study's SR and PR instances and every series its key images are in. */
export async function retrieveManifest(baseUrl: string, sopInstanceUid: string, fetchFn: Fetch = fetch): Promise<RetrievedManifest> {
  const base = trimBase(baseUrl);
  const found = await json(fetchFn, `${base}/instances?SOPInstanceUID=${encodeURIComponent(sopInstanceUid)}&includefield=0020000E`);
  const ref = found.map(refOf).find((r) => r?.sop === sopInstanceUid);
  if (!ref) throw new ArchiveError(`the archive has no instance ${sopInstanceUid}`);
  const studyUrl = `${base}/studies/${encodeURIComponent(ref.study)}`;
  const instanceUrl = (r: InstanceRef): string => `${studyUrl}/series/${encodeURIComponent(r.series)}/instances/${encodeURIComponent(r.sop)}`;
  const kos = (await retrieve(fetchFn, instanceUrl(ref)))?.[0];
  if (!kos) throw new ArchiveError(`the archive did not give instance ${sopInstanceUid}`);
  const manifestMeta = await metadata(fetchFn, base, ref);
  const manifest = readManifest(manifestMeta ?? {});
  const out: RetrievedManifest = { manifest: kos, reports: [], presentationStates: [], images: [], notes: [] };
  const objects = async (modality: string, into: SourceFile[]): Promise<void> => {
    for (const r of await instancesOfModality(fetchFn, base, modality, ref.study)) {
      const bytes = (await retrieve(fetchFn, instanceUrl(r)))?.[0];
      if (bytes) into.push({ name: `${modality} ${r.sop}`, bytes });
    }
  };
  await objects('SR', out.reports);
  await objects('PR', out.presentationStates);
  const series = [...new Set(manifest.keyImages.map((k) => k.seriesInstanceUid).filter((s): s is string => !!s))];
  for (const s of series) {
    const files = await retrieve(fetchFn, `${studyUrl}/series/${encodeURIComponent(s)}`);
    if (!files) out.notes.push(`series ${s}: not in the archive`);
    else files.forEach((bytes, i) => out.images.push({ name: `series ${s} file ${i + 1}`, bytes }));
  }
  return out;
}
