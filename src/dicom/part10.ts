/**
 * Brings a recognisably DICOM file into the one shape every reader downstream takes (dicom-parser here,
 * Cornerstone's loader later): a Part 10 file, i.e. a 128-byte preamble, "DICM", the file meta group with the
 * transfer syntax, then the data set. Three kinds of real files are repaired on arrival:
 * - deflated data sets (1.2.840.10008.1.2.1.99): Cornerstone 5.14 gives back no image for them and dicom-parser
 *   needs an inflater we do not ship, so the data set is inflated (the browser's DecompressionStream, capped
 *   against deflate bombs) and relabelled Explicit VR Little Endian;
 * - a file meta group without the preamble and "DICM" (some writers drop them): the preamble is put back;
 * - a bare data set without any file meta group (ACR-NEMA style exports, old PACS dumps): a meta group is written
 *   with the transfer syntax guessed from the first element (implicit or explicit VR, little or big endian).
 * Anything else is returned as it is, for the header reader to explain.
 */
import { MAX_INFLATED_BYTES, formatBytes } from './limits';
import { describeTransferSyntax } from './transfer-syntax';
import { concatBytes } from './concat-bytes';

const DEFLATED = '1.2.840.10008.1.2.1.99';
const IMPLICIT_LE = '1.2.840.10008.1.2';
const EXPLICIT_LE = '1.2.840.10008.1.2.1';
const EXPLICIT_BE = '1.2.840.10008.1.2.2';
const PREAMBLE = 128;
const META_START = PREAMBLE + 4; // after "DICM"
/** Explicit-VR value representations with a 2-byte reserved field and a 4-byte length. */
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
const SHORT_VRS = new Set(['AE', 'AS', 'AT', 'CS', 'DA', 'DS', 'DT', 'FD', 'FL', 'IS', 'LO', 'LT', 'PN', 'SH', 'SL', 'SS', 'ST', 'TM', 'UI', 'UL', 'US']);
const isVr = (vr: string): boolean => LONG_VRS.has(vr) || SHORT_VRS.has(vr);

interface MetaElement {
  tag: number; // (group << 16) | element
  bytes: Uint8Array; // the whole element, header included
  value: Uint8Array;
}

function ascii(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Reads a file meta group (explicit VR little endian by definition) from `start`; null if it is damaged. */
function readMeta(bytes: Uint8Array, start: number): { elements: MetaElement[]; end: number } | null {
  const view = viewOf(bytes);
  const elements: MetaElement[] = [];
  let at = start;
  while (at + 8 <= bytes.length && view.getUint16(at, true) === 0x0002) {
    const tag = (0x0002 << 16) | view.getUint16(at + 2, true);
    const vr = ascii(bytes.subarray(at + 4, at + 6));
    const long = LONG_VRS.has(vr);
    if (long && at + 12 > bytes.length) return null;
    const headerLength = long ? 12 : 8;
    const length = long ? view.getUint32(at + 8, true) : view.getUint16(at + 6, true);
    const end = at + headerLength + length;
    if (end > bytes.length) return null;
    elements.push({ tag, bytes: bytes.subarray(at, end), value: bytes.subarray(at + headerLength, end) });
    at = end;
  }
  return { elements, end: at };
}

function transferSyntaxOf(meta: MetaElement[]): string | undefined {
  const element = meta.find((e) => e.tag === 0x00020010);
  return element ? ascii(element.value).replace(/[\0 ]+$/, '') : undefined;
}

function shortElement(tag: number, vr: string, value: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + value.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, tag >>> 16, true);
  view.setUint16(2, tag & 0xffff, true);
  out[4] = vr.charCodeAt(0);
  out[5] = vr.charCodeAt(1);
  view.setUint16(6, value.length, true);
  out.set(value, 8);
  return out;
}

/** A UI value as written: ASCII, padded to even length with NUL. */
function uidValue(uid: string): Uint8Array {
  return new TextEncoder().encode(uid.length % 2 ? `${uid}\0` : uid);
}

/** Preamble, "DICM", a fresh group length, the meta elements, then the data set. */
function assemble(meta: Uint8Array[], dataSet: Uint8Array): Uint8Array {
  const groupLength = new Uint8Array(4);
  new DataView(groupLength.buffer).setUint32(0, meta.reduce((n, e) => n + e.length, 0), true);
  const head = new Uint8Array(META_START);
  head.set([0x44, 0x49, 0x43, 0x4d], PREAMBLE); // "DICM"
  const parts = [head, shortElement(0x00020000, 'UL', groupLength), ...meta, dataSet];
  return concatBytes(parts);
}

/** Inflates raw deflate data, giving up once the output passes `cap` bytes. */
async function inflateRaw(data: Uint8Array, cap: number): Promise<Uint8Array> {
  // Copy into a fresh ArrayBuffer-backed view: Blob wants ArrayBuffer, not a possibly shared buffer.
  const stream = new Blob([new Uint8Array(data)]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > cap) {
      await reader.cancel();
      throw new InflateLimitError(cap);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

class InflateLimitError extends Error {
  constructor(cap: number) {
    super(`the deflated data set inflates to more than ${formatBytes(cap)}, more than this viewer reads`);
  }
}

/** Bytes that may follow the deflate stream: a pad byte to even length, an old writer's zlib/gzip trailer. */
const MAX_TRAILING_BYTES = 16;

/**
 * Chrome's DecompressionStream rejects any byte after the end of the stream ("Junk found after end of
 * compressed data") and withholds the last chunk, so trailing bytes are dropped one at a time until it inflates.
 */
async function inflateTolerant(data: Uint8Array, cap: number): Promise<Uint8Array> {
  for (let cut = 0; cut <= MAX_TRAILING_BYTES && cut < data.length; cut++) {
    try {
      return await inflateRaw(data.subarray(0, data.length - cut), cap);
    } catch (e) {
      if (e instanceof InflateLimitError) throw e;
      // try one byte shorter
    }
  }
  throw new Error('the deflated data set could not be inflated (the file is damaged)');
}

/**
 * The transfer syntax of a data set, judged from its first element; undefined if it does not look like one. A
 * bare file (`strict`) must start as data sets almost always do, in group 0008 (or a group length, group 0000),
 * or any file of bytes would pass; after a file meta group any group below the pixel data will do.
 */
export function guessBareSyntax(bytes: Uint8Array, strict = true): string | undefined {
  if (bytes.length < 12) return undefined;
  const plausible = (group: number): boolean => (strict ? group === 0x0008 || group === 0x0000 : group !== 0x0002 && group <= 0x7fe0);
  const view = viewOf(bytes);
  const explicitVr = isVr(ascii(bytes.subarray(4, 6)));
  if (plausible(view.getUint16(0, true))) {
    if (explicitVr) return EXPLICIT_LE;
    // Implicit VR: a 4-byte length that fits in the file (or is undefined, 0xFFFFFFFF, for a sequence).
    const length = view.getUint32(4, true);
    return length <= bytes.length - 8 || length === 0xffffffff ? IMPLICIT_LE : undefined;
  }
  if (plausible(view.getUint16(0, false)) && explicitVr) return EXPLICIT_BE;
  return undefined;
}

/**
 * Why dicom-parser may have failed on a Part 10 file whose meta group is fine: its transfer syntax says explicit
 * VR while the data set is written in implicit VR (some writers get this wrong). Undefined when that is not it.
 */
export function syntaxMismatch(bytes: Uint8Array): string | undefined {
  if (!hasDicmMarker(bytes)) return undefined;
  const meta = readMeta(bytes, META_START);
  const syntax = meta && transferSyntaxOf(meta.elements);
  if (!meta || !syntax || syntax === IMPLICIT_LE) return undefined;
  const actual = guessBareSyntax(bytes.subarray(meta.end), false);
  if (actual !== IMPLICIT_LE) return undefined;
  return `its data set is written in implicit VR, but its transfer syntax ${describeTransferSyntax(syntax)} calls for explicit VR (the file was written wrongly)`;
}

function hasDicmMarker(bytes: Uint8Array): boolean {
  return bytes.length >= META_START && ascii(bytes.subarray(PREAMBLE, META_START)) === 'DICM';
}

/** A meta group at byte 0: group 0002 and an explicit VR. */
function startsWithMeta(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && viewOf(bytes).getUint16(0, true) === 0x0002 && isVr(ascii(bytes.subarray(4, 6)));
}

/**
 * The file as a Part 10 file that needs no inflater: repaired as the module comment says, or returned unchanged.
 * Rejects only when a deflated data set cannot be inflated (or inflates past the limit).
 */
export async function toPart10(bytes: Uint8Array, inflateCap = MAX_INFLATED_BYTES): Promise<Uint8Array> {
  if (hasDicmMarker(bytes)) {
    const meta = readMeta(bytes, META_START);
    if (!meta) return bytes;
    const syntax = transferSyntaxOf(meta.elements);
    if (syntax === undefined) return withGuessedSyntax(meta.elements, bytes.subarray(meta.end)) ?? bytes;
    if (syntax !== DEFLATED) return bytes;
    const dataSet = await inflateTolerant(bytes.subarray(meta.end), inflateCap);
    return assemble(relabel(meta.elements, EXPLICIT_LE), dataSet);
  }
  if (startsWithMeta(bytes)) {
    const meta = readMeta(bytes, 0);
    if (!meta || meta.elements.length === 0) return bytes;
    const syntax = transferSyntaxOf(meta.elements);
    const rest = bytes.subarray(meta.end);
    if (syntax === undefined) return withGuessedSyntax(meta.elements, rest) ?? bytes;
    if (syntax === DEFLATED) return assemble(relabel(meta.elements, EXPLICIT_LE), await inflateTolerant(rest, inflateCap));
    return assemble(relabel(meta.elements, syntax), rest);
  }
  const guessed = guessBareSyntax(bytes);
  if (!guessed) return bytes;
  const version = new Uint8Array([0, 1]);
  const versionElement = new Uint8Array(12 + version.length);
  const v = new DataView(versionElement.buffer);
  v.setUint16(0, 0x0002, true);
  v.setUint16(2, 0x0001, true);
  versionElement.set([0x4f, 0x42], 4); // "OB"
  v.setUint32(8, version.length, true);
  versionElement.set(version, 12);
  return assemble([versionElement, shortElement(0x00020010, 'UI', uidValue(guessed))], bytes);
}

/** A meta group that lacks its Transfer Syntax UID gets the one the data set's first element suggests. */
function withGuessedSyntax(elements: MetaElement[], dataSet: Uint8Array): Uint8Array | undefined {
  const guessed = guessBareSyntax(dataSet, false);
  if (!guessed) return undefined;
  const added: MetaElement = { tag: 0x00020010, bytes: shortElement(0x00020010, 'UI', uidValue(guessed)), value: new Uint8Array() };
  const sorted = [...elements, added].sort((a, b) => a.tag - b.tag);
  return assemble(relabel(sorted, undefined), dataSet);
}

/** The meta elements without the old group length, with the transfer syntax set to `syntax` (if given). */
function relabel(elements: MetaElement[], syntax: string | undefined): Uint8Array[] {
  return elements
    .filter((e) => e.tag !== 0x00020000)
    .map((e) => (e.tag === 0x00020010 && syntax ? shortElement(e.tag, 'UI', uidValue(syntax)) : e.bytes));
}
