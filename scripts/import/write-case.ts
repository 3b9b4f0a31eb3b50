/**
 * Writes an import's result: series/<key>/0001.dcm … with a manifest.json each, case.json and deid-report.json.
 * Every path is built from validated keys under the output folder, and checked to stay inside it.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { ImportResult } from '../../src/dicom/import/import-case';
import { KEY_PATTERN } from '../../src/dicom/import/series-naming';

export function fileName(index: number): string {
  return `${String(index + 1).padStart(4, '0')}.dcm`;
}

/** Refuses to mix an import into a folder that already holds something. */
export function checkOutputFolder(out: string): string | null {
  if (existsSync(out) && readdirSync(out).length > 0) return `${out} already exists and is not empty: choose a new folder`;
  return null;
}

export function writeCase(out: string, result: ImportResult): void {
  const root = resolve(out);
  const inside = (...parts: string[]): string => {
    const path = resolve(root, ...parts);
    if (!path.startsWith(root + sep)) throw new Error(`refusing to write outside ${out}: ${path}`);
    return path;
  };
  mkdirSync(root, { recursive: true });
  for (const s of result.series) {
    if (!KEY_PATTERN.test(s.key)) throw new Error(`bad series key "${s.key}"`);
    const folder = inside('series', s.key);
    mkdirSync(folder, { recursive: true });
    const names = s.files.map((bytes, i) => {
      writeFileSync(inside('series', s.key, fileName(i)), bytes);
      return fileName(i);
    });
    // In position order (the importer sorted them): the viewer may show the cue's file first.
    writeFileSync(inside('series', s.key, 'manifest.json'), `${JSON.stringify({ sorted: true, files: names }, null, 2)}\n`);
  }
  writeFileSync(inside('case.json'), `${JSON.stringify(result.caseFile, null, 2)}\n`);
  writeFileSync(inside('deid-report.json'), `${JSON.stringify(result.report, null, 2)}\n`);
}
