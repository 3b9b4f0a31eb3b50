/**
 * `npm run cases:check [folder ...]`: validates every case under cases/ (or the folders given) against the
 * schema, the cross-checks and its DICOM headers. Exits 1 with one line per problem.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkCase } from '../src/dicom/check-case';
import { describeProblem } from '../src/case/errors';
import { folderReader } from './fs-case-reader';

const CASES_ROOT = join(import.meta.dirname, '..', 'cases');

function caseFolders(args: string[]): string[] {
  if (args.length) return args;
  return readdirSync(CASES_ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(CASES_ROOT, d.name, 'case.json')))
    .map((d) => join(CASES_ROOT, d.name));
}

async function main(): Promise<number> {
  const folders = caseFolders(process.argv.slice(2));
  if (folders.length === 0) {
    console.error('cases:check: no case folders found (each needs a case.json)');
    return 1;
  }
  let failed = 0;
  for (const folder of folders) {
    const file = relative(process.cwd(), join(folder, 'case.json'));
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8'));
    } catch (e) {
      console.error(`${file}: cannot read: ${(e as Error).message}`);
      failed++;
      continue;
    }
    const report = await checkCase(json, folderReader(folder));
    if (report.problems.length) {
      failed++;
      for (const p of report.problems) console.error(`${file}: ${describeProblem(p)}`);
    } else {
      const c = report.value;
      console.log(`${file}: ok (${c?.series.length} series, ${c?.steps.length} steps, ${c?.transcript.length} segments, ${c?.cues.length} cues)`);
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
