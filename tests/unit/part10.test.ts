/**
 * Files repaired on arrival (deflated, no preamble, no file meta), objects recognised as "not an image", and the
 * size limits, on real files from ../shared/dicom.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import dicomParser from 'dicom-parser';
import { describe, expect, it } from 'vitest';
import { toPart10 } from '../../src/dicom/part10';
import { readHeader } from '../../src/dicom/header';
import { readDicomFile } from '../../src/dicom/read-file';
import { nonImageReason } from '../../src/dicom/non-image';
import { checkImageLimits } from '../../src/dicom/header-limits';
import { DicomFileError } from '../../src/dicom/errors';

const SHARED = join(import.meta.dirname, '../../../shared/dicom');
const PYDICOM = join(SHARED, 'pydicom/src/pydicom/data/test_files');
const PYDICOM_DATA = join(SHARED, 'pydicom-data/data_store/data');
const bytesOf = (path: string): Uint8Array => new Uint8Array(readFileSync(path));

async function reasonOf(path: string, name = path.split('/').pop()!): Promise<string> {
  try {
    await readDicomFile(bytesOf(path), name);
  } catch (e) {
    expect(e).toBeInstanceOf(DicomFileError);
    expect((e as DicomFileError).message.startsWith(`${name}: `)).toBe(true);
    return (e as DicomFileError).reason;
  }
  throw new Error(`${name} was read without complaint`);
}

describe('deflated transfer syntax', () => {
  it('rewrites a real deflated file as explicit little endian that dicom-parser reads', async () => {
    const raw = bytesOf(join(SHARED, 'dicomParser/testImages/deflate/image_dfl'));
    expect(dicomParser.readPart10Header(raw).string('x00020010')).toBe('1.2.840.10008.1.2.1.99');
    const plain = await toPart10(raw);
    const h = readHeader(plain, 'image_dfl');
    expect(h.transferSyntaxUID).toBe('1.2.840.10008.1.2.1');
    expect(h.rows).toBeGreaterThan(0);
    const ds = dicomParser.parseDicom(plain);
    expect(ds.elements.x7fe00010?.length).toBe((h.rows * h.columns * (ds.uint16('x00280100') ?? 16)) / 8);
  });

  it('refuses to inflate past the limit (a deflate bomb)', async () => {
    const raw = bytesOf(join(SHARED, 'dicomParser/testImages/deflate/image_dfl'));
    await expect(toPart10(raw, 1000)).rejects.toThrow(/inflates to more than 1000 bytes/);
  });

  it('leaves other files untouched', async () => {
    const raw = bytesOf(join(SHARED, 'dicomParser/testImages/CT1_UNC.explicit_little_endian.dcm'));
    expect(await toPart10(raw)).toBe(raw);
  });
});

describe('files without a Part 10 header', () => {
  it('puts back a missing preamble before a file meta group', async () => {
    const { header } = await readDicomFile(bytesOf(join(PYDICOM_DATA, 'JLSL_RGB_ILV0.dcm')), 'JLSL_RGB_ILV0.dcm');
    expect(header.transferSyntaxUID).toBe('1.2.840.10008.1.2.4.80');
    expect([header.columns, header.rows]).toEqual([256, 256]);
  });

  it('writes a file meta group for a bare implicit little endian data set', async () => {
    const { header, bytes } = await readDicomFile(bytesOf(join(PYDICOM_DATA, 'OT-PAL-8-face.dcm')), 'OT-PAL-8-face.dcm');
    expect(header.transferSyntaxUID).toBe('1.2.840.10008.1.2');
    expect([header.columns, header.rows]).toEqual([640, 480]);
    expect(String.fromCharCode(...bytes.subarray(128, 132))).toBe('DICM');
  });

  it('guesses explicit big endian from the first element', async () => {
    const reason = await reasonOf(join(PYDICOM, 'ExplVR_BigEndNoMeta.dcm'));
    expect(reason).toMatch(/^an RT plan, not an image/);
  });

  it('says what a file is when it is not DICOM at all', async () => {
    expect(await reasonOf(join(PYDICOM, 'zipMR.gz'))).toBe('not a DICOM file: it looks like a gzip archive (unpack it first)');
    expect(await reasonOf(join(SHARED, 'README.md'))).toBe('not a DICOM file: it looks like a text file');
  });
});

describe('objects that are not images', () => {
  it.each([
    ['reportsi.dcm', /^a structured report \(SR\), not an image/],
    ['rtplan.dcm', /^an RT plan, not an image/],
    ['rtstruct.dcm', /^an RT structure set, not an image/],
    ['waveform_ecg.dcm', /^a waveform \(such as an ECG\), not an image/],
    ['liver_1frame.dcm', /^a segmentation \(SEG\), not an image/],
  ])('%s is recognised and explained', async (file, expected) => {
    expect(await reasonOf(join(PYDICOM, file))).toMatch(expected);
  });

  it('asks the modality only when the object has no image size', () => {
    expect(nonImageReason(undefined, 'DOC', true)).toBeUndefined();
    expect(nonImageReason(undefined, 'DOC', false)).toMatch(/^an encapsulated document/);
    expect(nonImageReason('1.2.840.10008.5.1.4.1.1.2', 'CT', true)).toBeUndefined();
  });
});

describe('limits', () => {
  const image = { rows: 512, columns: 512, numberOfFrames: 1, samplesPerPixel: 1, bitsAllocated: 16, fileSize: 600_000 };

  it('refuses absurd sizes and frame counts, and pixel data longer than the file', () => {
    expect(checkImageLimits(image)).toBeUndefined();
    expect(checkImageLimits({ ...image, rows: 65535 })).toMatch(/512x65535 pixels, more than/);
    expect(checkImageLimits({ ...image, numberOfFrames: 1e9 })).toMatch(/claims 1000000000 frames/);
    expect(checkImageLimits({ ...image, numberOfFrames: 0 })).toMatch(/not a whole number of at least 1/);
    expect(checkImageLimits({ ...image, pixelData: { dataOffset: 400, length: 524288 } })).toBeUndefined();
    expect(checkImageLimits({ ...image, pixelData: { dataOffset: 400, length: 1 << 30 } })).toMatch(/cut short/);
    expect(checkImageLimits({ ...image, numberOfFrames: 3, pixelData: { dataOffset: 400, length: 524288 } })).toMatch(
      /claims 3 frames, but its pixel data holds only 1/,
    );
  });

  it('names a truncated real file as cut short', async () => {
    expect(await reasonOf(join(PYDICOM, 'MR_truncated.dcm'))).toMatch(/^the file is cut short/);
  });
});

describe('pixel data longer than the image', () => {
  it('is cut to the size the header describes, so the renderer can take it', async () => {
    const { bytes } = await readDicomFile(bytesOf(join(PYDICOM, 'MR_small_padded.dcm')), 'MR_small_padded.dcm');
    const ds = dicomParser.parseDicom(bytes);
    expect(ds.elements.x7fe00010?.length).toBe(64 * 64 * 2);
    expect(bytes.length).toBe(ds.elements.x7fe00010!.dataOffset + 64 * 64 * 2);
  });

  it('names pixel sizes the decoders cannot take', async () => {
    expect(await reasonOf(join(PYDICOM, 'rtdose_expb.dcm'))).toMatch(/^32-bit pixels in transfer syntax 1\.2\.840\.10008\.1\.2\.2 \(Explicit VR Big Endian\) are not supported/);
    expect(await reasonOf(join(PYDICOM, 'SC_rgb_rle_32bit.dcm'))).toMatch(/^32-bit pixels in transfer syntax 1\.2\.840\.10008\.1\.2\.5 \(RLE Lossless\)/);
  });

  it('names 16-bit colour in RLE, which the decoder would turn into the wrong picture, and lets 16-bit grey RLE through', async () => {
    expect(await reasonOf(join(PYDICOM, 'SC_rgb_rle_16bit.dcm'))).toBe(
      '16-bit colour pixels (3 samples) in transfer syntax 1.2.840.10008.1.2.5 (RLE Lossless) are not supported: its decoder reads 16-bit grey images only',
    );
    await expect(readDicomFile(bytesOf(join(PYDICOM, 'MR_small_RLE.dcm')), 'MR_small_RLE.dcm')).resolves.toBeDefined();
  });
});

describe('multi-frame JPEG split over fragments without an offset table', () => {
  it('is rewritten with one fragment per frame and an offset table', async () => {
    const path = join(SHARED, 'dicomParser/testImages/encapsulated/multi-frame/IM00001.fragmented_no_bot_jpeg_baseline.50.dcm');
    const { bytes } = await readDicomFile(bytesOf(path), 'IM00001.dcm');
    const element = dicomParser.parseDicom(bytes).elements.x7fe00010!;
    expect(element.fragments).toHaveLength(8);
    expect(element.basicOffsetTable).toHaveLength(8);
    for (const f of element.fragments!) expect([bytes[f.position], bytes[f.position + 1]]).toEqual([0xff, 0xd8]);
  });
});
