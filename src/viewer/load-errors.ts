/**
 * Turns what the download and the Cornerstone image loader throw into one plain sentence, always prefixed by the
 * file's name as the user knows it. The loader rejects with `{ error, dataSet }` wrappers, strings or Errors.
 */
import { DicomFileError, reasonOf } from '../dicom/errors';
import { describeTransferSyntax } from '../dicom/transfer-syntax';

/**
 * A file of a series that cannot be shown (or, for DICOMweb, an instance or the whole series: `fileName` is then
 * what the message starts with, e.g. `series "t1-pre" on DICOMweb server "local"`). `lasting` is false for
 * failures a retry may fix (network, 5xx).
 */
export class FileProblem extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: string,
    readonly lasting = true,
  ) {
    super(`${fileName}: ${reason}`);
    this.name = 'FileProblem';
  }
}

/** statusText is empty over HTTP/2, so the common codes get their words here. */
const HTTP_WORDS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function httpProblem(fileName: string, status: number, statusText: string): FileProblem {
  const words = statusText || HTTP_WORDS[status] || '';
  return new FileProblem(fileName, `HTTP ${status}${words ? ` ${words}` : ''}`, status < 500);
}

/** Digs the innermost message out of the loader's wrappers. */
export function loaderReason(thrown: unknown, depth = 0): string {
  if (depth < 4 && thrown && typeof thrown === 'object' && !(thrown instanceof Error) && 'error' in thrown) {
    return loaderReason((thrown as { error: unknown }).error, depth + 1);
  }
  if (thrown === undefined || thrown === null) return 'no details given';
  return reasonOf(thrown);
}

/** The image loader rejects a failed frame request (`wadors:`) with the XMLHttpRequest itself. */
function failedRequestStatus(thrown: unknown, depth = 0): number | undefined {
  if (typeof XMLHttpRequest !== 'undefined' && thrown instanceof XMLHttpRequest) return thrown.status;
  if (depth < 4 && thrown && typeof thrown === 'object' && 'error' in thrown) {
    return failedRequestStatus((thrown as { error: unknown }).error, depth + 1);
  }
  return undefined;
}

/**
 * For failures while fetching, decoding or drawing an image whose header read fine. The transfer syntax, when
 * known, names the codec that failed ("transfer syntax 1.2.840.10008.1.2.4.91 (JPEG 2000) could not be decoded").
 */
export function decodeProblem(fileName: string, thrown: unknown, transferSyntaxUID?: string): FileProblem {
  if (thrown instanceof FileProblem) return thrown;
  const status = failedRequestStatus(thrown);
  if (status !== undefined) {
    if (status === 0) return new FileProblem(fileName, 'its pixels could not be downloaded (no answer from the server)', false);
    const http = httpProblem(fileName, status, '');
    return new FileProblem(fileName, `its pixels could not be downloaded (${http.reason})`, http.lasting);
  }
  const raw = loaderReason(thrown);
  // Cornerstone's words for a file whose data set its own parser (dcmjs) could not take apart.
  const reason = /no pixel data in NATURALIZED/.test(raw) ? `the image loader found no pixel data in it (${raw})` : raw;
  const syntax = transferSyntaxUID ? `transfer syntax ${describeTransferSyntax(transferSyntaxUID)}` : 'its image compression';
  if (/insufficient data|past end|overread|out of (bounds|range)|truncat/i.test(reason)) {
    return new FileProblem(fileName, `the file is cut short: its pixel data is incomplete (${reason})`);
  }
  if (/transfer ?syntax|not supported|unsupported|no decoder/i.test(reason)) {
    return new FileProblem(fileName, `${syntax} is not supported for this image (${reason})`);
  }
  if (transferSyntaxUID) return new FileProblem(fileName, `${syntax} could not be decoded: ${reason}`);
  return new FileProblem(fileName, `the image could not be decoded (${reason})`);
}

/** For an image that decoded but that the renderer could not draw (it threw while taking the pixels). */
export function drawProblem(fileName: string, thrown: unknown): FileProblem {
  return new FileProblem(fileName, `the image was decoded but could not be drawn (${loaderReason(thrown)})`);
}

/** For anything thrown while fetching and reading one file. */
export function readProblem(fileName: string, thrown: unknown): FileProblem {
  if (thrown instanceof FileProblem) return thrown;
  if (thrown instanceof DicomFileError) return new FileProblem(fileName, thrown.reason);
  return new FileProblem(fileName, `could not be read (${loaderReason(thrown)})`);
}
