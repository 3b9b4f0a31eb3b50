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
  if (/buffer overr(ead|un)|past end|maxPosition|cannot be greater than or equal to/i.test(reason)) {
    return `an element runs past the end of the file: it is truncated or damaged, or nests sequences in a way the reader cannot follow (${reason})`;
  }
  if (/call stack/i.test(reason)) return `its sequences are nested too deeply to read (${reason})`;
  if (/inflate|deflate/i.test(reason)) return reason;
  return `could not be read as DICOM (${reason})`;
}
