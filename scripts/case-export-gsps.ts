/**
 * `npm run case:export-gsps -- cases/<id> --out <dir>`: the case's cues as DICOM presentation states (GSPS).
 * See docs/case-format.md, "Presentation states and the archive".
 */
import { runExportGsps } from './gsps/run-export';

process.exitCode = await runExportGsps(process.argv.slice(2), { log: console.log, error: console.error });
