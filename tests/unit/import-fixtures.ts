/** Shared by the import and de-identification tests: real files from shared/dicom, and ways to look inside output. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import dicomParser from 'dicom-parser';
import { readDicomFile, writeDicomFile, type DicomFile } from '../../src/dicom/deid/dataset';
import type { SourceFile } from '../../src/dicom/import/import-case';

export const SHARED_DICOM = join(import.meta.dirname, '../../../shared/dicom');
export const SAG_DIR = join(SHARED_DICOM, 'SAG-anon');
export const PYDICOM_DIR = join(SHARED_DICOM, 'pydicom/src/pydicom/data/test_files');

export function source(path: string, name = path.split('/').pop() ?? path): SourceFile {
  return { name, bytes: new Uint8Array(readFileSync(path)) };
}

/** SAG-anon's DICOM files in file-name order; `every` > 1 takes every n-th one, for speed. */
export function sagSources(every = 1): SourceFile[] {
  return readdirSync(SAG_DIR)
    .filter((f) => f.endsWith('.dcm'))
    .sort()
    .filter((_, i) => i % every === 0)
    .map((f) => source(join(SAG_DIR, f)));
}

export function parse(bytes: Uint8Array): dicomParser.DataSet {
  return dicomParser.parseDicom(bytes);
}

/** Every tag at every depth of a dataset, as dicom-parser names them ("x00100010"). */
export function allTags(ds: dicomParser.DataSet): string[] {
  const tags: string[] = [];
  for (const [tag, el] of Object.entries(ds.elements)) {
    tags.push(tag);
    for (const item of el.items ?? []) if (item.dataSet) tags.push(...allTags(item.dataSet));
  }
  return tags;
}

/** Every string value of a tag at every depth. */
export function valuesAnywhere(ds: dicomParser.DataSet, tag: string): string[] {
  const out: string[] = [];
  for (const [t, el] of Object.entries(ds.elements)) {
    if (t === tag) out.push(ds.string(t) ?? '');
    for (const item of el.items ?? []) if (item.dataSet) out.push(...valuesAnywhere(item.dataSet, tag));
  }
  return out;
}

export function containsText(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(text, 'latin1'));
}

/** The pixel data element's value bytes (native pixels). */
export function pixelBytes(bytes: Uint8Array): Uint8Array {
  const el = parse(bytes).elements.x7fe00010;
  if (!el) throw new Error('no pixel data');
  return bytes.subarray(el.dataOffset, el.dataOffset + el.length);
}

/** A copy of a real file changed with dcmjs: how the tests make synthetic inputs. */
export function modified(bytes: Uint8Array, change: (file: DicomFile) => void): Uint8Array {
  const file = readDicomFile(bytes);
  change(file);
  return writeDicomFile(file);
}
