/**
 * `npm run case:pack -- cases/<id> [--out file.zip]`: writes a case folder as one case package (a zip with
 * case.json, the series and their manifests, narration, transcripts, a README with the credits), after checking
 * it as cases:check does. See docs/case-format.md, "Case packages".
 */
import { runPack } from './package/run-pack';

process.exitCode = await runPack(process.argv.slice(2), { log: console.log, error: console.error });
