/** `npx tsx scripts/orthanc/stop.ts <folder>`: stops the Orthanc that start.ts started there, and removes its files. */
import { existsSync } from 'node:fs';
import { stopOrthanc } from './orthanc';

const dir = process.argv[2];
if (!dir || !existsSync(dir)) {
  console.error('usage: npx tsx scripts/orthanc/stop.ts <folder printed by start.ts>');
  process.exitCode = 1;
} else {
  await stopOrthanc(dir);
  console.log(`stopped the Orthanc of ${dir}`);
}
