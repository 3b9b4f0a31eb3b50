/**
 * Damaged and hostile variants of real DICOM files, reproducible from a seed: what a corrupt download, a broken
 * writer or someone probing the viewer would hand it. Each mutation is named so a failure says what was done.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '../../scripts/phantom/rng';

export const SHARED_DICOM = join(import.meta.dirname, '../../../shared/dicom');

/** Small real files of many kinds (syntaxes, colour, multi-frame, deflate, no preamble, non-images). */
export const SEED_FILES = [
  'pydicom/src/pydicom/data/test_files/MR_small.dcm',
  'pydicom/src/pydicom/data/test_files/CT_small.dcm',
  'pydicom/src/pydicom/data/test_files/MR_small_bigendian.dcm',
  'pydicom/src/pydicom/data/test_files/MR_small_implicit.dcm',
  'pydicom/src/pydicom/data/test_files/MR_small_RLE.dcm',
  'pydicom/src/pydicom/data/test_files/MR_small_jp2klossless.dcm',
  'pydicom/src/pydicom/data/test_files/MR_small_jpeg_ls_lossless.dcm',
  'pydicom/src/pydicom/data/test_files/SC_rgb_jpeg_gdcm.dcm',
  'pydicom/src/pydicom/data/test_files/SC_rgb_rle_2frame.dcm',
  'pydicom/src/pydicom/data/test_files/image_dfl.dcm',
  'pydicom/src/pydicom/data/test_files/rtplan.dcm',
  'pydicom/src/pydicom/data/test_files/reportsi.dcm',
  'pydicom/src/pydicom/data/test_files/ExplVR_LitEndNoMeta.dcm',
  'pydicom-data/data_store/data/JLSL_08_07_0_1F.dcm',
  'pydicom-data/data_store/data/emri_small_RLE.dcm',
  'dicomParser/testImages/encapsulated/multi-frame/CT0012.fragmented_no_bot_jpeg_ls.80.dcm',
] as const;

export interface Mutant {
  /** A file name saying where it came from and what was done, e.g. "MR_small~flip-7.dcm". */
  name: string;
  bytes: Uint8Array;
  mutation: string;
}

type Mutation = (bytes: Uint8Array, rng: Rng) => Uint8Array;

const int = (rng: Rng, lo: number, hi: number): number => Math.floor(rng.range(lo, hi));
/** A position in the data set (past preamble, "DICM" and most of the meta group) when the file has one. */
const bodyPosition = (bytes: Uint8Array, rng: Rng): number => int(rng, Math.min(200, bytes.length - 1), bytes.length);

function le32(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff];
}

/** Explicit VR little endian header of an undefined-length sequence, then an undefined-length item. */
function nestedSequenceOpening(): number[] {
  return [0x08, 0x00, 0x15, 0x11, 0x53, 0x51, 0, 0, ...le32(0xffffffff), 0xfe, 0xff, 0x00, 0xe0, ...le32(0xffffffff)];
}

const MUTATIONS: Record<string, Mutation> = {
  truncate: (b, rng) => b.slice(0, int(rng, 0, b.length)),
  'flip-bytes': (b, rng) => {
    const out = b.slice();
    for (let i = int(rng, 1, 24); i > 0; i--) out[bodyPosition(b, rng)] = int(rng, 0, 256);
    return out;
  },
  'huge-length': (b, rng) => {
    // A length field anywhere is 4 bytes: 0xFFFFFFF0 or 0x7FFFFFFF claims gigabytes.
    const out = b.slice();
    const at = Math.min(bodyPosition(b, rng), b.length - 4);
    out.set(le32(rng.float() < 0.5 ? 0xfffffff0 : 0x7fffffff), at);
    return out;
  },
  'deep-sequences': (b, rng) => {
    // Thousands of nested undefined-length sequences right after the file meta group (or at a random place).
    const depth = int(rng, 500, 20000);
    const opening = nestedSequenceOpening();
    const nest = new Uint8Array(opening.length * depth);
    for (let i = 0; i < depth; i++) nest.set(opening, i * opening.length);
    const at = rng.float() < 0.5 ? Math.min(b.length, 132 + int(rng, 0, 200)) : bodyPosition(b, rng);
    const out = new Uint8Array(b.length + nest.length);
    out.set(b.subarray(0, at));
    out.set(nest, at);
    out.set(b.subarray(at), at + nest.length);
    return out;
  },
  'undefined-lengths': (b, rng) => {
    const out = b.slice();
    for (let i = int(rng, 1, 8); i > 0; i--) out.set(le32(0xffffffff), Math.min(bodyPosition(b, rng), b.length - 4));
    return out;
  },
  'wrong-vr': (b, rng) => {
    // Two uppercase letters where VRs sit, wherever they are: some become other VRs, some none at all.
    const out = b.slice();
    const vrs = ['SQ', 'OB', 'UN', 'UT', 'ZZ', 'AA', 'US', 'OW'];
    for (let i = int(rng, 1, 12); i > 0; i--) {
      const vr = vrs[int(rng, 0, vrs.length)]!;
      const at = Math.min(bodyPosition(b, rng), b.length - 2);
      out[at] = vr.charCodeAt(0);
      out[at + 1] = vr.charCodeAt(1);
    }
    return out;
  },
  'no-preamble': (b, rng) => b.slice(rng.float() < 0.5 ? 128 : 132),
  'random-insert': (b, rng) => {
    const at = bodyPosition(b, rng);
    const junk = Uint8Array.from({ length: int(rng, 1, 4096) }, () => int(rng, 0, 256));
    const out = new Uint8Array(b.length + junk.length);
    out.set(b.subarray(0, at));
    out.set(junk, at);
    out.set(b.subarray(at), at + junk.length);
    return out;
  },
  'garbage-file': (b, rng) => Uint8Array.from({ length: int(rng, 0, Math.max(2, b.length)) }, () => int(rng, 0, 256)),
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

const seedCache = new Map<string, Uint8Array>();
function seedBytes(path: string): Uint8Array {
  let bytes = seedCache.get(path);
  if (!bytes) seedCache.set(path, (bytes = new Uint8Array(readFileSync(join(SHARED_DICOM, path)))));
  return bytes;
}

/** The `index`-th mutant of run `seed`: the same arguments give the same bytes on every machine. */
export function mutant(seed: number, index: number): Mutant {
  const rng = new Rng(seed, `mutant ${index}`);
  const path = SEED_FILES[int(rng, 0, SEED_FILES.length)]!;
  const mutation = MUTATION_NAMES[int(rng, 0, MUTATION_NAMES.length)]!;
  const base = path.split('/').pop()!.replace(/\.dcm$/, '');
  return { name: `${base}~${mutation}-${index}.dcm`, bytes: MUTATIONS[mutation]!(seedBytes(path), rng), mutation };
}
