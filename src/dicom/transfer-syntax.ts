/**
 * Transfer syntaxes by name, and which of them the viewer can show: the ones Cornerstone 5.14's image loader has a
 * decoder for (its decodeImageFrame switch), plus deflated data sets, which `part10.ts` inflates on arrival.
 * Names go into error messages, so a person can tell "JPEG 2000" from "1.2.840.10008.1.2.4.91".
 */

const NAMES: Readonly<Record<string, string>> = {
  '1.2.840.10008.1.2': 'Implicit VR Little Endian',
  '1.2.840.10008.1.2.1': 'Explicit VR Little Endian',
  '1.2.840.10008.1.2.1.98': 'Encapsulated Uncompressed',
  '1.2.840.10008.1.2.1.99': 'Deflated Explicit VR Little Endian',
  '1.2.840.10008.1.2.2': 'Explicit VR Big Endian',
  '1.2.840.10008.1.2.5': 'RLE Lossless',
  '1.2.840.10008.1.2.8.1': 'Deflated Image Frame Compression',
  '1.2.840.10008.1.2.4.50': 'JPEG Baseline',
  '1.2.840.10008.1.2.4.51': 'JPEG Extended (12-bit)',
  '1.2.840.10008.1.2.4.57': 'JPEG Lossless',
  '1.2.840.10008.1.2.4.70': 'JPEG Lossless SV1',
  '1.2.840.10008.1.2.4.80': 'JPEG-LS Lossless',
  '1.2.840.10008.1.2.4.81': 'JPEG-LS Near-Lossless',
  '1.2.840.10008.1.2.4.90': 'JPEG 2000 Lossless',
  '1.2.840.10008.1.2.4.91': 'JPEG 2000',
  '1.2.840.10008.1.2.4.92': 'JPEG 2000 Part 2 Multi-component Lossless',
  '1.2.840.10008.1.2.4.93': 'JPEG 2000 Part 2 Multi-component',
  '1.2.840.10008.1.2.4.94': 'JPIP Referenced',
  '1.2.840.10008.1.2.4.95': 'JPIP Referenced Deflate',
  '1.2.840.10008.1.2.4.100': 'MPEG-2 video',
  '1.2.840.10008.1.2.4.101': 'MPEG-2 video',
  '1.2.840.10008.1.2.4.102': 'MPEG-4 AVC/H.264 video',
  '1.2.840.10008.1.2.4.103': 'MPEG-4 AVC/H.264 video',
  '1.2.840.10008.1.2.4.104': 'MPEG-4 AVC/H.264 video',
  '1.2.840.10008.1.2.4.105': 'MPEG-4 AVC/H.264 video',
  '1.2.840.10008.1.2.4.106': 'MPEG-4 AVC/H.264 video',
  '1.2.840.10008.1.2.4.107': 'HEVC/H.265 video',
  '1.2.840.10008.1.2.4.108': 'HEVC/H.265 video',
  '1.2.840.10008.1.2.4.110': 'JPEG XL Lossless',
  '1.2.840.10008.1.2.4.111': 'JPEG XL JPEG Recompression',
  '1.2.840.10008.1.2.4.112': 'JPEG XL',
  '1.2.840.10008.1.2.4.201': 'HTJ2K Lossless',
  '1.2.840.10008.1.2.4.202': 'HTJ2K Lossless RPCL',
  '1.2.840.10008.1.2.4.203': 'HTJ2K',
  '1.2.840.10008.1.2.6.1': 'RFC 2557 MIME encapsulation',
  '1.2.840.10008.1.2.6.2': 'JPEG XR',
};

/** Cornerstone 5.14 decodes these (see its decodeImageFrame); deflated data sets are inflated before it sees them. */
const DECODABLE = new Set([
  '1.2.840.10008.1.2',
  '1.2.840.10008.1.2.1',
  '1.2.840.10008.1.2.1.98',
  '1.2.840.10008.1.2.1.99',
  '1.2.840.10008.1.2.2',
  '1.2.840.10008.1.2.5',
  '1.2.840.10008.1.2.8.1',
  '1.2.840.10008.1.2.4.50',
  '1.2.840.10008.1.2.4.51',
  '1.2.840.10008.1.2.4.53',
  '1.2.840.10008.1.2.4.55',
  '1.2.840.10008.1.2.4.57',
  '1.2.840.10008.1.2.4.70',
  '1.2.840.10008.1.2.4.80',
  '1.2.840.10008.1.2.4.81',
  '1.2.840.10008.1.2.4.90',
  '1.2.840.10008.1.2.4.91',
  '1.2.840.10008.1.2.4.110',
  '1.2.840.10008.1.2.4.111',
  '1.2.840.10008.1.2.4.112',
  '1.2.840.10008.1.2.4.201',
  '1.2.840.10008.1.2.4.202',
  '1.2.840.10008.1.2.4.203',
]);

/** "1.2.840.10008.1.2.4.91 (JPEG 2000)", or the bare UID when it has no name here. */
export function describeTransferSyntax(uid: string): string {
  const name = NAMES[uid];
  return name ? `${uid} (${name})` : uid;
}

/**
 * Why the viewer cannot decode this transfer syntax, or undefined when it can (or when the UID is one this list
 * does not know: the decoder then has its say).
 */
export function undecodableReason(uid: string | undefined): string | undefined {
  if (!uid || DECODABLE.has(uid) || !NAMES[uid]) return undefined;
  return `transfer syntax ${describeTransferSyntax(uid)} is not supported: this viewer decodes uncompressed, deflated, RLE, JPEG, JPEG-LS, JPEG 2000, HTJ2K and JPEG XL images`;
}

/** Pixel sizes Cornerstone 5.14's decoders take for these syntaxes (decodeBigEndian, decodeRLE); others fail. */
const BITS_DECODED: Readonly<Record<string, readonly number[]>> = {
  '1.2.840.10008.1.2.2': [8, 16],
  '1.2.840.10008.1.2.5': [1, 8, 16],
};

const RLE = '1.2.840.10008.1.2.5';

/**
 * Why this pixel size cannot be decoded in this transfer syntax, or undefined when it can. Cornerstone 5.14's RLE
 * decoder writes 16-bit samples as if there were one per pixel: a 16-bit colour image's six segments land on top
 * of each other and come out as stripes of the wrong picture, without an error, so it is refused up front.
 */
export function decoderLimitReason(uid: string | undefined, bitsAllocated: number, samplesPerPixel = 1): string | undefined {
  const bits = uid ? BITS_DECODED[uid] : undefined;
  if (!bits) return undefined;
  if (!bits.includes(bitsAllocated)) {
    return `${bitsAllocated}-bit pixels in transfer syntax ${describeTransferSyntax(uid!)} are not supported: its decoder reads ${bits.filter((b) => b > 1).join(' and ')}-bit pixels only`;
  }
  if (uid === RLE && bitsAllocated === 16 && samplesPerPixel > 1) {
    return `16-bit colour pixels (${samplesPerPixel} samples) in transfer syntax ${describeTransferSyntax(uid)} are not supported: its decoder reads 16-bit grey images only`;
  }
  return undefined;
}
