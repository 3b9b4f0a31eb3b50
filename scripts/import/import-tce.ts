/**
 * `npm run case:import -- --dicomweb <base-url> --list` and `… --manifest <KOS SOP Instance UID> --out cases/<id>`:
 * IHE TCE manifests from a DICOMweb archive (src/dicom/tce). The list prints no patient name or ID; the import
 * writes a case folder as the folder import does, and says what it could not find and what it replaced.
 */
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { listManifests, retrieveManifest, type ManifestSummary } from '../../src/dicom/tce/archive';
import { importTce } from '../../src/dicom/tce/import-tce';
import { readDicomFile, type Dataset } from '../../src/dicom/deid/dataset';
import { replacementLines } from '../../src/dicom/tce/free-text';
import { KEY_PATTERN } from '../../src/dicom/import/series-naming';
import { checkOutputFolder, writeCase } from './write-case';
import { summaryLines } from './summary';
import type { Output } from './run-import';

const PURPOSE_WORDS: Record<ManifestSummary['purpose'], string> = {
  teaching: 'teaching file',
  'clinical-trial': 'clinical trial: not for teaching',
  research: 'research: not for teaching',
  publication: 'publication: not for teaching',
  other: 'not for teaching',
};

const DELAY_WORDS: Record<string, string> = {
  TCE011: 'until the final report',
  TCE012: 'until clinical information',
  TCE013: 'until confirmation of diagnosis',
  TCE014: 'until histopathology',
  TCE015: 'until other laboratory results',
  TCE016: 'until the patient is discharged',
  TCE017: 'until the patient dies',
  TCE018: 'until expert review',
};

export function manifestLine(m: ManifestSummary): string {
  const delays = m.delays.map((d) => ` [delay ${DELAY_WORDS[d] ?? d}]`).join('');
  const images = `${m.keyImages.length} key image${m.keyImages.length === 1 ? '' : 's'}`;
  const description = m.description ? ` "${m.description.replace(/\s+/g, ' ')}"` : '';
  return `${m.sopInstanceUid}  ${m.date ?? 'no date'}  ${PURPOSE_WORDS[m.purpose]}  ${images}  ${m.modalities.join('/') || '?'}${m.hasAtfi ? '  +ATFI' : ''}${delays}${description}`;
}

export interface TceOptions {
  dicomweb: string;
  list: boolean;
  manifest?: string;
  out?: string;
  id?: string;
  salt?: string;
  force: boolean;
}

function parse(bytes: Uint8Array, what: string, io: Output): Dataset | undefined {
  try {
    return readDicomFile(bytes).dict;
  } catch (e) {
    io.error(`case:import: ${what} could not be read as DICOM (${(e as Error).message}): passed over`);
    return undefined;
  }
}

export async function runTceImport(o: TceOptions, io: Output): Promise<number> {
  try {
    if (o.list) {
      const listing = await listManifests(o.dicomweb);
      for (const p of listing.problems) io.error(`case:import: ${p}`);
      if (listing.manifests.length === 0) io.log(`case:import: no manifests (KO) at ${o.dicomweb}`);
      for (const m of listing.manifests) io.log(manifestLine(m));
      return 0;
    }
    if (!o.manifest || !o.out) {
      io.error('case:import: --dicomweb needs --list, or --manifest <KOS SOP Instance UID> with --out cases/<id>');
      return 2;
    }
    const caseId = o.id ?? basename(o.out);
    if (!KEY_PATTERN.test(caseId)) {
      io.error(`case:import: case id "${caseId}" must be lower-case letters, digits and dashes (use --id)`);
      return 2;
    }
    const busy = checkOutputFolder(o.out);
    if (busy) {
      io.error(`case:import: ${busy}`);
      return 1;
    }
    const got = await retrieveManifest(o.dicomweb, o.manifest);
    for (const n of got.notes) io.error(`case:import: ${n}`);
    const manifest = parse(got.manifest, 'the manifest', io);
    if (!manifest) return 1;
    const reports = got.reports.map((f) => parse(f.bytes, `report ${f.name}`, io)).filter((d): d is Dataset => !!d);
    const states = got.presentationStates.map((f) => parse(f.bytes, `presentation state ${f.name}`, io)).filter((d): d is Dataset => !!d);
    const result = importTce(
      { manifest, reports, presentationStates: states, images: got.images },
      { caseId, salt: o.salt ?? randomBytes(32).toString('hex'), force: o.force },
    );
    for (const n of result.skipped) io.error(`skipped: ${n.file}: ${n.reason}`);
    for (const n of result.quarantined) io.error(`quarantined: ${n.file}: ${n.reason} (not imported; --force imports it)`);
    for (const m of result.missing) io.error(`not found in the archive: key image ${m.keyImage} (SOP Instance UID ${m.sopInstanceUid})`);
    for (const n of result.notes) io.error(`note: ${n}`);
    if (result.series.length === 0 || result.caseFile.steps.length === 0 || result.missing.length === result.manifest.keyImages.length) {
      io.error('case:import: none of the manifest\'s key images could be imported; nothing was written');
      return 1;
    }
    writeCase(o.out, result);
    for (const line of summaryLines(o.out, result)) io.log(line);
    io.log(`manifest: ${result.caseFile.steps.length} of ${result.manifest.keyImages.length} key images became steps`);
    for (const line of replacementLines(result.replaced)) io.log(`free text de-identified: ${line}`);
    return 0;
  } catch (e) {
    io.error(`case:import: ${o.dicomweb}: ${(e as Error).message}`);
    return 1;
  }
}
