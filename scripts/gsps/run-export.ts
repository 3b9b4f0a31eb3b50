/**
 * `npm run case:export-gsps -- cases/<id> --out <dir>`: one Grayscale Softcopy Presentation State per cue
 * viewport and image, named `<cue>-<viewport>-<series>-<image>.dcm`, for a PACS or for `dcmpschk`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { exportCaseGsps } from '../../src/dicom/gsps/write-export';
import { readCaseFolder } from './case-folder';

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

const USAGE = 'usage: npm run case:export-gsps -- cases/<id> --out <dir> [--config public/config.json]';
export const CREATOR = 'case-teaching-viewer';

export async function runExportGsps(argv: string[], io: Output): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, config: { type: 'string' } } });
  } catch (e) {
    io.error(`case:export-gsps: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const folder = parsed.positionals[0];
  const out = parsed.values.out;
  if (!folder || !out || parsed.positionals.length > 1) {
    io.error(USAGE);
    return 2;
  }
  try {
    const c = await readCaseFolder(folder, parsed.values.config);
    const written = await exportCaseGsps(c.lesson, c.headers, c.reader, c.seriesDefault, { creator: CREATOR });
    mkdirSync(out, { recursive: true });
    for (const w of written) {
      writeFileSync(join(out, w.target.name), w.bytes);
      const t = w.target;
      io.log(`${t.name}: step ${t.stepNumber}, ${t.viewport}, ${t.seriesKey} image ${t.imageIndex + 1}, ${t.view.arrows.length} arrow(s)`);
    }
    io.log(`case:export-gsps: wrote ${written.length} presentation states of case "${c.lesson.id}" to ${out}`);
    return 0;
  } catch (e) {
    io.error(`case:export-gsps: ${(e as Error).message}`);
    return 1;
  }
}
