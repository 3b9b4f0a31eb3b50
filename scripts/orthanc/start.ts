/**
 * `npx tsx scripts/orthanc/start.ts [file-or-folder ...]`: starts a throw-away Orthanc with DICOMweb on a free
 * loopback port, uploads the DICOM files given (default: the bundled case's), and prints where it is and how to
 * stop it. Then, e.g.: DICOMWEB_PROXY=http://127.0.0.1:<port> npm run dev
 */
import { join } from 'node:path';
import { dicomFilesIn, DICOMWEB_ROOT, startOrthanc } from './orthanc';

const DEFAULT_UPLOAD = join(import.meta.dirname, '..', '..', 'cases', 'epidural-aml', 'series');

const paths = process.argv.slice(2);
const files = dicomFilesIn(paths.length ? paths : [DEFAULT_UPLOAD]);
const orthanc = await startOrthanc(files);
console.log(`Orthanc answers at ${orthanc.url} (DICOMweb: ${orthanc.url}${DICOMWEB_ROOT}), pid ${orthanc.pid}`);
console.log(`started in ${orthanc.timings.startMs} ms; ${files.length} files uploaded in ${orthanc.timings.uploadMs} ms`);
console.log(`port=${orthanc.port}`);
console.log(`stop it with: npx tsx scripts/orthanc/stop.ts ${orthanc.dir}`);
