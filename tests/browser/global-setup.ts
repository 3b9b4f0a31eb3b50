/**
 * Builds the app as it ships and serves dist/ statically, so browser tests check what users get. When Orthanc is
 * installed, it also starts one with the bundled case's files and proxies /dicom-web to it from the same origin
 * (the "local" DICOMweb server of config.json), for the DICOMweb tests. Cases made at test time for the robustness
 * tests (a broken case, an XSS case: test-cases.ts) are served beside the built ones. The preview server sends the
 * app's Content-Security-Policy (vite.config.ts), so every browser test runs under it.
 * Set REUSE_BUILD=1 to skip the build while iterating on tests (dist/ must exist).
 */
import { existsSync } from 'node:fs';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { killOrthancNow } from '../../scripts/orthanc/orthanc';
import { extraCasesPlugin, setUpDicomWeb, tearDownDicomWeb, type DicomWebFixture, type DicomWebSetup } from './dicomweb-server';
import { removeTestCases, testCasesPlugin, writeTestCases, type TestCases, type TestCasesSetup } from './test-cases';

let server: PreviewServer | undefined;
let dicomweb: DicomWebSetup | undefined;
let testCases: TestCasesSetup | undefined;

/** If the test process dies without a teardown, Orthanc must not outlive it. */
const killOnExit = (): void => {
  if (dicomweb) killOrthancNow(dicomweb.orthanc);
};

export async function setup(project: TestProject): Promise<void> {
  try {
    if (!(process.env.REUSE_BUILD === '1' && existsSync('dist/index.html'))) {
      await build({ logLevel: 'warn', configLoader: 'runner' });
    }
    testCases = writeTestCases();
    dicomweb = await setUpDicomWeb();
    if (dicomweb) process.once('exit', killOnExit);
    server = await preview({
      configLoader: 'runner',
      preview: {
        port: 4173,
        strictPort: false,
        host: '127.0.0.1',
        proxy: dicomweb ? { '/dicom-web': { target: dicomweb.orthanc.url } } : undefined,
      },
      plugins: [testCasesPlugin(testCases.dir), ...(dicomweb ? [extraCasesPlugin(dicomweb.casesDir)] : [])],
      logLevel: 'warn',
    });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('the preview server did not report its address');
    project.provide('baseUrl', url);
    project.provide('dicomweb', dicomweb?.fixture ?? null);
    project.provide('testCases', testCases.cases);
  } catch (e) {
    await teardown();
    throw e;
  }
}

export async function teardown(): Promise<void> {
  await server?.close();
  server = undefined;
  if (testCases) removeTestCases(testCases);
  testCases = undefined;
  if (dicomweb) {
    process.off('exit', killOnExit);
    await tearDownDicomWeb(dicomweb);
    dicomweb = undefined;
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Null when Orthanc is not installed (the DICOMweb tests are skipped then). */
    dicomweb: DicomWebFixture | null;
    /** Cases written at test time for the robustness tests (test-cases.ts). */
    testCases: TestCases;
  }
}
