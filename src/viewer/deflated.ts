/**
 * Deflated Explicit VR Little Endian (1.2.840.10008.1.2.1.99) files: Cornerstone 5.14's default path gives back
 * no image for them, and dicom-parser needs an inflater we do not ship. The browser can inflate by itself
 * (DecompressionStream), so such a file is rewritten once, on arrival, as plain Explicit VR Little Endian: same
 * file meta group with the new transfer syntax, followed by the inflated data set.
 */
const DEFLATED = '1.2.840.10008.1.2.1.99';
const EXPLICIT_LE = '1.2.840.10008.1.2.1';
const META_START = 132; // 128-byte preamble + "DICM"
/** Explicit-VR value representations that have a 2-byte reserved field and a 4-byte length. */
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

interface MetaElement {
  tag: number; // (group << 16) | element
  bytes: Uint8Array; // the whole element, header included
  value: Uint8Array;
}

function ascii(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

/** Reads the file meta group (explicit VR little endian by definition); null if the file has none. */
function readMeta(bytes: Uint8Array): { elements: MetaElement[]; end: number } | null {
  if (bytes.length < META_START || ascii(bytes.subarray(128, 132)) !== 'DICM') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const elements: MetaElement[] = [];
  let at = META_START;
  while (at + 8 <= bytes.length && view.getUint16(at, true) === 0x0002) {
    const tag = (0x0002 << 16) | view.getUint16(at + 2, true);
    const vr = ascii(bytes.subarray(at + 4, at + 6));
    const long = LONG_VRS.has(vr);
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

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  // Copy into a fresh ArrayBuffer-backed view: Blob wants ArrayBuffer, not a possibly shared buffer.
  const stream = new Blob([new Uint8Array(data)]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Bytes that may follow the deflate stream: a pad byte to even length, an old writer's zlib/gzip trailer. */
const MAX_TRAILING_BYTES = 16;

/**
 * Chrome's DecompressionStream rejects any byte after the end of the stream ("Junk found after end of
 * compressed data") and withholds the last chunk, so trailing bytes are dropped one at a time until it inflates.
 */
async function inflateTolerant(data: Uint8Array): Promise<Uint8Array> {
  for (let cut = 0; cut <= MAX_TRAILING_BYTES && cut < data.length; cut++) {
    try {
      return await inflateRaw(data.subarray(0, data.length - cut));
    } catch {
      // try one byte shorter
    }
  }
  throw new Error('the deflated data set could not be inflated (the file is damaged)');
}

/** Returns the file as Explicit VR Little Endian if it was deflated; any other file is returned as it is. */
export async function inflateIfDeflated(bytes: Uint8Array): Promise<Uint8Array> {
  const meta = readMeta(bytes);
  if (!meta || transferSyntaxOf(meta.elements) !== DEFLATED) return bytes;
  const dataSet = await inflateTolerant(bytes.subarray(meta.end));
  const uid = new TextEncoder().encode(EXPLICIT_LE + '\0'); // UI values are padded to even length with NUL
  const kept = meta.elements
    .filter((e) => e.tag !== 0x00020000)
    .map((e) => (e.tag === 0x00020010 ? shortElement(e.tag, 'UI', uid) : e.bytes));
  const groupLength = kept.reduce((n, e) => n + e.length, 0);
  const lengthValue = new Uint8Array(4);
  new DataView(lengthValue.buffer).setUint32(0, groupLength, true);
  const parts = [bytes.subarray(0, META_START), shortElement(0x00020000, 'UL', lengthValue), ...kept, dataSet];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
