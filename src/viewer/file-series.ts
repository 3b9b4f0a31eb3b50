/**
 * A series of Part 10 files: downloads every file, reads and sorts the headers with our own code, and hands the
 * bytes to Cornerstone's file manager as `dicomfile:` imageIds in that sorted order.
 */
import { wadouri } from '@cornerstonejs/dicom-image-loader';
import type { DicomHeader } from '../dicom/header';
import { sortHeaders } from '../dicom/sort';
import type { FileSeriesSource } from './types';
import type { LoadedImage } from './series-loader';
import { readDicomFileOffThread } from '../dicom/off-thread';
import { eachLimited } from './limited';
import { FileProblem, httpProblem, readProblem } from './load-errors';

/** A DICOM file has a 128-byte preamble and "DICM" before its first element. */
const MIN_PART10_LENGTH = 132;
/** How many files are downloaded at the same time. */
const PARALLEL_DOWNLOADS = 4;

type HeaderWithBytes = DicomHeader & { bytes: Uint8Array };

async function fetchFile(file: FileSeriesSource['files'][number]): Promise<HeaderWithBytes> {
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
    const { header, bytes } = await readDicomFileOffThread(raw, file.name);
    return { ...header, bytes };
  } catch (e) {
    throw readProblem(file.name, e);
  }
}

/**
 * Downloads and sorts the series; one image per frame. `stillWanted` is asked before anything is handed to
 * Cornerstone, so a session closed during the download leaves nothing behind that it would never free.
 */
export async function loadFileSeries(
  source: FileSeriesSource,
  progress: (fraction: number) => void,
  stillWanted: () => boolean,
): Promise<LoadedImage[]> {
  if (source.files.length === 0) throw new Error(`series "${source.key}" lists no files`);
  let done = 0;
  const headers = await eachLimited(source.files, PARALLEL_DOWNLOADS, async (file) => {
    const header = await fetchFile(file);
    progress(++done / source.files.length);
    return header;
  });
  if (!stillWanted()) throw new Error('the viewer session was closed');
  const images: LoadedImage[] = [];
  for (const { bytes, ...header } of sortHeaders(headers)) {
    // Blob wants an ArrayBuffer-backed view; the bytes are handed over once and never fetched again.
    const fileId = wadouri.fileManager.add(new Blob([new Uint8Array(bytes)]));
    const frameIds =
      header.numberOfFrames > 1 ? Array.from({ length: header.numberOfFrames }, (_, i) => `${fileId}?frame=${i + 1}`) : [fileId];
    for (const imageId of frameIds) images.push({ imageId, fileName: header.fileName, header });
  }
  return images;
}

/** Frees the file blob behind a `dicomfile:` imageId (its frames share one blob; removing it twice is harmless). */
export function releaseFileImage(imageId: string): void {
  const match = /^dicomfile:(\d+)/.exec(imageId);
  if (match) wadouri.fileManager.remove(Number(match[1]));
}
