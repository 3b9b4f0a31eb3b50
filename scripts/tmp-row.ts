import { readFileSync } from 'node:fs';
import { decodeLabels } from '/work/main/scripts/phantom/truth';
const truth = JSON.parse(readFileSync('/work/main/cases/epidural-aml/phantom-truth.json', 'utf8'));
const s = truth.series['t1-pre'];
const L = decodeLabels(truth.labelMaps[s.labelMap])[7]!;
const names = truth.labelTable;
const [r, c0, c1] = process.argv.slice(2).map(Number);
const out: string[] = [];
for (let c = c0!; c <= c1!; c++) { const l = L[r! * 320 + c]!; out.push(`${c}:${names[l & 127]}${l & 128 ? '*' : ''}`); }
console.log(out.join(' '));
