/**
 * One file from bytes to a header the viewer can use: the size limit, the Part 10 repairs (`part10.ts`), then the
 * header (`header.ts`). Whatever goes wrong comes out as a DicomFileError naming the file. This is what the header
 * worker runs (`header-worker.ts`), and what Node (the case checker, tests) runs directly.
 */
import { readHeader, type DicomHeader } from './header';
import { toPart10 } from './part10';
import { trimExcessPixelData } from './pixel-trim';
import { dropZeroSpacing } from './spacing-repair';
import { oneFragmentPerFrame } from './fragments';
import { ybr422ToRgb } from './ybr422';
import { DicomFileError, explainParseFailure } from './errors';
import { formatBytes, MAX_FILE_BYTES } from './limits';

/** Repairs of the pixel data and geometry that only matter to the image loader (each says why in its file). */
function handOn(bytes: Uint8Array): Uint8Array {
  return ybr422ToRgb(oneFragmentPerFrame(dropZeroSpacing(trimExcessPixelData(bytes))));
}

export interface ReadFile {
  header: DicomHeader;
  /** The bytes to hand to the image loader: the input, or its repaired Part 10 form. */
  bytes: Uint8Array;
}

/** Reads `bytes` (the whole file, or its first `bytes.length` of `fileSize` bytes) as a DICOM image's header. */
export async function readDicomFile(bytes: Uint8Array, fileName: string, fileSize = bytes.length): Promise<ReadFile> {
  if (fileSize > MAX_FILE_BYTES) {
    throw new DicomFileError(fileName, `it is ${formatBytes(fileSize)}, more than the ${formatBytes(MAX_FILE_BYTES)} this viewer reads from one file`);
  }
  try {
    const repaired = await toPart10(bytes);
    // A repair adds (or inflates) bytes before the data set: size checks must judge the repaired whole.
    const header = readHeader(repaired, fileName, fileSize + (repaired.length - bytes.length));
    // Only a whole file is handed on to the image loader; a header slice is read for its header only.
    const whole = fileSize === bytes.length;
    return { header, bytes: whole ? handOn(repaired) : repaired };
  } catch (e) {
    throw e instanceof DicomFileError ? e : new DicomFileError(fileName, explainParseFailure(e));
  }
}
