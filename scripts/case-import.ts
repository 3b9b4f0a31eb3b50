/**
 * `npm run case:import -- <folder-or-zip> --out cases/<id>`: reads DICOM files, de-identifies them (PS3.15
 * Basic Profile with modified dates and clean descriptors) and writes a new case folder with a draft case.json.
 * See docs/case-import.md.
 */
import { runImport } from './import/run-import';

process.exitCode = await runImport(process.argv.slice(2), { log: console.log, error: console.error });
