/**
 * What a file that is not DICOM probably is, from its first bytes, so the message can say "a gzip archive: unpack
 * it first" instead of only "not DICOM". Folders people pick often hold such files next to the images.
 */

const SIGNATURES: ReadonlyArray<[magic: number[], what: string]> = [
  [[0x1f, 0x8b], 'a gzip archive (unpack it first)'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive (unpack it first)'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG picture'],
  [[0xff, 0xd8, 0xff], 'a JPEG picture'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF picture'],
  [[0x42, 0x5a, 0x68], 'a bzip2 archive (unpack it first)'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive (unpack it first)'],
];

/** Printable ASCII, tabs and line breaks (UTF-8 text in Latin scripts passes on its ASCII bytes). */
function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  let printable = 0;
  for (const b of head) if (b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 0xc2) printable++;
  return printable / head.length > 0.97;
}

/** "a zip archive (unpack it first)", "a text file", … or undefined when nothing is recognised. */
export function sniffNonDicom(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return 'an empty file';
  for (const [magic, what] of SIGNATURES) {
    if (magic.every((b, i) => bytes[i] === b)) return what;
  }
  return looksLikeText(bytes.subarray(0, 512)) ? 'a text file' : undefined;
}
