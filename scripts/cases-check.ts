/**
 * `npm run cases:check [--config file] [folder ...]`: validates every case under cases/ (or the folders given)
 * against the schema, the cross-checks and its DICOM headers, and its DICOMweb server ids against the app's
 * config (public/config.json unless --config names a deployment's own). Exits 1 with one line per problem.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkCase } from '../src/dicom/check-case';
import { describeProblem } from '../src/case/errors';
import { dicomwebServerIds, parseAppConfigText, type AppConfig } from '../src/dicom/app-config';
import { folderReader } from './fs-case-reader';

const ROOT = join(import.meta.dirname, '..');
const CASES_ROOT = join(ROOT, 'cases');
const DEFAULT_CONFIG = join(ROOT, 'public', 'config.json');

function caseFolders(args: string[]): string[] {
  if (args.length) return args;
  return readdirSync(CASES_ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(CASES_ROOT, d.name, 'case.json')))
    .map((d) => join(CASES_ROOT, d.name));
}

/** The app config the cases are checked against; null (after saying why) when it cannot be used. */
function readConfig(file: string): AppConfig | null {
  const name = relative(process.cwd(), file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`${name}: cannot read: ${(e as Error).message}`);
    return null;
  }
  const parsed = parseAppConfigText(text);
  if (parsed.ok) return parsed.value;
  for (const p of parsed.problems) console.error(`${name}: ${describeProblem(p)}`);
  return null;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--config');
  const configFile = at >= 0 ? args[at + 1] : DEFAULT_CONFIG;
  if (at >= 0) args.splice(at, 2);
  if (!configFile) {
    console.error('cases:check: --config needs a file');
    return 1;
  }
  const config = readConfig(configFile);
  if (!config) return 1;
  const context = { dicomwebServers: dicomwebServerIds(config) };
  const folders = caseFolders(args);
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
    const report = await checkCase(json, folderReader(folder), context);
    if (report.problems.length) {
      failed++;
      for (const p of report.problems) console.error(`${file}: ${describeProblem(p)}`);
    } else {
      const c = report.value;
      console.log(`${file}: ok (${c?.series.length} series, ${c?.steps.length} steps, ${c?.transcript.length} segments, ${c?.cues.length} cues)`);
    }
    for (const note of report.notes) console.log(`${file}: note: ${describeProblem(note)}`);
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
