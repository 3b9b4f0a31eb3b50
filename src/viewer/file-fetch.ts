/**
 * Downloading one Part 10 file of a case and reading its header, with no Cornerstone in sight: the case page calls
 * this before the viewer's code has even arrived (`prefetchFile`, at route parse), and the viewer later takes the
 * download in flight instead of starting its own (`takeFile`). Errors name the file as the user knows it.
 */
import type { DicomHeader } from '../dicom/header';
import { readDicomFileOffThread } from '../dicom/off-thread';
import { FileProblem, httpProblem, readProblem } from './load-errors';

/** A DICOM file has a 128-byte preamble and "DICM" before its first element. */
const MIN_PART10_LENGTH = 132;
/** Early downloads nobody took (the learner left the page first) are dropped after this long. */
const UNTAKEN_LIFETIME_MS = 60_000;

export interface CaseFileRef {
  /** The file as the user knows it (shown in errors). */
  name: string;
  url: string;
}

export interface FetchedFile {
  header: DicomHeader;
  /** The whole file, inflated if it was deflated: what Cornerstone's parser is given. */
  bytes: Uint8Array;
}

export async function fetchDicomFile(file: CaseFileRef): Promise<FetchedFile> {
  let response: Response;
  try {
    response = await fetch(file.url);
  } catch (e) {
    throw new FileProblem(file.name, `could not be downloaded (${e instanceof Error ? e.message : String(e)})`, false);
  }
  if (!response.ok) throw httpProblem(file.name, response.status, response.statusText);
  // Single-page-app hosts (Vite dev included) answer a missing file with 200 and their index.html.
  if (response.headers.get('content-type')?.startsWith('text/html')) {
    throw new FileProblem(file.name, 'not found (the server sent a web page instead of the file)');
  }
  const raw = new Uint8Array(await response.arrayBuffer());
  if (raw.length < MIN_PART10_LENGTH) {
    throw new FileProblem(file.name, `not a DICOM file (only ${raw.length} bytes, too short for the "DICM" marker at byte 128)`);
  }
  try {
    // In a worker with a time limit; deflated and preamble-less files come back repaired (dicom/part10.ts).
    return await readDicomFileOffThread(raw, file.name);
  } catch (e) {
    throw readProblem(file.name, e);
  }
}

const early = new Map<string, { promise: Promise<FetchedFile>; timer: ReturnType<typeof setTimeout> }>();

/** Starts downloading a file the viewer is about to ask for; a second call for the same URL does nothing. */
export function prefetchFile(file: CaseFileRef): void {
  if (early.has(file.url)) return;
  const promise = fetchDicomFile(file);
  promise.catch(() => undefined); // the taker sees the failure; an untaken one must not be reported as unhandled
  const timer = setTimeout(() => early.delete(file.url), UNTAKEN_LIFETIME_MS);
  early.set(file.url, { promise, timer });
}

/** The file: the early download if one was started (handed over once), else a new download. */
export function takeFile(file: CaseFileRef): Promise<FetchedFile> {
  const started = early.get(file.url);
  if (!started) return fetchDicomFile(file);
  clearTimeout(started.timer);
  early.delete(file.url);
  return started.promise;
}
