/**
 * The two MR series: sagittal T1 of the lumbosacral spine before and after gadolinium. Both come
 * from one rendering of the anatomy (so they match voxel for voxel, as a registered pair would) and
 * differ only in the signal table and the noise seed.
 */
import { finishMr, T1_SE } from './mr-t1';
import { mrTables } from './mr-physics';
import { SAT_BAND, SatSlab } from './mr-acquisition';
import type { Vertebra } from './vertebra';
import { LumbosacralPhantom } from './mr-body';
import { blur3, blurWhere, buildPlane, renderSlice, type RenderedSlice, type SliceGrid } from './render';
import { smoothstep } from './sdf';
import { Rng } from './rng';
import { Tissue } from './tissues';
import { lesionExtent, lesionTruth, levelTruth, tissueSamples, type LesionTruth, type Px, type SaturationBandTruth } from './truth';

export const MR_SLICES = 15;
export const MR_SPACING = 4.4;
export const MR_THICKNESS = 4;
export const MR_SIZE = 320;
export const MR_PIXEL = 0.9375;
/** Where the lumbosacral model is anchored in patient space (the axial stacks build theirs the same way). */
export const MR_ANCHOR = { y: 20, z: 0 } as const;

export interface MrResult {
  grid: SliceGrid;
  pre: Uint16Array[];
  post: Uint16Array[];
  window: { centre: number; width: number };
  levels: Record<string, { imageIndex: number; bodyCentre: Px }>;
  lesions: LesionTruth[];
  samples: Record<string, [number, number, number][]>;
  labels: Uint8Array[]; // per image: dominant tissue per pixel (| MIXED)
  saturationBand: SaturationBandTruth;
}

const ARROWS: Readonly<Record<string, Px>> = {
  'l2-anterior': [0.8, 0.6], // from behind and below, across the sac
  'l5s1-posterior': [1, -0.25], // from the back
  's3-posterior': [0.9, 0.45], // from behind and below
};

export function buildMr(seed: number): MrResult {
  const model = new LumbosacralPhantom(seed, MR_ANCHOR);
  const spine = model.spine;
  const t12 = model.ls.byName.get('T12')!;
  const grid: SliceGrid = {
    rows: MR_SIZE,
    columns: MR_SIZE,
    spacing: MR_PIXEL,
    y0: -164,
    z0: Math.round((spine.curve.at(t12.sTop).z + 7.5) * 100) / 100, // T11-T12 disc at the top edge
    xs: Array.from({ length: MR_SLICES }, (_, i) => Math.round((i - (MR_SLICES - 1) / 2) * MR_SPACING * 1000) / 1000),
    slabs: [[0], [-1, 1], [-4 / 3, 0, 4 / 3]],
    sub: 2,
  };
  const plane = buildPlane(model, grid);
  const fine = buildPlane(model, grid, grid.sub);
  // Peristalsis is not periodic: it blurs the bowel rather than ghosting it.
  const motion = new Float32Array(plane.length);
  for (let i = 0; i < plane.length; i++) motion[i] = 0.85 * smoothstep(-60, -110, plane[i]!.d);
  const band = satBand(model);
  const sat = new Float32Array(plane.length);
  for (let i = 0; i < plane.length; i++) sat[i] = band.weight(plane[i]!.y, plane[i]!.z);
  // Breathing moves the abdomen in front of the spine, most far anteriorly and above the pelvis;
  // the back lies still on the coil.
  const sS1 = model.ls.byName.get('S1')!.sTop;
  const disp = new Float32Array(plane.length);
  for (let i = 0; i < plane.length; i++) {
    const p = plane[i]!;
    disp[i] = smoothstep(-30, -120, p.d) * (1 - 0.7 * smoothstep(sS1 - 20, sS1 + 40, p.s));
  }
  const preT = mrTables(T1_SE, false);
  const postT = mrTables(T1_SE, true);
  const preS = mrTables(T1_SE, false, SAT_BAND);
  const postS = mrTables(T1_SE, true, SAT_BAND);
  const rendered: RenderedSlice[] = [];
  const pre: Uint16Array[] = [];
  const post: Uint16Array[] = [];
  const rngPre = new Rng(seed, 't1-pre/noise');
  const rngPost = new Rng(seed, 't1-post/noise');
  for (let i = 0; i < MR_SLICES; i++) {
    const r = renderSlice(model, fine, grid, i, [preT.water, preT.fat, postT.water, postT.fat, preS.water, preS.fat, postS.water, postS.fat], seed);
    // Inside the band each tissue keeps only its saturated signal.
    for (let c = 0; c < 4; c++) {
      const a = r.channels[c]!;
      const b = r.channels[c + 4]!;
      for (let k = 0; k < a.length; k++) a[k] = a[k]! + sat[k]! * (b[k]! - a[k]!);
    }
    r.channels.length = 4;
    for (const ch of r.channels) {
      blur3(ch, grid.columns, grid.rows, 0.1); // the rest of the point-spread function: slice profile, filtering
      blurWhere(ch, grid.columns, grid.rows, motion);
    }
    const [pw, pf, qw, qf] = r.channels as [Float32Array, Float32Array, Float32Array, Float32Array];
    pre.push(finishMr(pw, pf, plane, grid, rngPre, disp));
    post.push(finishMr(qw, qf, plane, grid, rngPost, disp));
    r.channels.length = 0; // keep only labels and lesion masks for the truth
    rendered.push(r);
  }
  // One window for both series, so the faint enhancement shows when they are compared side by side.
  const window = autoWindow(pre);
  const lesions = spine.lesions.map((l, index) =>
    lesionTruth({ id: l.id, site: l.site, index, tissue: l.tissue, arrowFrom: ARROWS[l.id] ?? [1, 0] }, rendered, grid, lesionExtent(spine, index, l.tissue)),
  );
  const mid = (MR_SLICES - 1) / 2;
  const posterior = (_si: number, c: number, r: number): boolean => plane[r * grid.columns + c]!.d > 0;
  const labels = rendered.map((r) => r.label);
  const samples = {
    fat: tissueSamples(rendered, grid, Tissue.EPIDURAL_FAT, () => true, 4),
    subcutaneousFat: tissueSamples(rendered, grid, Tissue.FAT, (si, c, r) => posterior(si, c, r) && plane[r * grid.columns + c]!.back < 20, 4),
    csf: tissueSamples(rendered, grid, Tissue.CSF, () => true, 4),
    marrow: tissueSamples(rendered, grid, Tissue.MARROW, (_si, c, r) => plane[r * grid.columns + c]!.d < -4, 4),
    disc: tissueSamples(rendered, grid, Tissue.DISC, () => true, 4),
    muscle: tissueSamples(rendered, grid, Tissue.MUSCLE, posterior, 4),
  };
  return {
    grid,
    pre,
    post,
    window,
    levels: levelTruth(spine, grid, ['T12', 'L1', 'L2', 'L3', 'L4', 'L5', 'S1', 'S2', 'S3'], mid),
    lesions,
    samples,
    labels,
    saturationBand: band.inPixels(grid),
  };
}

/**
 * The anterior saturation band as a technologist places it: a slab parallel to the front of the
 * lumbar bodies (L1 to L5), its edge 8 mm in front of the most anterior of them, covering the abdomen.
 * The axial stacks keep the same band (a coronal slab across every axial slice).
 */
export function satBand(model: LumbosacralPhantom): SatSlab {
  const V = (n: string): Vertebra => model.ls.byName.get(n)!;
  const front = (n: string): { y: number; z: number } => V(n).toPatient(0, -V(n).spec.depth);
  const a = front('L1');
  const b = front('L5');
  const dir = { y: b.y - a.y, z: b.z - a.z };
  const probe = new SatSlab(a, dir, 0);
  const reach = Math.max(...['T12', 'L1', 'L2', 'L3', 'L4', 'L5'].map((n) => probe.depth(front(n).y, front(n).z)));
  return new SatSlab(a, dir, 10, reach + 8);
}

/** Window from the data: 0 to just above the 99.5th percentile (bright fat), rounded. */
function autoWindow(images: readonly Uint16Array[]): { centre: number; width: number } {
  const hist = new Uint32Array(4096);
  let n = 0;
  for (const im of images)
    for (let i = 0; i < im.length; i++) {
      if (im[i]! < 60) continue; // background noise
      hist[im[i]!] = hist[im[i]!]! + 1;
      n++;
    }
  let acc = 0;
  let p = 0;
  for (; p < 4096; p++) {
    acc += hist[p]!;
    if (acc >= 0.995 * n) break;
  }
  const width = Math.round((p * 1.02) / 10) * 10;
  return { centre: width / 2, width };
}
