/**
 * Deterministic synthetic DICOM phantom for the first teaching case (multilevel epidural soft
 * tissue in a patient with AML): sagittal T1 of the lumbosacral spine before and after gadolinium,
 * axial T1 through L2 and through L5-S1, and a sagittal CT of the thoracic spine, plus ground truth for teaching arrows.
 *
 *   npx tsx scripts/phantom/generate.ts [--out DIR] [--seed N]
 *
 * Also importable: generatePhantom({ seed }) builds everything in memory (used by the tests).
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CT_IMAGE_STORAGE, MR_IMAGE_STORAGE, writeImage, type ImageHeader } from './dicom-writer';
import { CT_INTERCEPT } from './ct';
import { buildCt, CT_PIXEL, CT_SPACING, CT_THICKNESS } from './series-ct';
import { buildMr, MR_ANCHOR, MR_PIXEL, MR_SPACING, MR_THICKNESS } from './series-mr';
import { AX_PIXEL, AX_SPACING, AX_THICKNESS, axialStacks, buildMrAxial } from './series-mr-axial';
import { LumbosacralPhantom } from './mr-body';
import { transposedGrid } from './render-axial';
import type { SliceGrid } from './render';
import { encodeLabels, type PhantomTruth, type SeriesTruth } from './truth';
import { MIXED } from './render';
import { T1_SE } from './mr-t1';
import { TISSUE_NAMES } from './tissues';
import { phantomUid } from './uids';

export const DEFAULT_SEED = 1;

/** Not angled to the discs: true axial slices, as the description says. */
const AXIAL_DESCRIPTION: Readonly<Record<string, string>> = { 't1-ax-l2': 'Ax T1 L2', 't1-ax-l5s1': 'Ax T1 L5-S1' };
export const GENERATOR = 'scripts/phantom/generate.ts';

export interface PhantomFile {
  name: string;
  bytes: Uint8Array;
}
export interface PhantomSeries {
  key: string;
  files: PhantomFile[];
}
export interface PhantomOutput {
  series: PhantomSeries[];
  truth: PhantomTruth;
}

/** One series to write: its identity, geometry, window and pixels (exported for the long-series generator). */
export interface SeriesSpec {
  key: string;
  modality: 'MR' | 'CT';
  description: string;
  number: number;
  time: string;
  bodyPart: string;
  frameOfReferenceUid: string;
  grid: SliceGrid;
  pixelSpacing: number;
  thickness: number;
  spacing: number;
  window: { centre: number; width: number; explanation: string };
  images: readonly Uint16Array[];
  extra: ImageHeader['extra'];
  /** axial stacks: each image's top-left pixel and the orientation (sagittal: from grid.xs, y0, z0) */
  axial?: { positions: readonly (readonly [number, number, number])[] };
}

const AXIAL_ORIENTATION = [1, 0, 0, 0, 1, 0] as const;

const fileName = (i: number): string => `${String(i + 1).padStart(4, '0')}.dcm`;

export function writeSeries(seed: number, study: string, s: SeriesSpec): PhantomSeries {
  const seriesUid = phantomUid(seed, `series/${s.key}`);
  const files = s.images.map((pixels, i) => ({
    name: fileName(i),
    bytes: writeImage(
      {
        sopClassUid: s.modality === 'MR' ? MR_IMAGE_STORAGE : CT_IMAGE_STORAGE,
        sopInstanceUid: phantomUid(seed, `sop/${s.key}/${i + 1}`),
        studyInstanceUid: study,
        seriesInstanceUid: seriesUid,
        frameOfReferenceUid: s.frameOfReferenceUid,
        modality: s.modality,
        seriesDescription: s.description,
        seriesNumber: s.number,
        instanceNumber: i + 1,
        seriesTime: s.time,
        bodyPart: s.bodyPart,
        // Top-left pixel of the image; slices step along patient x (right to left) in file order.
        position: s.axial ? s.axial.positions[i]! : [s.grid.xs[i]!, s.grid.y0, s.grid.z0],
        ...(s.axial ? { orientation: AXIAL_ORIENTATION, sliceLocation: s.axial.positions[i]![2] } : {}),
        pixelSpacing: s.pixelSpacing,
        sliceThickness: s.thickness,
        spacingBetweenSlices: s.spacing,
        rows: s.grid.rows,
        columns: s.grid.columns,
        windowCenter: s.window.centre,
        windowWidth: s.window.width,
        windowExplanation: s.window.explanation,
        extra: s.extra,
      },
      pixels,
    ),
  }));
  return { key: s.key, files };
}

export function generatePhantom(opts: { seed?: number } = {}): PhantomOutput {
  const seed = opts.seed ?? DEFAULT_SEED;
  const study = phantomUid(seed, 'study');
  const mrFor = phantomUid(seed, 'frame-of-reference/mr');
  const ctFor = phantomUid(seed, 'frame-of-reference/ct');
  const mr = buildMr(seed);
  const ct = buildCt(seed);
  // The axial stacks sample the same anatomy (a model of their own, built the same way) with the
  // sagittal pre-contrast's physics, window and coil.
  const axModel = new LumbosacralPhantom(seed, MR_ANCHOR);
  const coilZ = mr.grid.z0 - (mr.grid.rows * mr.grid.spacing) / 2;
  const axial = axialStacks(axModel).map((st) => buildMrAxial(seed, axModel, st, coilZ));
  const mrCommon = {
    modality: 'MR' as const,
    bodyPart: 'LSSPINE',
    frameOfReferenceUid: mrFor,
    grid: mr.grid,
    pixelSpacing: MR_PIXEL,
    thickness: MR_THICKNESS,
    spacing: MR_SPACING,
    window: { ...mr.window, explanation: 'T1' },
  };
  const t1 = {
    ImageType: ['DERIVED', 'SECONDARY', 'M'],
    ScanningSequence: 'SE',
    SequenceVariant: 'NONE',
    MRAcquisitionType: '2D',
    RepetitionTime: String(T1_SE.tr),
    EchoTime: String(T1_SE.te),
    EchoTrainLength: 1,
    NumberOfAverages: '2',
    ImagingFrequency: '63.87',
    ImagedNucleus: '1H',
    MagneticFieldStrength: '1.5',
    FlipAngle: '90',
    ReceiveCoilName: 'SPINE',
    InPlanePhaseEncodingDirection: 'ROW',
  };
  const specs: SeriesSpec[] = [
    { ...mrCommon, key: 't1-pre', description: 'Sag T1 pre-contrast', number: 1, time: '120500', images: mr.pre, extra: t1 },
    {
      ...mrCommon,
      key: 't1-post',
      description: 'Sag T1 post-gadolinium',
      number: 2,
      time: '122000',
      images: mr.post,
      extra: { ...t1, ContrastBolusAgent: 'GADOLINIUM (SYNTHETIC)', ContrastBolusRoute: 'IV' },
    },
    {
      key: 'ct-thoracic',
      modality: 'CT',
      description: 'CT thoracic spine sagittal',
      number: 3,
      time: '124000',
      bodyPart: 'TSPINE',
      frameOfReferenceUid: ctFor,
      grid: ct.grid,
      pixelSpacing: CT_PIXEL,
      thickness: CT_THICKNESS,
      spacing: CT_SPACING,
      window: { centre: 40, width: 400, explanation: 'SOFT TISSUE' },
      images: ct.images,
      extra: {
        ImageType: ['DERIVED', 'SECONDARY', 'REFORMATTED'],
        KVP: '120',
        ConvolutionKernel: 'STANDARD',
        RescaleIntercept: String(CT_INTERCEPT),
        RescaleSlope: '1',
        RescaleType: 'HU',
      },
    },
    ...axial.map(
      (a, i): SeriesSpec => ({
        ...mrCommon,
        key: a.key,
        description: AXIAL_DESCRIPTION[a.key] ?? a.key,
        number: 4 + i,
        time: i === 0 ? '121000' : '121500',
        grid: transposedGrid(a.grid),
        pixelSpacing: AX_PIXEL,
        thickness: AX_THICKNESS,
        spacing: AX_SPACING,
        images: a.images,
        extra: { ...t1, InPlanePhaseEncodingDirection: 'COL' },
        axial: { positions: a.grid.zs.map((z) => [a.grid.x0, a.grid.y0, z] as const) },
      }),
    ),
  ];
  const series = specs.map((s) => writeSeries(seed, study, s));
  const seriesTruth = (s: SeriesSpec, parts: Pick<SeriesTruth, 'levels' | 'lesions' | 'samples' | 'labelMap'>): SeriesTruth => ({
    modality: s.modality,
    seriesDescription: s.description,
    seriesInstanceUID: phantomUid(seed, `series/${s.key}`),
    rows: s.grid.rows,
    columns: s.grid.columns,
    imageCount: s.images.length,
    pixelSpacing: [s.pixelSpacing, s.pixelSpacing],
    frameOfReferenceUID: s.frameOfReferenceUid,
    windowCenter: s.window.centre,
    windowWidth: s.window.width,
    ...parts,
  });
  const truth: PhantomTruth = {
    seed,
    generator: GENERATOR,
    note: 'Synthetic phantom. Pixel coordinates are [column, row], 0-based; imageIndex is the 0-based position in the manifest (= InstanceNumber - 1). labelMaps: per image, row-major, one byte per pixel = index into labelTable, + mixedBit where the voxel holds more than one tissue.',
    studyInstanceUID: study,
    series: {
      't1-pre': { ...seriesTruth(specs[0]!, { levels: mr.levels, lesions: mr.lesions, samples: mr.samples, labelMap: 'mr-sagittal' }), saturationBand: mr.saturationBand },
      't1-post': { ...seriesTruth(specs[1]!, { levels: mr.levels, lesions: mr.lesions, samples: mr.samples, labelMap: 'mr-sagittal' }), saturationBand: mr.saturationBand },
      'ct-thoracic': seriesTruth(specs[2]!, { levels: ct.levels, lesions: ct.lesions, samples: ct.samples, labelMap: 'ct-sagittal' }),
      ...Object.fromEntries(axial.map((a, i) => [a.key, seriesTruth(specs[3 + i]!, { levels: a.levels, lesions: a.lesions, samples: a.samples, labelMap: `mr-${a.key.slice(3)}` })])),
    },
    labelTable: TISSUE_NAMES,
    mixedBit: MIXED,
    // Pre and post are one registered acquisition geometry: one label map serves both.
    labelMaps: {
      'mr-sagittal': encodeLabels(mr.labels, mr.grid),
      'ct-sagittal': encodeLabels(ct.labels, ct.grid),
      ...Object.fromEntries(axial.map((a) => [`mr-${a.key.slice(3)}`, encodeLabels(a.labels, transposedGrid(a.grid))])),
    },
  };
  return { series, truth };
}

/** The files are written in position order, one image each: the manifest says so, for the viewer to trust. */
export function manifestJson(s: PhantomSeries): string {
  return `${JSON.stringify({ sorted: true, files: s.files.map((f) => f.name) }, null, 2)}\n`;
}

export function truthJson(t: PhantomTruth): string {
  return `${JSON.stringify(t, null, 2)}\n`;
}

export function writePhantom(out: PhantomOutput, dir: string): number {
  let bytes = 0;
  for (const s of out.series) {
    const sd = join(dir, 'series', s.key);
    mkdirSync(sd, { recursive: true });
    const keep = new Set(s.files.map((f) => f.name));
    for (const old of readdirSync(sd)) if (old.endsWith('.dcm') && !keep.has(old)) rmSync(join(sd, old));
    for (const f of s.files) {
      writeFileSync(join(sd, f.name), f.bytes);
      bytes += f.bytes.length;
    }
    writeFileSync(join(sd, 'manifest.json'), manifestJson(s));
  }
  writeFileSync(join(dir, 'phantom-truth.json'), truthJson(out.truth));
  return bytes;
}

function main(argv: readonly string[]): void {
  const here = dirname(fileURLToPath(import.meta.url));
  let out = resolve(here, '../../cases/epidural-aml');
  let seed = DEFAULT_SEED;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') out = resolve(argv[++i] ?? out);
    else if (a === '--seed') seed = Number(argv[++i]);
    else throw new Error(`unknown argument ${a} (usage: generate.ts [--out DIR] [--seed N])`);
  }
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a non-negative integer');
  const t0 = performance.now();
  const result = generatePhantom({ seed });
  const t1 = performance.now();
  const bytes = writePhantom(result, out);
  console.log(`phantom seed ${seed} -> ${out} (${(bytes / 1e6).toFixed(2)} MB of DICOM, generated in ${((t1 - t0) / 1000).toFixed(1)} s)`);
  for (const s of result.series) {
    const t = result.truth.series[s.key]!;
    console.log(`  ${s.key}: ${s.files.length} images ${t.columns}x${t.rows}, "${t.seriesDescription}", window ${t.windowCenter}/${t.windowWidth}`);
    for (const l of t.lesions) {
      console.log(`    ${l.id}: extent ${l.extentMm.join(' x ')} mm (LR x AP x SI), on images ${l.slices.map((x) => x.imageIndex).join(',')}, arrow on ${l.arrow.imageIndex} tip ${l.arrow.tip.join(',')}`);
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
