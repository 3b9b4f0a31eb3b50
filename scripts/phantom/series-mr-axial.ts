/**
 * Axial T1 spin echo through L2 and through L5-S1, from the same anatomy and the same MR physics as
 * the sagittal T1 before contrast, so a learner can confirm on a transverse slice what the sagittal
 * images showed. True axial slices (not angled to the discs), 4 mm thick every 4.4 mm, a 220 mm
 * field of view at 256 x 256. Phase encoding runs anterior-posterior (the image columns), frequency
 * left-right: chemical shift moves fat one pixel along the rows, Gibbs ringing and breathing ghosts
 * run up and down the image. The sagittal's anterior saturation band is kept (a coronal slab on
 * these slices), so the breathing abdomen is dark and its ghosts faint, as on the sagittal images.
 */
import { finishMr, T1_SE } from './mr-t1';
import { mrTables } from './mr-physics';
import { SAT_BAND } from './mr-acquisition';
import { satBand } from './series-mr';
import type { LumbosacralPhantom } from './mr-body';
import { blur3, blurWhere, type RenderedSlice, type SliceGrid } from './render';
import { axialLine, renderAxialSlice, transpose, transposedGrid, type AxialGrid } from './render-axial';
import { Rng } from './rng';
import { smoothstep } from './sdf';
import { Tissue } from './tissues';
import { lesionExtent, lesionTruth, tissueSamples, type LesionTruth, type Px } from './truth';
import type { PlanePoint } from './canal';

export const AX_SIZE = 256;
export const AX_PIXEL = 0.859375; // 220 mm / 256
export const AX_SPACING = 4.4;
export const AX_THICKNESS = 4;

export interface AxialStackSpec {
  key: string;
  /** z of the first (most cranial) slice centre, and how many slices */
  zTop: number;
  count: number;
}

export interface AxialResult {
  key: string;
  grid: AxialGrid;
  images: Uint16Array[];
  labels: Uint8Array[]; // stored layout (rows along y), dominant tissue | MIXED
  lesions: LesionTruth[];
  levels: Record<string, { imageIndex: number; bodyCentre: Px }>;
  samples: Record<string, [number, number, number][]>;
}

/** Where the two stacks go: L2 centred on the anterior lesion, L5-S1 from above the disc down the sacral canal. */
export function axialStacks(model: LumbosacralPhantom): AxialStackSpec[] {
  const V = (n: string): { y: number; z: number } => {
    const v = model.ls.byName.get(n)!;
    return v.toPatient(0, -v.spec.depth / 2);
  };
  const l2 = model.spine.lesions.find((l) => l.id === 'l2-anterior')!;
  const b = l2.bounds();
  const zL2 = model.spine.curve.at((b.sMin + b.sMax) / 2).z;
  const disc = (V('L5').z + V('S1').z) / 2;
  const round = (v: number): number => Math.round(v * 10) / 10;
  return [
    { key: 't1-ax-l2', zTop: round(zL2 + 3 * AX_SPACING), count: 7 },
    { key: 't1-ax-l5s1', zTop: round(disc + 2 * AX_SPACING), count: 8 },
  ];
}

/** Patient y of the back skin in the midline at height z (the field's posterior edge sits just behind it). */
function backSkinY(model: LumbosacralPhantom, z: number): number {
  for (let y = 260; y > -100; y -= 0.5) {
    if (model.classify(0, model.plane(y, z)) !== Tissue.AIR) return y;
  }
  throw new Error(`no back skin at z ${z}`);
}

export function buildMrAxial(seed: number, model: LumbosacralPhantom, spec: AxialStackSpec, coilZ: number): AxialResult {
  const zs = Array.from({ length: spec.count }, (_, i) => Math.round((spec.zTop - i * AX_SPACING) * 1000) / 1000);
  const zMid = (zs[0]! + zs[zs.length - 1]!) / 2;
  const fov = AX_SIZE * AX_PIXEL;
  const grid: AxialGrid = {
    size: AX_SIZE,
    spacing: AX_PIXEL,
    x0: -fov / 2 + AX_PIXEL / 2,
    y0: Math.round((backSkinY(model, zMid) + 14 - fov) * 10) / 10,
    zs,
    slab: [-4 / 3, 0, 4 / 3],
    sub: 2,
  };
  const tg = transposedGrid(grid);
  const table = mrTables(T1_SE, false);
  const satTable = mrTables(T1_SE, false, SAT_BAND);
  const band = satBand(model);
  const sS1 = model.ls.byName.get('S1')!.sTop;
  const rng = new Rng(seed, `${spec.key}/noise`);
  const images: Uint16Array[] = [];
  const stored: RenderedSlice[] = [];
  const n = AX_SIZE * AX_SIZE;
  for (let i = 0; i < zs.length; i++) {
    const line = axialLine(model, grid, zs[i]!, 1);
    // Per pixel of the transposed layout (row = x, column = y): the plane facts of its y.
    const plane: PlanePoint[] = new Array(n);
    const motion = new Float32Array(n);
    const disp = new Float32Array(n);
    const sat = new Float32Array(n);
    for (let k = 0; k < n; k++) {
      const p = line[k % AX_SIZE]!;
      plane[k] = p;
      motion[k] = 0.85 * smoothstep(-60, -110, p.d); // peristalsis blurs the bowel
      disp[k] = smoothstep(-30, -120, p.d) * (1 - 0.7 * smoothstep(sS1 - 20, sS1 + 40, p.s));
      sat[k] = band.weight(p.y, p.z);
    }
    const r = renderAxialSlice(model, grid, i, [table.water, table.fat, satTable.water, satTable.fat], seed);
    for (let c = 0; c < 2; c++) {
      const a = r.channels[c]!;
      const b = r.channels[c + 2]!;
      for (let k = 0; k < n; k++) a[k] = a[k]! + sat[k]! * (b[k]! - a[k]!);
    }
    r.channels.length = 2;
    for (const ch of r.channels) {
      blur3(ch, AX_SIZE, AX_SIZE, 0.1);
      blurWhere(ch, AX_SIZE, AX_SIZE, motion);
    }
    const img = finishMr(r.channels[0]!, r.channels[1]!, plane, tg, rng, disp, coilZ);
    images.push(transpose(img, AX_SIZE));
    stored.push({ channels: [], label: transpose(r.label, AX_SIZE), lesion: r.lesion.map((l) => transpose(l, AX_SIZE)) });
  }
  const sg: SliceGrid = { ...tg, y0: grid.y0 };
  const spine = model.spine;
  const lesions: LesionTruth[] = [];
  spine.lesions.forEach((l, index) => {
    if (!stored.some((s) => s.lesion[index]!.some((f) => f >= 0.5))) return;
    // Arrows come from behind (the image's lower edge), across the canal.
    lesions.push(lesionTruth({ id: l.id, site: l.site, index, tissue: l.tissue, arrowFrom: [0.5, 1] }, stored, sg, lesionExtent(spine, index, l.tissue)));
  });
  const levels: Record<string, { imageIndex: number; bodyCentre: Px }> = {};
  for (const v of spine.vertebrae) {
    const c = v.toPatient(0, -v.spec.depth / 2);
    const idx = Math.round((zs[0]! - c.z) / AX_SPACING);
    if (idx < 0 || idx >= zs.length || Math.abs(zs[idx]! - c.z) > AX_SPACING / 2) continue;
    levels[v.spec.name] = { imageIndex: idx, bodyCentre: [Math.round((0 - grid.x0) / AX_PIXEL), Math.round((c.y - grid.y0) / AX_PIXEL)] };
  }
  const samples: Record<string, [number, number, number][]> = {};
  const want: [string, number][] = [
    ['fat', Tissue.FAT],
    ['epiduralFat', Tissue.EPIDURAL_FAT],
    ['marrow', Tissue.MARROW],
    ['muscle', Tissue.MUSCLE],
    ['csf', Tissue.CSF],
  ];
  for (const [name, t] of want) {
    try {
      samples[name] = tissueSamples(stored, sg, t, () => true, 4);
    } catch {
      // a tissue this stack does not show purely anywhere: no samples
    }
  }
  return { key: spec.key, grid, images, labels: stored.map((s) => s.label), lesions, levels, samples };
}
