/**
 * STOW-RS (PS3.18 10.5): instances sent to `<base>/studies` as one multipart/related request per batch. The
 * response's Failed SOP Sequence (0008,1198) names what the archive refused and why (Failure Reason, 0008,1197).
 * `fetch` is passed in: the browser's, or Node's.
 */
import { concatBytes } from '../concat-bytes';

/** Batches stay small enough for a proxy's request limit and for progress to move. */
const BATCH_BYTES = 16 * 1024 * 1024;

export interface StowFile {
  name: string;
  bytes: Uint8Array;
}

export interface StowResult {
  stored: number;
  failed: { name: string; reason: string }[];
}

type Fetch = (url: string, init: { method: string; headers: Record<string, string>; body: Uint8Array<ArrayBuffer> }) => Promise<Response>;

function batches(files: readonly StowFile[]): StowFile[][] {
  const out: StowFile[][] = [];
  let current: StowFile[] = [];
  let size = 0;
  for (const f of files) {
    if (current.length && size + f.bytes.length > BATCH_BYTES) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(f);
    size += f.bytes.length;
  }
  if (current.length) out.push(current);
  return out;
}

function multipart(files: readonly StowFile[], boundary: string): Uint8Array<ArrayBuffer> {
  const text = (s: string): Uint8Array => new TextEncoder().encode(s);
  const parts = files.flatMap((f) => [text(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`), f.bytes, text('\r\n')]);
  // concatBytes allocates a fresh ArrayBuffer: what fetch takes as a body.
  return concatBytes([...parts, text(`--${boundary}--\r\n`)]) as Uint8Array<ArrayBuffer>;
}

interface DicomJsonElement {
  Value?: unknown[];
}
type DicomJson = Record<string, DicomJsonElement | undefined>;

/** The SOP Instance UIDs and reasons of the response's Failed SOP Sequence. */
function failures(json: unknown): { uid: string; reason: string }[] {
  const items = (json as DicomJson | null)?.['00081198']?.Value ?? [];
  return items.map((item) => {
    const ds = item as DicomJson;
    const uid = String(ds['00081155']?.Value?.[0] ?? '?');
    const code = Number(ds['00081197']?.Value?.[0]);
    return { uid, reason: Number.isFinite(code) ? `failure reason 0x${code.toString(16).toUpperCase()}` : 'refused' };
  });
}

/** Sends every file; `sopUidOf` names a failed file by its instance UID. Throws on a refused request. */
export async function stowInstances(
  baseUrl: string,
  files: readonly StowFile[],
  sopUidOf: (file: StowFile) => string,
  fetchFn: Fetch,
  onProgress?: (sent: number, total: number) => void,
): Promise<StowResult> {
  const url = `${baseUrl.replace(/\/+$/, '')}/studies`;
  const result: StowResult = { stored: 0, failed: [] };
  let sent = 0;
  for (const batch of batches(files)) {
    const boundary = `stow-${crypto.getRandomValues(new Uint32Array(2)).join('-')}`;
    const response = await fetchFn(url, {
      method: 'POST',
      headers: { 'Content-Type': `multipart/related; type="application/dicom"; boundary=${boundary}`, Accept: 'application/dicom+json, application/json' },
      body: multipart(batch, boundary),
    });
    const body = await response.text();
    // 200: all stored; 202: some refused (named in the response); 409: none stored.
    if (!response.ok && response.status !== 409) throw new Error(`${url} answered HTTP ${response.status}${body ? `: ${body.slice(0, 200)}` : ''}`);
    let json: unknown = null;
    try {
      json = body ? JSON.parse(body) : null;
    } catch {
      json = null;
    }
    const failed = failures(json);
    if (response.status === 409 && failed.length === 0) throw new Error(`${url} refused every instance (HTTP 409)`);
    const byUid = new Map(batch.map((f) => [sopUidOf(f), f.name]));
    for (const f of failed) result.failed.push({ name: byUid.get(f.uid) ?? f.uid, reason: f.reason });
    result.stored += batch.length - failed.length;
    sent += batch.length;
    onProgress?.(sent, files.length);
  }
  return result;
}
