// temporary: crops of the seed phantom with label outlines (not committed)
import dicomParser from 'dicom-parser';
import { readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { decodeLabels } from './phantom/truth';
const [series, idx, x0s, y0s, ws, hs, scales, wcs, wws, out] = process.argv.slice(2);
const truth = JSON.parse(readFileSync('cases/epidural-aml/phantom-truth.json', 'utf8'));
const s = truth.series[series!];
const file = `cases/epidural-aml/series/${series}/${String(Number(idx) + 1).padStart(4, '0')}.dcm`;
const buf = readFileSync(file);
const ds = dicomParser.parseDicom(new Uint8Array(buf));
const rows = ds.uint16('x00280010')!, cols = ds.uint16('x00280011')!;
const el = ds.elements.x7fe00010!;
const signed = ds.uint16('x00280103') === 1;
const px = signed ? new Int16Array(buf.buffer, buf.byteOffset + el.dataOffset, rows * cols) : new Uint16Array(buf.buffer, buf.byteOffset + el.dataOffset, rows * cols);
const slope = Number(ds.string('x00281053') ?? 1), icpt = Number(ds.string('x00281052') ?? 0);
const labels = decodeLabels(truth.labelMaps[s.labelMap])[Number(idx)]!;
const [x0, y0, w, h, sc, wc, ww] = [x0s, y0s, ws, hs, scales, wcs, wws].map(Number) as number[];
const png = new PNG({ width: w! * sc! * 2 + 4, height: h! * sc! });
const lesionSet = new Set([22, 23, 24]);
const colors: Record<number, [number, number, number]> = { 22: [255, 0, 0], 23: [255, 0, 0], 24: [255, 0, 0], 3: [255, 255, 0], 2: [200, 200, 0], 10: [0, 128, 255], 7: [255, 255, 255], 5: [0, 255, 0], 12: [255, 0, 255], 4: [160, 80, 0], 8: [120, 120, 120], 25: [90, 90, 90], 14: [0, 255, 255] };
for (let r = 0; r < h! * sc!; r++) for (let c = 0; c < w! * sc!; c++) {
  const ir = y0! + Math.floor(r / sc!), ic = x0! + Math.floor(c / sc!);
  const v = px[ir * cols + ic]! * slope + icpt;
  const g = Math.max(0, Math.min(255, Math.round(((v - (wc! - ww! / 2)) / ww!) * 255)));
  let o = (r * png.width + c) * 4;
  png.data[o] = png.data[o + 1] = png.data[o + 2] = g; png.data[o + 3] = 255;
  const l = labels[ir * cols + ic]! & 127;
  const col = colors[l] ?? [40, 40, 40];
  o = (r * png.width + c + w! * sc! + 4) * 4;
  png.data[o] = col[0]; png.data[o + 1] = col[1]; png.data[o + 2] = col[2]; png.data[o + 3] = 255;
  void lesionSet;
}
writeFileSync(out!, PNG.sync.write(png));
