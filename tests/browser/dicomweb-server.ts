/**
 * What the browser tests need for DICOMweb: a real Orthanc holding the bundled case's files, variants of that case
 * whose series come from it (written to a temp folder, never to cases/ or dist/), and a preview-server plugin that
 * serves those variants at /cases/<id>/ beside the built app's own cases.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import type { Plugin } from 'vite';
import { dicomFilesIn, orthancInstalled, startOrthanc, stopOrthanc, type RunningOrthanc } from '../../scripts/orthanc/orthanc';
import { dicomwebVariant } from '../fixtures/dicomweb-case';

const SEED_DIR = join(import.meta.dirname, '../../cases/epidural-aml');
/** The server id of public/config.json that points at /dicom-web on the app's origin. */
const SERVER_ID = 'local';

/** What the tests are told (it must survive vitest's provide/inject: plain JSON). */
export interface DicomWebFixture {
  /** The seed case with every series from Orthanc. */
  caseId: string;
  /** The same, but series `badSeries` names a study Orthanc does not have. */
  badCaseId: string;
  badSeries: string;
  orthancUrl: string;
  orthancStartMs: number;
  uploadMs: number;
  uploadedFiles: number;
  /** Where the variants are written and served from: a test may add a case (archive-publish.test.ts). */
  casesDir: string;
}

export interface DicomWebSetup {
  fixture: DicomWebFixture;
  orthanc: RunningOrthanc;
  casesDir: string;
}

/** Starts Orthanc and writes the variants; undefined (after saying why) when Orthanc is not installed. */
export async function setUpDicomWeb(): Promise<DicomWebSetup | undefined> {
  if (!orthancInstalled()) {
    console.warn('Orthanc with its DICOMweb plugin is not installed: the DICOMweb tests will be skipped (scripts/ensure-orthanc.sh installs it).');
    return undefined;
  }
  const files = dicomFilesIn([join(SEED_DIR, 'series')]);
  const orthanc = await startOrthanc(files);
  console.log(`Orthanc answered in ${orthanc.timings.startMs} ms and took ${files.length} files in ${orthanc.timings.uploadMs} ms`);
  const casesDir = mkdtempSync(join(tmpdir(), 'dicomweb-cases-'));
  const fixture: DicomWebFixture = {
    caseId: 'epidural-aml-dicomweb',
    badCaseId: 'epidural-aml-dicomweb-bad-study',
    badSeries: 't1-post',
    orthancUrl: orthanc.url,
    orthancStartMs: orthanc.timings.startMs,
    uploadMs: orthanc.timings.uploadMs,
    uploadedFiles: files.length,
    casesDir,
  };
  const write = (id: string, unknownStudyFor?: string): void => {
    mkdirSync(join(casesDir, id));
    const json = dicomwebVariant(SEED_DIR, { id, server: SERVER_ID, unknownStudyFor });
    writeFileSync(join(casesDir, id, 'case.json'), JSON.stringify(json, null, 2));
  };
  write(fixture.caseId);
  write(fixture.badCaseId, fixture.badSeries);
  return { fixture, orthanc, casesDir };
}

export async function tearDownDicomWeb(setup: DicomWebSetup): Promise<void> {
  rmSync(setup.casesDir, { recursive: true, force: true });
  await stopOrthanc(setup.orthanc.dir);
}

/** Serves the variants' files under /cases/ in `vite preview`; any other path goes on to the built app. */
export function extraCasesPlugin(casesDir: string): Plugin {
  return {
    name: 'test-dicomweb-cases',
    configurePreviewServer(server) {
      server.middlewares.use('/cases/', (req, res, next) => {
        const file = normalize(join(casesDir, decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')));
        if (!file.startsWith(casesDir + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(readFileSync(file));
      });
    },
  };
}
