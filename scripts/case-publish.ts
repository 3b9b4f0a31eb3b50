/**
 * `npm run case:publish -- cases/<id> --dicomweb <base-url>`: the case's images and presentation states to the
 * archive by STOW-RS, and a case.json whose series come from it. See docs/case-format.md.
 */
import { runPublish } from './gsps/run-publish';

process.exitCode = await runPublish(process.argv.slice(2), { log: console.log, error: console.error });
