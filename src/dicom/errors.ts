/**
 * dicom-parser throws strings, `{ exception, dataSet }` objects or Errors; people need one sentence.
 * Every reading error names the file as the user knows it.
 */
export class DicomFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: string,
  ) {
    super(`${fileName}: ${reason}`);
    this.name = 'DicomFileError';
  }
}

export function reasonOf(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === 'string') return thrown;
  if (thrown && typeof thrown === 'object') {
    const exception = (thrown as { exception?: unknown }).exception;
    if (typeof exception === 'string') return exception;
    if (exception instanceof Error) return exception.message;
    const message = (thrown as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  }
  return 'unknown error';
}

/** Rewrites dicom-parser's terse messages into what a person can act on. */
export function explainParseFailure(thrown: unknown): string {
  const reason = reasonOf(thrown);
  if (/DICM prefix not found/i.test(reason)) return 'not a DICOM file (no "DICM" marker at byte 128)';
  if (/buffer overread|attempt to read past end/i.test(reason)) return `the file is truncated or damaged (${reason})`;
  return `could not be read as DICOM (${reason})`;
}
