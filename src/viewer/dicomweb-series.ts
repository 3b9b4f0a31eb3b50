/**
 * A series on a DICOMweb server: QIDO-RS lists its instances, WADO-RS metadata gives their headers (read into the
 * same `DicomHeader` as a file's, then sorted by position), and each frame becomes a `wadors:` imageId whose
 * pixels Cornerstone fetches when the frame is first shown or prefetched. The metadata is registered with the
 * image loader's WADO-RS metadata manager before any imageId is used: that is where the loader reads a frame's
 * geometry, pixel format and rescale.
 */
import { wadors, type Types as LoaderTypes } from '@cornerstonejs/dicom-image-loader';
import { asDatasets, headerFromDicomJson, isUid, numbersOf, sopInstanceUidOf, type DicomJsonDataset } from '../dicom/dicom-json';
import { sortHeaders } from '../dicom/sort';
import { reasonOf } from '../dicom/errors';
import type { DicomWebSeriesSource } from './types';
import type { LoadedImage } from './series-loader';
import { FileProblem, httpProblem, readProblem } from './load-errors';

/** How errors about the whole series start: which series, and on which allowed server. */
export function dicomwebSeriesName(source: DicomWebSeriesSource): string {
  return `series "${source.key}" on DICOMweb server "${source.dicomweb.server}"`;
}

function seriesUrl(source: DicomWebSeriesSource): string {
  const { baseUrl, studyInstanceUID, seriesInstanceUID } = source.dicomweb;
  return `${baseUrl}/studies/${studyInstanceUID}/series/${seriesInstanceUID}`;
}

/** GETs DICOM JSON, turning every way it can fail into a sentence that names the series and the request. */
async function getDicomJson(url: string, request: string, seriesName: string): Promise<DicomJsonDataset[]> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/dicom+json, application/json' } });
  } catch (e) {
    throw new FileProblem(seriesName, `the ${request} could not reach the server (${reasonOf(e)})`, false);
  }
  if (!response.ok) {
    const http = httpProblem(seriesName, response.status, response.statusText);
    throw new FileProblem(seriesName, `the ${request} was answered ${http.reason}`, http.lasting);
  }
  if (response.status === 204) return []; // QIDO-RS's "no match"
  const type = response.headers.get('content-type') ?? '';
  // A single-page-app host without the DICOMweb proxy answers with its index.html.
  if (type.startsWith('text/html')) {
    throw new FileProblem(seriesName, `the ${request} got a web page, not DICOM JSON: is a DICOMweb server behind ${url.split('/studies/')[0]}?`);
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch (e) {
    throw new FileProblem(seriesName, `the ${request} did not answer JSON (${reasonOf(e)})`);
  }
  try {
    return asDatasets(json, `the ${request}`);
  } catch (e) {
    throw new FileProblem(seriesName, reasonOf(e));
  }
}

/** How many sessions hold each registered imageId: two case pages may show the same server's series. */
const holders = new Map<string, number>();

function hold(imageId: string, metadata: DicomJsonDataset): void {
  const count = holders.get(imageId) ?? 0;
  // The loader's type lists only string and number values; it reads the whole DICOM JSON model (person names,
  // sequences) as PS3.18 defines it, which is what the server sent.
  if (count === 0) wadors.metaDataManager.add(imageId, metadata as unknown as LoaderTypes.WADORSMetaData);
  holders.set(imageId, count + 1);
}

/** Lets go of one session's hold; true when no session holds the image any more (its decoded image may go). */
export function releaseDicomWebImage(imageId: string): boolean {
  const count = holders.get(imageId) ?? 0;
  if (count > 1) {
    holders.set(imageId, count - 1);
    return false;
  }
  holders.delete(imageId);
  // Registered under the first frame's id; the manager derives the other frames from it.
  if (/\/frames\/1$/.test(imageId)) wadors.metaDataManager.remove(imageId);
  return true;
}

export async function loadDicomWebSeries(
  source: DicomWebSeriesSource,
  progress: (fraction: number) => void,
  stillWanted: () => boolean,
): Promise<LoadedImage[]> {
  const name = dicomwebSeriesName(source);
  const { studyInstanceUID, seriesInstanceUID } = source.dicomweb;
  const url = seriesUrl(source);
  // Both requests at once; the search answers first whether the series exists, so its error is the one told.
  const metadataRequest = getDicomJson(`${url}/metadata`, 'metadata request (WADO-RS)', name);
  metadataRequest.catch(() => undefined); // awaited below, unless the search already failed
  const found = await getDicomJson(`${url}/instances`, 'instance search (QIDO-RS)', name);
  if (found.length === 0) {
    throw new FileProblem(name, `the server has no instances of series ${seriesInstanceUID} in study ${studyInstanceUID}`);
  }
  progress(0.5);
  const metadata = await metadataRequest;
  const bySop = new Map<string, DicomJsonDataset>();
  for (const ds of metadata) {
    const sop = sopInstanceUidOf(ds);
    if (sop) bySop.set(sop, ds);
  }
  const headers = found.map((listed, i) => {
    const sop = sopInstanceUidOf(listed);
    // The UID goes into the frame URLs: nothing but a UID may.
    if (!sop || !isUid(sop)) {
      throw new FileProblem(name, `the instance search listed an instance (item ${i + 1}) without a valid SOP Instance UID`);
    }
    const ds = bySop.get(sop);
    if (!ds) throw new FileProblem(`instance ${sop}`, `the server listed it in ${name} but sent no metadata for it`);
    // What errors call the instance: its number, as a scanner console shows it, and its UID to find it by.
    const instanceNumber = numbersOf(ds, '00200013')?.[0];
    const instanceName = instanceNumber === undefined ? `instance ${sop}` : `instance ${instanceNumber} (${sop})`;
    try {
      return { ...headerFromDicomJson(ds, instanceName), metadata: ds };
    } catch (e) {
      throw readProblem(instanceName, e);
    }
  });
  progress(1);
  if (!stillWanted()) throw new Error('the viewer session was closed');
  const images: LoadedImage[] = [];
  for (const { metadata: ds, ...header } of sortHeaders(headers)) {
    const instanceUrl = `${url}/instances/${header.sopInstanceUID}`;
    const frameIds = Array.from({ length: header.numberOfFrames }, (_, i) => `wadors:${instanceUrl}/frames/${i + 1}`);
    hold(frameIds[0] as string, ds);
    for (const imageId of frameIds.slice(1)) holders.set(imageId, (holders.get(imageId) ?? 0) + 1);
    for (const imageId of frameIds) images.push({ imageId, fileName: header.fileName, header });
  }
  return images;
}
