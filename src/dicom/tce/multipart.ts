/**
 * The parts of a WADO-RS answer (multipart/related, PS3.18 8.6.1.2), as bytes. Written for DICOMweb's simple
 * use of MIME: a boundary from the Content-Type, parts separated by CRLF "--boundary", headers ending in a blank
 * line; no nesting.
 */
export class MultipartError extends Error {}

export function boundaryOf(contentType: string): string {
  const m = /boundary="?([^";]+)"?/i.exec(contentType);
  if (!m) throw new MultipartError(`no boundary in the answer's Content-Type "${contentType}"`);
  return m[1]!;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  outer: for (let i = haystack.indexOf(first!, from); i !== -1 && i <= haystack.length - needle.length; i = haystack.indexOf(first!, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

export function multipartParts(body: Uint8Array, contentType: string): Uint8Array[] {
  const enc = new TextEncoder();
  const delimiter = enc.encode(`--${boundaryOf(contentType)}`);
  const blank = enc.encode('\r\n\r\n');
  const parts: Uint8Array[] = [];
  let at = indexOf(body, delimiter, 0);
  while (at !== -1) {
    const afterDelimiter = at + delimiter.length;
    // "--" after the delimiter closes the body.
    if (body[afterDelimiter] === 0x2d && body[afterDelimiter + 1] === 0x2d) break;
    const headersEnd = indexOf(body, blank, afterDelimiter);
    if (headersEnd === -1) throw new MultipartError('a part without the blank line that ends its headers');
    const start = headersEnd + blank.length;
    const next = indexOf(body, delimiter, start);
    if (next === -1) throw new MultipartError('the answer ends before its closing boundary');
    // The CRLF before the next delimiter belongs to it.
    const end = body[next - 2] === 0x0d && body[next - 1] === 0x0a ? next - 2 : next;
    parts.push(body.subarray(start, end));
    at = next;
  }
  return parts;
}
