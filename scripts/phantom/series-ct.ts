/** The CT series: sagittal reconstruction of the thoracic spine in Hounsfield units. */
import { ThoracicPhantom } from './chest-body';
import { finishCt, huTable } from './ct';
import { blur3, buildPlane, MIXED, renderSlice, type RenderedSlice, type SliceGrid } from './render';
import { Rng } from './rng';
import { Tissue } from './tissues';
import { lesionExtent, lesionTruth, levelTruth, tissueSamples, type LesionTruth, type Px } from './truth';

export const CT_SLICES = 15;
export const CT_SPACING = 2;
export const CT_THICKNESS = 2;
export const CT_SIZE = 384;
export const CT_PIXEL = 0.8;

export interface CtResult {
  grid: SliceGrid;
  images: Uint16Array[];
  levels: Record<string, { imageIndex: number; bodyCentre: Px }>;
  lesions: LesionTruth[];
  samples: Record<string, [number, number, number][]>;
  labels: Uint8Array[];
}

const AERATED = new Set<number>([Tissue.LUNG, Tissue.LUNG_VESSEL, Tissue.LIGAMENT]);

/**
 * The dependent density gradient of a supine patient's lung, added to the aerated part of each
 * lung voxel (in proportion to how far its value lies towards air) after the tissues are summed.
 */
function dependentLung(model: ThoracicPhantom, r: RenderedSlice, g: SliceGrid): void {
  const img = r.channels[0]!;
  for (let i = 0; i < img.length; i++) {
    if (!AERATED.has(r.label[i]! & ~MIXED)) continue;
    const air = Math.min(1, Math.max(0, -img[i]! / 855));
    if (air > 0) img[i] = img[i]! + air * model.dependentHu(g.y0 + (i % g.columns) * g.spacing);
  }
}

export function buildCt(seed: number): CtResult {
  const model = new ThoracicPhantom(seed, { y: 40, z: 0 });
  const spine = model.spine;
  const t2 = model.th.byName.get('T2')!;
  const grid: SliceGrid = {
    rows: CT_SIZE,
    columns: CT_SIZE,
    spacing: CT_PIXEL,
    y0: -175,
    z0: Math.round((spine.curve.at(t2.sTop).z + 12) * 100) / 100,
    xs: Array.from({ length: CT_SLICES }, (_, i) => (i - (CT_SLICES - 1) / 2) * CT_SPACING),
    slabs: [[0], [-0.5, 0.5]],
    sub: 2,
  };
  const plane = buildPlane(model, grid);
  const fine = buildPlane(model, grid, grid.sub);
  const table = huTable();
  const rng = new Rng(seed, 'ct/noise');
  const rendered: RenderedSlice[] = [];
  const images: Uint16Array[] = [];
  for (let i = 0; i < CT_SLICES; i++) {
    const r = renderSlice(model, fine, grid, i, [table], seed + 1);
    dependentLung(model, r, grid);
    blur3(r.channels[0]!, grid.columns, grid.rows, 0.08);
    images.push(finishCt(r.channels[0]!, grid, rng));
    r.channels.length = 0;
    rendered.push(r);
  }
  const l = spine.lesions[0]!;
  const lesions = [lesionTruth({ id: l.id, site: l.site, index: 0, tissue: l.tissue, arrowFrom: [1, -0.3] }, rendered, grid, lesionExtent(spine, 0, l.tissue))];
  const names = spine.vertebrae.map((v) => v.spec.name).filter((n) => n.startsWith('T'));
  const anywhere = (): boolean => true;
  const back = (_si: number, c: number, r: number): boolean => plane[r * grid.columns + c]!.back < 25;
  return {
    grid,
    images,
    levels: levelTruth(spine, grid, names, (CT_SLICES - 1) / 2),
    lesions,
    labels: rendered.map((r) => r.label),
    samples: {
      fat: tissueSamples(rendered, grid, Tissue.FAT, back, 4),
      csf: tissueSamples(rendered, grid, Tissue.CSF, anywhere, 3),
      marrow: tissueSamples(rendered, grid, Tissue.MARROW, (_si, c, r) => plane[r * grid.columns + c]!.d < -4, 4),
      disc: tissueSamples(rendered, grid, Tissue.DISC, anywhere, 4),
      muscle: tissueSamples(rendered, grid, Tissue.MUSCLE, (_si, c, r) => plane[r * grid.columns + c]!.d > 0, 4),
      lung: tissueSamples(rendered, grid, Tissue.LUNG, anywhere, 4),
    },
  };
}
