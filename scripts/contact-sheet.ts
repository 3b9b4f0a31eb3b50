/**
 * Contact sheets of the generated phantom, read back from the DICOM files on disk with dicom-parser
 * (not from the generator's memory), each image windowed with its own header window:
 *   docs/contact-sheet.png          one row per series (the axial stacks too), the three images around the middle
 *   docs/contact-sheet-lesions.png  each lesion's arrow image with a marker at the truth tip, plus zooms
 *
 *   npx tsx scripts/contact-sheet.ts [--case DIR] [--out DIR]
 */
import dicomParser from 'dicom-parser';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { glyph, GLYPH_H, GLYPH_W } from './phantom/font5x7';

interface Slice {
  rows: number;
  columns: number;
  values: Float32Array; // modality values (HU on CT)
  centre: number;
  width: number;
  x: number; // ImagePositionPatient x
  z: number; // ImagePositionPatient z (the axial stacks' position)
}

interface TruthLesion {
  id: string;
  arrow: { imageIndex: number; tip: [number, number]; tail: [number, number] };
}
interface TruthSeries {
  seriesDescription: string;
  lesions: TruthLesion[];
}
interface Truth {
  seed: number;
  series: Record<string, TruthSeries>;
}

type Rgb = [number, number, number];

function readSlice(path: string): Slice {
  const bytes = new Uint8Array(readFileSync(path));
  const ds = dicomParser.parseDicom(bytes);
  const rows = ds.uint16('x00280010') ?? 0;
  const columns = ds.uint16('x00280011') ?? 0;
  const px = ds.elements['x7fe00010'];
  if (!px || rows * columns * 2 > px.length) throw new Error(`${path}: no 16-bit pixel data`);
  const slope = ds.floatString('x00281053') ?? 1;
  const intercept = ds.floatString('x00281052') ?? 0;
  const raw = new Uint16Array(bytes.buffer.slice(bytes.byteOffset + px.dataOffset, bytes.byteOffset + px.dataOffset + rows * columns * 2));
  const values = new Float32Array(raw.length);
  for (let i = 0; i < raw.length; i++) values[i] = raw[i]! * slope + intercept;
  return { rows, columns, values, centre: ds.floatString('x00281050') ?? 0, width: ds.floatString('x00281051') ?? 1, x: ds.floatString('x00200032', 0) ?? 0, z: ds.floatString('x00200032', 2) ?? 0 };
}

function readSeries(caseDir: string, key: string): Slice[] {
  const dir = join(caseDir, 'series', key);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: string[] };
  return manifest.files.map((f) => readSlice(join(dir, f)));
}

/** DICOM linear VOI window to 0..255. */
function windowed(v: number, c: number, w: number): number {
  const t = (v - (c - 0.5)) / Math.max(1, w - 1) + 0.5;
  return t <= 0 ? 0 : t >= 1 ? 255 : Math.round(t * 255);
}

class Canvas {
  readonly png: PNG;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.png = new PNG({ width, height });
    this.fill(0, 0, width, height, [24, 24, 28]);
  }
  set(x: number, y: number, c: Rgb): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const o = (Math.floor(y) * this.width + Math.floor(x)) * 4;
    this.png.data[o] = c[0];
    this.png.data[o + 1] = c[1];
    this.png.data[o + 2] = c[2];
    this.png.data[o + 3] = 255;
  }
  fill(x0: number, y0: number, w: number, h: number, c: Rgb): void {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) this.set(x, y, c);
  }
  /** Draws a windowed crop of a slice scaled to w x h (bilinear), at (dx, dy). */
  image(s: Slice, crop: [number, number, number, number], dx: number, dy: number, w: number, h: number, win?: [number, number]): void {
    const [c0, r0, cw, rh] = crop;
    const [wc, ww] = win ?? [s.centre, s.width];
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const fc = c0 + ((x + 0.5) * cw) / w - 0.5;
        const fr = r0 + ((y + 0.5) * rh) / h - 0.5;
        const ic = Math.max(0, Math.min(s.columns - 2, Math.floor(fc)));
        const ir = Math.max(0, Math.min(s.rows - 2, Math.floor(fr)));
        const tx = Math.max(0, Math.min(1, fc - ic));
        const ty = Math.max(0, Math.min(1, fr - ir));
        const v = s.values;
        const a = v[ir * s.columns + ic]! * (1 - tx) + v[ir * s.columns + ic + 1]! * tx;
        const b = v[(ir + 1) * s.columns + ic]! * (1 - tx) + v[(ir + 1) * s.columns + ic + 1]! * tx;
        const g = windowed(a * (1 - ty) + b * ty, wc, ww);
        this.set(dx + x, dy + y, [g, g, g]);
      }
    }
  }
  text(str: string, x: number, y: number, scale: number, c: Rgb): void {
    let cx = x;
    for (const ch of str) {
      const rows = glyph(ch);
      for (let r = 0; r < GLYPH_H; r++)
        for (let b = 0; b < GLYPH_W; b++) if ((rows[r]! >> (GLYPH_W - 1 - b)) & 1) this.fill(cx + b * scale, y + r * scale, scale, scale, c);
      cx += (GLYPH_W + 1) * scale;
    }
  }
  line(x0: number, y0: number, x1: number, y1: number, c: Rgb, thick = 1): void {
    const n = Math.ceil(Math.hypot(x1 - x0, y1 - y0)) * 2 + 1;
    for (let i = 0; i <= n; i++) {
      const x = x0 + ((x1 - x0) * i) / n;
      const y = y0 + ((y1 - y0) * i) / n;
      this.fill(Math.round(x - thick / 2), Math.round(y - thick / 2), thick, thick, c);
    }
  }
  ring(cx: number, cy: number, r: number, c: Rgb): void {
    for (let a = 0; a < 360; a += 2) {
      const t = (a * Math.PI) / 180;
      this.set(cx + r * Math.cos(t), cy + r * Math.sin(t), c);
    }
  }
  save(path: string): void {
    mkdirSync(dirname(path), { recursive: true });
    // RGB without alpha and maximum deflate: the noisy images compress poorly, keep the files small.
    writeFileSync(path, PNG.sync.write(this.png, { colorType: 2, inputHasAlpha: true, deflateLevel: 9 }));
  }
}

const TILE = 320;
const PAD = 12;
const LABEL = 22;
const WHITE: Rgb = [235, 235, 235];
const YELLOW: Rgb = [255, 220, 0];
const GREY: Rgb = [150, 150, 160];

function overview(caseDir: string, truth: Truth, keys: readonly string[], out: string): void {
  const ROW = LABEL + 18 + TILE + PAD;
  const canvas = new Canvas(PAD + 3 * (TILE + PAD), 36 + keys.length * ROW + 16);
  canvas.text(`SYNTHETIC PHANTOM EPIDURAL-AML, SEED ${truth.seed}: THE MIDDLE THREE IMAGES OF EACH SERIES`, PAD, 12, 2, WHITE);
  keys.forEach((key, k) => {
    const slices = readSeries(caseDir, key);
    const mid = Math.floor(slices.length / 2);
    const y0 = 36 + k * ROW;
    const first = slices[mid]!;
    canvas.text(`${key}: ${truth.series[key]?.seriesDescription ?? ''}, HEADER WINDOW ${Math.round(first.centre)}/${Math.round(first.width)}`, PAD, y0, 2, WHITE);
    [mid - 1, mid, mid + 1].forEach((i, j) => {
      const s = slices[i]!;
      const x0 = PAD + j * (TILE + PAD);
      const pos = key.startsWith('t1-ax') ? `Z ${s.z.toFixed(1)}` : `X ${s.x.toFixed(1)}`;
      canvas.text(`IMAGE ${i}  ${pos} MM`, x0, y0 + LABEL, 2, j === 1 ? YELLOW : GREY);
      canvas.image(s, [0, 0, s.columns, s.rows], x0, y0 + LABEL + 18, TILE, TILE);
    });
  });
  canvas.text('SAGITTAL: LEFT = ANTERIOR, TOP = SUPERIOR, X = PATIENT LEFT-RIGHT POSITION (+ = LEFT); AXIAL: LEFT = PATIENT RIGHT, TOP = ANTERIOR, Z = HEIGHT; IMAGE INDEX 0-BASED', PAD, canvas.height - 14, 1, GREY);
  canvas.save(out);
}

function lesions(caseDir: string, truth: Truth, out: string): void {
  const rows: { key: string; lesion: TruthLesion }[] = [];
  for (const key of ['t1-pre', 'ct-thoracic']) for (const l of truth.series[key]?.lesions ?? []) rows.push({ key, lesion: l });
  const ROW = LABEL + 18 + TILE + PAD;
  const canvas = new Canvas(PAD + 3 * (TILE + PAD), 36 + rows.length * ROW);
  canvas.text('LESIONS: TRUTH ARROW ON ITS IMAGE (RING = TIP), THEN 3X ZOOMS', PAD, 12, 2, WHITE);
  const cache = new Map<string, Slice[]>();
  const series = (k: string): Slice[] => {
    if (!cache.has(k)) cache.set(k, readSeries(caseDir, k));
    return cache.get(k)!;
  };
  rows.forEach(({ key, lesion }, k) => {
    const a = lesion.arrow;
    const s = series(key)[a.imageIndex]!;
    const y0 = 36 + k * ROW;
    const yi = y0 + LABEL + 18;
    const sc = TILE / s.columns;
    canvas.text(`${lesion.id}: ${key} image ${a.imageIndex}, tip ${a.tip[0]},${a.tip[1]}`, PAD, y0, 2, YELLOW);
    canvas.text('WHOLE IMAGE + ARROW', PAD, y0 + LABEL, 2, GREY);
    canvas.image(s, [0, 0, s.columns, s.rows], PAD, yi, TILE, TILE);
    canvas.line(PAD + (a.tail[0] + 0.5) * sc, yi + (a.tail[1] + 0.5) * sc, PAD + (a.tip[0] + 0.5) * sc, yi + (a.tip[1] + 0.5) * sc, YELLOW, 1);
    canvas.ring(PAD + (a.tip[0] + 0.5) * sc, yi + (a.tip[1] + 0.5) * sc, 5, YELLOW);
    // Zooms: crops a third of the image wide, centred on the tip and unmarked, so the lesion itself can be judged.
    const half = Math.round(s.columns / 6);
    const c0 = Math.max(0, Math.min(s.columns - 2 * half, a.tip[0] - half));
    const r0 = Math.max(0, Math.min(s.rows - 2 * half, a.tip[1] - half));
    const crop: [number, number, number, number] = [c0, r0, 2 * half, 2 * half];
    const x1 = PAD + TILE + PAD;
    const x2 = x1 + TILE + PAD;
    canvas.text('3X', x1, y0 + LABEL, 2, GREY);
    canvas.image(s, crop, x1, yi, TILE, TILE);
    if (key === 't1-pre') {
      const post = series('t1-post')[a.imageIndex]!;
      canvas.text('3X POST-GADOLINIUM', x2, y0 + LABEL, 2, GREY);
      canvas.image(post, crop, x2, yi, TILE, TILE);
    } else {
      canvas.text('3X BONE WINDOW 400/1800', x2, y0 + LABEL, 2, GREY);
      canvas.image(s, crop, x2, yi, TILE, TILE, [400, 1800]);
    }
  });
  canvas.save(out);
}

function main(argv: readonly string[]): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  let caseDir = join(root, 'cases/epidural-aml');
  let outDir = join(root, 'docs');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--case') caseDir = resolve(argv[++i] ?? caseDir);
    else if (argv[i] === '--out') outDir = resolve(argv[++i] ?? outDir);
    else throw new Error(`unknown argument ${argv[i]} (usage: contact-sheet.ts [--case DIR] [--out DIR])`);
  }
  const truth = JSON.parse(readFileSync(join(caseDir, 'phantom-truth.json'), 'utf8')) as Truth;
  const axial = ['t1-ax-l2', 't1-ax-l5s1'].filter((k) => k in truth.series);
  overview(caseDir, truth, ['t1-pre', 't1-post', 'ct-thoracic', ...axial], join(outDir, 'contact-sheet.png'));
  lesions(caseDir, truth, join(outDir, 'contact-sheet-lesions.png'));
  console.log(`wrote ${join(outDir, 'contact-sheet.png')} and ${join(outDir, 'contact-sheet-lesions.png')}`);
}

main(process.argv.slice(2));
