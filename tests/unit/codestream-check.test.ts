/**
 * The codestream check that keeps a misread or cut frame from reaching a decoder which would hand back the
 * previous image: every single-frame JPEG, JPEG-LS and JPEG 2000 file of the shared corpus that parses cleanly
 * passes it, and bytes that are not a whole codestream are refused with a reason naming what is wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import dicomParser from 'dicom-parser';
import { describe, expect, it } from 'vitest';
import { codestreamProblem, frameEnd, frameStart } from '../../src/viewer/codestream-check';

const SHARED = join(import.meta.dirname, '../../../shared/dicom');
const J2K = '1.2.840.10008.1.2.4.90';
const JPEG_LS = '1.2.840.10008.1.2.4.80';
/** Known to be misread by parsers (see tests/conformance/expectations.json): what the check is for. */
const MISREAD = 'JPEG2000-embedded-sequence-delimiter.dcm';

interface Frame {
  name: string;
  syntax: string;
  fragments: Uint8Array[];
}

/** The one frame of every single-frame encapsulated file under `dir` that dicom-parser reads. */
function singleFrames(dir: string): Frame[] {
  const out: Frame[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.dcm$/i.test(entry.name) || entry.name === MISREAD) continue;
    const path = join(entry.parentPath, entry.name);
    try {
      const set = dicomParser.parseDicom(new Uint8Array(readFileSync(path)));
      const pixel = set.elements['x7fe00010'];
      const syntax = set.string('x00020010')?.replace(/\0/g, '').trim();
      if (!syntax?.startsWith('1.2.840.10008.1.2.4.') || !pixel?.fragments?.length || (set.intString('x00280008') ?? 1) > 1) continue;
      const fragments = pixel.fragments.map((f) => set.byteArray.subarray(f.position, f.position + f.length));
      out.push({ name: path.slice(SHARED.length + 1), syntax, fragments });
    } catch {
      // Files dicom-parser cannot read (the corpus's deliberately broken ones) are the conformance suite's business.
    }
  }
  return out;
}

describe('codestream check', () => {
  it('passes the frame of every single-frame JPEG, JPEG-LS and JPEG 2000 file of the corpus', () => {
    const frames = singleFrames(SHARED);
    expect(frames.filter((f) => f.syntax === '1.2.840.10008.1.2.4.90' || f.syntax === '1.2.840.10008.1.2.4.91').length).toBeGreaterThan(5);
    expect(frames.length).toBeGreaterThan(20);
    const problems = frames.flatMap((f) => {
      const problem = codestreamProblem(f.syntax, frameStart(f.fragments), frameEnd(f.fragments));
      return problem ? [`${f.name}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('refuses bytes that do not begin as a codestream, naming what they begin with', () => {
    const start = new Uint8Array([0xfe, 0xff, 0x00, 0xe0, 1, 2]);
    expect(codestreamProblem(J2K, start, new Uint8Array([0xff, 0xd9]))).toBe(
      'the JPEG 2000 data does not begin with a codestream (its first bytes are FE FF 00 E0)',
    );
    expect(codestreamProblem(JPEG_LS, new Uint8Array([0xff, 0x4f, 0xff, 0x51]), new Uint8Array())).toMatch(
      /^the JPEG data does not begin with a start-of-image marker/,
    );
    expect(codestreamProblem(J2K, new Uint8Array(), new Uint8Array())).toMatch(/first bytes are missing/);
  });

  it('refuses a JPEG 2000 codestream without its end marker, allowing one pad byte after it', () => {
    const start = new Uint8Array([0xff, 0x4f, 0xff, 0x51]);
    expect(codestreamProblem(J2K, start, new Uint8Array([1, 2, 3, 4]))).toMatch(/cut short/);
    expect(codestreamProblem(J2K, start, new Uint8Array([1, 2, 0xff, 0xd9]))).toBeUndefined();
    expect(codestreamProblem(J2K, start, new Uint8Array([1, 0xff, 0xd9, 0x00]))).toBeUndefined();
    expect(codestreamProblem(J2K, start, new Uint8Array([0xff, 0xd9, 0, 0]))).toMatch(/cut short/);
  });

  it('leaves other transfer syntaxes alone', () => {
    expect(codestreamProblem('1.2.840.10008.1.2.5', new Uint8Array([0, 0, 0, 0]), new Uint8Array())).toBeUndefined();
  });

  it('reads the start and end of a frame across its fragments', () => {
    const parts = [new Uint8Array([0xff]), new Uint8Array([0x4f, 0xff]), new Uint8Array([0x51, 9, 0xff]), new Uint8Array([0xd9])];
    expect([...frameStart(parts, 4)]).toEqual([0xff, 0x4f, 0xff, 0x51]);
    expect([...frameEnd(parts, 3)]).toEqual([9, 0xff, 0xd9]);
    expect(codestreamProblem(J2K, frameStart(parts), frameEnd(parts))).toBeUndefined();
  });
});
