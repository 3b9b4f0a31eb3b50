/**
 * The files a case uses, relative to its folder: what a package of it must hold. A package is self-contained,
 * so a series on a DICOMweb server or narration on another host cannot go into one.
 */
import type { ParsedCase } from '../../case/schema';
import { listSeriesFiles, resolveInCase, type CaseFileReader } from '../case-files';
import { reasonOf } from '../errors';
import { CASE_FILE } from './package-format';
import type { PackageProblem } from './package-files';

export interface CasePaths {
  /** case.json, then each series' manifest and files, the narration, the WebVTT transcript; no duplicates. */
  paths: string[];
  /** The DICOM files among them (the files the series list). */
  dicom: string[];
  problems: PackageProblem[];
}

/** A path, or the problem with it, for a field of case.json that names a file of the case folder. */
function inCase(value: string, path: string, problems: PackageProblem[]): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    problems.push({ file: CASE_FILE, path, message: `"${value}" is an address on another host: a package holds its files (put the file in the case folder)` });
    return null;
  }
  try {
    return resolveInCase('', value);
  } catch (e) {
    problems.push({ file: CASE_FILE, path, message: reasonOf(e) });
    return null;
  }
}

/**
 * @param raw the case file as written (before expansion), for the WebVTT transcript's file name
 * @param lesson the same case, parsed
 */
export async function casePaths(raw: unknown, lesson: ParsedCase, reader: CaseFileReader): Promise<CasePaths> {
  const paths = new Set<string>([CASE_FILE]);
  const dicom = new Set<string>();
  const problems: PackageProblem[] = [];
  for (const [i, s] of lesson.series.entries()) {
    if ('source' in s) {
      problems.push({
        file: CASE_FILE,
        path: `series[${i}].source`,
        message: `series "${s.key}" is on DICOMweb server "${s.source.dicomweb.server}": a package holds its images, so import them into the case folder first`,
      });
      continue;
    }
    if ('manifest' in s) {
      const manifest = inCase(s.manifest, `series[${i}].manifest`, problems);
      if (manifest) paths.add(manifest);
    }
    try {
      for (const f of (await listSeriesFiles(s, i, reader)).files) {
        paths.add(f);
        dicom.add(f);
      }
    } catch (e) {
      problems.push({ file: CASE_FILE, message: reasonOf(e) });
    }
  }
  if (lesson.narration) {
    const narration = inCase(lesson.narration.src, 'narration.src', problems);
    if (narration) paths.add(narration);
  }
  const transcript = (raw as { transcript?: unknown } | null)?.transcript;
  if (transcript && typeof transcript === 'object' && 'webvtt' in transcript && typeof transcript.webvtt === 'string') {
    const vtt = inCase(transcript.webvtt, 'transcript.webvtt', problems);
    if (vtt) paths.add(vtt);
  }
  return { paths: [...paths], dicom: [...dicom], problems };
}
