/**
 * Whether a compressed frame begins (and, for JPEG 2000, ends) the way its transfer syntax says it must, checked
 * before the bytes go to the decoder. Cornerstone's JPEG 2000 decoder keeps one decoder for the whole worker and,
 * given bytes that are not a whole codestream (a data set the parser misread, a file cut short), returns the
 * previous image it decoded without an error: the learner would see another file's pixels under this file's name.
 * The markers are fixed by the standards (ISO/IEC 15444-1 Annex A: a codestream starts with SOC and SIZ and ends
 * with EOC; ITU T.81 Annex B: JPEG and JPEG-LS start with SOI); DICOM fragments are padded to even length, so one
 * byte may follow EOC.
 */

/** JPEG 2000 (Part 1 and 2) and High-Throughput JPEG 2000 transfer syntaxes. */
const JPEG2000 = new Set([
  '1.2.840.10008.1.2.4.90',
  '1.2.840.10008.1.2.4.91',
  '1.2.840.10008.1.2.4.92',
  '1.2.840.10008.1.2.4.93',
  '1.2.840.10008.1.2.4.201',
  '1.2.840.10008.1.2.4.202',
  '1.2.840.10008.1.2.4.203',
]);

/** JPEG baseline/extended/lossless and JPEG-LS transfer syntaxes: frames begin with the SOI marker. */
const JPEG = new Set(['1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.51', '1.2.840.10008.1.2.4.57', '1.2.840.10008.1.2.4.70', '1.2.840.10008.1.2.4.80', '1.2.840.10008.1.2.4.81']);

/** SOC then SIZ: the first two markers of every JPEG 2000 codestream. */
const J2K_CODESTREAM = [0xff, 0x4f, 0xff, 0x51];
/** The JP2 file format's signature box, which some encoders put around the codestream. */
const JP2_SIGNATURE = [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a];
/** SOI and the first byte of the next marker. */
const JPEG_SOI = [0xff, 0xd8, 0xff];

export function isJpeg2000(transferSyntaxUID: string): boolean {
  return JPEG2000.has(transferSyntaxUID);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function hex(bytes: Uint8Array): string {
  return [...bytes.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
}

/** Whether the frame's last bytes hold the end-of-codestream marker, before at most one pad byte. */
function endsWithEoc(end: Uint8Array): boolean {
  const n = end.length;
  const at = (i: number): boolean => i >= 0 && end[i] === 0xff && end[i + 1] === 0xd9;
  return at(n - 2) || at(n - 3);
}

/**
 * Why `frame` cannot be what `transferSyntaxUID` says, or undefined when it looks whole. `start` is the frame's
 * first bytes, `end` its last few (see frameStart, frameEnd).
 */
export function codestreamProblem(transferSyntaxUID: string, start: Uint8Array, end: Uint8Array): string | undefined {
  if (JPEG2000.has(transferSyntaxUID)) {
    const jp2 = startsWith(start, JP2_SIGNATURE);
    if (!jp2 && !startsWith(start, J2K_CODESTREAM)) {
      return `the JPEG 2000 data does not begin with a codestream (its first bytes are ${hex(start) || 'missing'})`;
    }
    // A JP2 file may carry boxes after the codestream; a bare codestream must end with EOC.
    if (!jp2 && !endsWithEoc(end)) return 'the JPEG 2000 codestream is cut short: it does not end with its end marker (FF D9)';
    return undefined;
  }
  if (JPEG.has(transferSyntaxUID)) {
    if (startsWith(start, JPEG_SOI)) return undefined;
    return `the JPEG data does not begin with a start-of-image marker (its first bytes are ${hex(start) || 'missing'})`;
  }
  return undefined;
}

/** The last `length` bytes of a frame given as one buffer or as its fragments. */
export function frameEnd(pixelData: ArrayBufferView | ArrayBufferView[], length = 4): Uint8Array {
  const parts = Array.isArray(pixelData) ? pixelData : [pixelData];
  const out = new Uint8Array(length);
  let filled = 0;
  for (let p = parts.length - 1; p >= 0 && filled < length; p--) {
    const part = parts[p]!;
    const take = Math.min(part.byteLength, length - filled);
    out.set(new Uint8Array(part.buffer, part.byteOffset + part.byteLength - take, take), length - filled - take);
    filled += take;
  }
  return out.subarray(length - filled);
}

/** The first bytes of a frame given as one buffer or as its fragments. */
export function frameStart(pixelData: ArrayBufferView | ArrayBufferView[], length = 16): Uint8Array {
  const parts = Array.isArray(pixelData) ? pixelData : [pixelData];
  const out = new Uint8Array(length);
  let filled = 0;
  for (const part of parts) {
    if (filled >= length) break;
    const bytes = new Uint8Array(part.buffer, part.byteOffset, Math.min(part.byteLength, length - filled));
    out.set(bytes, filled);
    filled += bytes.length;
  }
  return out.subarray(0, filled);
}
