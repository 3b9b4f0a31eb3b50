/**
 * Library key images, the pure parts: which image a case's card shows, the build's file for it, the decoder of
 * uncompressed grey pixels (and what it refuses), and the windowed, shrunk picture.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/case/parse';
import { keyImageCue } from '../../src/case/key-image';
import { keyImageOf } from '../../src/dicom/key-image-files';
import { decodeGreyImage, type GreyImage } from '../../src/dicom/grey-pixels';
import { renderCardPicture } from '../../src/ui/library/key-image-render';
import { folderReader } from '../../scripts/fs-case-reader';

const CASES = join(import.meta.dirname, '../../cases');
const PYDICOM = join(import.meta.dirname, '../../../shared/dicom/pydicom/src/pydicom/data/test_files');
const PYDICOM_DATA = join(import.meta.dirname, '../../../shared/dicom/pydicom-data/data_store/data');
const bytes = (path: string): Uint8Array => new Uint8Array(readFileSync(path));

function bundled(id: string) {
  const r = parseCase(JSON.parse(readFileSync(join(CASES, id, 'case.json'), 'utf8')));
  if (!r.ok) throw new Error(`${id} does not parse`);
  return r.value;
}

describe('key image', () => {
  it("is the first step's first viewport, with the cue's window or none (the series default)", async () => {
    expect(keyImageCue(bundled('epidural-aml'))).toEqual({ series: 't1-pre', imageIndex: 7 });
    expect(keyImageCue(bundled('peds-brain-t1'))).toEqual({ series: 't1-mprage', imageIndex: 96, window: { center: 190, width: 340 } });
    expect(await keyImageOf(bundled('epidural-aml'), folderReader(join(CASES, 'epidural-aml')))).toEqual({
      file: 'series/t1-pre/0008.dcm',
      middle: 'series/t1-pre/0008.dcm',
    });
  });

  it('decodes the same pixels from little-endian, big-endian and implicit files, and refuses compressed and colour ones', () => {
    const le = decodeGreyImage(bytes(join(PYDICOM, 'MR_small.dcm')));
    expect([le.columns, le.rows]).toEqual([64, 64]);
    for (const other of ['MR_small_bigendian.dcm', 'MR_small_implicit.dcm']) {
      expect(decodeGreyImage(bytes(join(PYDICOM, other))).values).toEqual(le.values);
    }
    expect(() => decodeGreyImage(bytes(join(PYDICOM, 'MR_small_RLE.dcm')))).toThrow(/transfer syntax 1\.2\.840\.10008\.1\.2\.5/);
    expect(() => decodeGreyImage(bytes(join(PYDICOM, 'MR_small_jpeg_ls_lossless.dcm')))).toThrow(/compressed/);
    expect(() => decodeGreyImage(bytes(join(PYDICOM_DATA, 'SC_rgb.dcm')))).toThrow(/not a grey image/);
  });

  it('windows, inverts MONOCHROME1 and averages when it shrinks', () => {
    const image: GreyImage = { rows: 2, columns: 4, values: Float32Array.from([0, 100, 50, 50, 0, 100, 200, -100]), invert: false };
    const grey = (p: { rgba: Uint8ClampedArray }) => [...p.rgba].filter((_, i) => i % 4 === 0);
    expect(grey(renderCardPicture(image, { center: 50, width: 100 }, 4))).toEqual([0, 255, 128, 128, 0, 255, 255, 0]);
    expect(grey(renderCardPicture({ ...image, invert: true }, { center: 50, width: 100 }, 4))).toEqual([255, 0, 128, 128, 255, 0, 0, 255]);
    // Halved: each card pixel is the mean of the 2x2 it covers.
    expect(grey(renderCardPicture(image, { center: 50, width: 100 }, 2))).toEqual([128, 128]);
  });
});
